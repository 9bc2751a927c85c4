using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.SupplierReturns;

public sealed record SupplierReturnLineResponse(string SupplierSkuCode, string FromMerchantSkuCode, int ExpectedQuantity,
    int ReceivedQuantity,
    int DamagedQuantity, decimal UnitPriceAtShipment);

public sealed record SupplierReturnResponse(string Id, string DistributorAccountId, string? DistributorName, string AfterSalesOrderId,
    string DistributionReturnId, string DistributionOrderId, string? MarketplaceOrderNo, Platform Source, string ReturnType,
    SupplierReturnStatus Status, string Currency, decimal EstimatedRefundAmount, string WarehouseId, bool NeedsAttention,
        string? AttentionReason,
    string? RefundOrderId, DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? CompletedAt, DateTimeOffset? RecalledAt,
    IReadOnlyList<SupplierReturnLineResponse> Lines, IReadOnlyList<TimelineEntryResponse>? Timeline);

public sealed record StockInResultResponse(string Id, SupplierReturnStatus? Status, FailureResponse? Error);

public sealed record BulkStockInResponse(IReadOnlyList<StockInResultResponse> Results);

public sealed record RefundResultResponse(string Id, string? RefundOrderId, RefundStatus? Status, decimal? RefundableAmount,
    FailureResponse? Error);

public sealed record BulkRefundResponse(IReadOnlyList<RefundResultResponse> Results);

public sealed record ChargeSettings(string Currency, decimal DistributionFee, decimal ReturnHandlingFee);

/// <summary>
/// The supplier's two lists of pushed returns, After Sales Orders – BigShop and Return &amp; Stock-in – BigShop: the
/// same supplier returns, the return type always "Return &amp; Refund". Stock-in works from either. Beside them, the
/// Distribution Charge Settings whose return handling fee the estimates and refund orders use.
/// </summary>
public static class SupplierReturnsApi
{
    public static IEndpointRouteBuilder MapSupplierReturns(this IEndpointRouteBuilder app)
    {
        var lists = new[]
        {
            ("/api/v1/supplier/after-sales-orders", "After Sales Orders – BigShop"),
            ("/api/v1/supplier/return-stock-ins", "Return & Stock-in – BigShop"),
        };
        foreach (var (route, tag) in lists)
        {
            var g = app.MapApiGroup(route, tag).RequirePermissionToWrite(Permission.Stock);
            g.MapGet("/", ListAsync)
                .WithSummary("Pushed returns, newest first; filter by status and distributor. Each with its estimated refund amount.");
            g.MapGet("/counts", CountsAsync);
            g.MapGet("/{id}", GetAsync).WithSummary("One supplier return with its lines and the after-sales timeline of both sides.");
            g.MapPost("/{id}/stock-in", StockInAsync).WithSummary(
                "Stock in to an own warehouse (never a third party's): lines {supplierSkuCode, quantity, condition Good|Damaged}.");
            g.MapPost("/{id}/refund-orders", CreateRefundAsync).RequirePermission(Permission.Money)
                .WithSummary("Create the refund order of a received return: "
                + "CustomerBalance completes everything at once; BankTransfer waits for the distributor.");
            g.MapPost("/{id}/acknowledge", AcknowledgeAsync).RequirePermission(Permission.AfterSales)
                .WithSummary("Clear the needs-attention flag once the supplier has dealt with a cancelled-after-stock-in return.");
        }

        var bulk = app.MapApiGroup("/api/v1/supplier-returns", "Return & Stock-in – BigShop");
        bulk.MapPost("/stock-in", StockInManyAsync).RequirePermission(Permission.Stock)
            .WithSummary("Stock in many pushed returns at once into an own warehouse, each as "
            + "expected and all good: a result per id. The batch is saved in one transaction; a return that cannot be stocked in "
            + "fails on its own with its code.");
        bulk.MapPost("/refund-orders", CreateRefundsAsync).RequirePermission(Permission.Money)
            .WithSummary("A refund order per received return, with the default amounts "
            + "(no exchange amount): a result per id. The batch is saved in one transaction; a return that cannot be refunded fails "
            + "on its own with its code.");

        var settings = app.MapApiGroup("/api/v1/supplier/charge-settings", "Distribution Charge Settings")
            .RequirePermissionToWrite(Permission.Money);
        settings.MapGet("/", async Task<Ok<ChargeSettings>> (ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(ToSettings(await db.AccountAsync(p.AccountId(), ct))));
        settings.MapPut("/",
            async Task<Ok<ChargeSettings>> (UpdateChargeSettings.Request request, ClaimsPrincipal p, UpdateChargeSettings useCase,
            CancellationToken ct) => TypedResults.Ok(ToSettings(await useCase.HandleAsync(p.AccountId(), request, ct))))
            .WithSummary("Distribution fee per shipped order, return handling fee per return (frozen onto each refund order).");
        return app;
    }

    private static async Task<Ok<SupplierReturnResponse>> GetAsync(string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct)
    {
        var ret = await db.SupplierReturns.AsNoTracking().FindForSupplierAsync(p.AccountId(), id, ct);
        return TypedResults.Ok((await ToResponsesAsync(db, p.AccountId(), [ret], withTimeline: true, ct))[0]);
    }

    private static async Task<Ok<SupplierReturnResponse>> StockInAsync(string id, StockInSupplierReturn.Request request, ClaimsPrincipal p,
        StockInSupplierReturn useCase, AppDbContext db, CancellationToken ct)
    {
        var ret = await useCase.HandleAsync(p.AccountId(), id, request, ct);
        return TypedResults.Ok((await ToResponsesAsync(db, p.AccountId(), [ret], withTimeline: false, ct))[0]);
    }

    private static async Task<Created<RefundOrderResponse>> CreateRefundAsync(string id, CreateRefundOrder.Request request,
        ClaimsPrincipal p,
        CreateRefundOrder useCase, CancellationToken ct)
    {
        var refund = await useCase.HandleAsync(p.AccountId(), id, request, ct);
        return TypedResults.Created($"/api/v1/supplier/refund-orders/{refund.Id}", refund.ToResponse());
    }

    private static async Task<Ok<BulkStockInResponse>> StockInManyAsync(StockInSupplierReturns.Request request, ClaimsPrincipal p,
        StockInSupplierReturns useCase, CancellationToken ct)
    {
        var outcomes = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Ok(new BulkStockInResponse(outcomes.Select(o => new StockInResultResponse(o.Id, o.Return?.Status,
            o.Error is { } e ? new FailureResponse(e.Code, e.Message) : null)).ToList()));
    }

    private static async Task<Ok<BulkRefundResponse>> CreateRefundsAsync(CreateRefundOrders.Request request, ClaimsPrincipal p,
        CreateRefundOrders useCase, CancellationToken ct)
    {
        var outcomes = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Ok(new BulkRefundResponse(outcomes.Select(o => new RefundResultResponse(o.Id, o.Refund?.Id, o.Refund?.Status,
            o.Refund is { } r ? Money.Present(r.RefundableAmount, r.Currency) : null,
            o.Error is { } e ? new FailureResponse(e.Code, e.Message) : null)).ToList()));
    }

    private static async Task<Ok<SupplierReturnResponse>> AcknowledgeAsync(string id, ClaimsPrincipal p, AcknowledgeSupplierReturn useCase,
        AppDbContext db, CancellationToken ct)
    {
        var ret = await useCase.HandleAsync(p.AccountId(), id, ct);
        return TypedResults.Ok((await ToResponsesAsync(db, p.AccountId(), [ret], withTimeline: false, ct))[0]);
    }

    private static ChargeSettings ToSettings(Account a) =>
        new(a.Currency, Money.Present(a.DistributionFee, a.Currency), Money.Present(a.ReturnHandlingFee, a.Currency));

    /// <summary>As the API answers it (the list leaves the timeline out); webhooks send the same shape.</summary>
    public static SupplierReturnResponse ToResponse(this SupplierReturn r, string? distributorName, decimal estimatedRefund,
        IReadOnlyList<TimelineEntryResponse>? timeline)
    {
        decimal M(decimal v) => Money.Present(v, r.Currency);
        return new(
            Id: r.Id,
            DistributorAccountId: r.DistributorAccountId,
            DistributorName: distributorName,
            AfterSalesOrderId: r.AfterSalesOrderId,
            DistributionReturnId: r.DistributionReturnId,
            DistributionOrderId: r.DistributionOrderId,
            MarketplaceOrderNo: r.MarketplaceOrderNo,
            Source: r.Source,
            ReturnType: SupplierReturn.ReturnType,
            Status: r.Status,
            Currency: r.Currency,
            EstimatedRefundAmount: M(estimatedRefund),
            WarehouseId: r.WarehouseId,
            NeedsAttention: r.NeedsAttention,
            AttentionReason: r.AttentionReason,
            RefundOrderId: r.ActiveRefundOrderId,
            CreatedAt: r.CreatedAt,
            ReceivedAt: r.ReceivedAt,
            CompletedAt: r.CompletedAt,
            RecalledAt: r.RecalledAt,
            Lines: r.Lines.Select(l => new SupplierReturnLineResponse(l.SupplierSkuCode, l.FromMerchantSkuCode, l.ExpectedQuantity,
                l.ReceivedQuantity, l.DamagedQuantity, M(l.UnitPriceAtShipment))).ToList(),
            Timeline: timeline);
    }

    /// <summary>Maps a page in three queries at most: the current fee, the fees frozen on refund orders, the distributors' names.</summary>
    private static async Task<IReadOnlyList<SupplierReturnResponse>> ToResponsesAsync(AppDbContext db, string supplierId,
        IReadOnlyList<SupplierReturn> rows, bool withTimeline, CancellationToken ct)
    {
        var currentFee = await db.Accounts.Where(a => a.Id == supplierId).Select(a => a.ReturnHandlingFee).SingleAsync(ct);
        var frozenFees = await db.FrozenHandlingFeesAsync(rows, ct);
        var distributorIds = rows.Select(r => r.DistributorAccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => distributorIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var responses = new List<SupplierReturnResponse>(rows.Count);
        foreach (var r in rows)
        {
            decimal? frozenFee = r.ActiveRefundOrderId is { } refundId && frozenFees.TryGetValue(refundId, out var fee) ? fee : null;
            responses.Add(r.ToResponse(names.GetValueOrDefault(r.DistributorAccountId), r.EstimatedRefund(currentFee, frozenFee),
                withTimeline ? await db.TimelineOfAsync(r.AfterSalesOrderId, ct) : null));
        }
        return responses;
    }

    private static async Task<Ok<Page<SupplierReturnResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db, SupplierReturnStatus? status,
        string? distributorId, bool? needsAttention, int? limit, string? cursor, CancellationToken ct)
    {
        var me = p.AccountId();
        return TypedResults.Ok(await db.SupplierReturnsOf(me, status, distributorId, needsAttention)
            .ToPageAsync(PageRequest.From(limit, cursor), rows => ToResponsesAsync(db, me, rows, withTimeline: false, ct), ct));
    }

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(ClaimsPrincipal p, AppDbContext db, string? distributorId,
        bool? needsAttention, CancellationToken ct) =>
        TypedResults.Ok(await db.SupplierReturnCountsAsync(p.AccountId(), distributorId, needsAttention, ct));
}
