using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.SupplierReturns;

public sealed record SupplierReturnLineResponse(string SupplierSkuCode, string FromMerchantSkuCode, int ExpectedQuantity, int ReceivedQuantity,
    int DamagedQuantity, decimal UnitPriceAtShipment);

public sealed record SupplierReturnResponse(string Id, string DistributorAccountId, string? DistributorName, string AfterSalesOrderId, string DistributionReturnId,
    string DistributionOrderId, string? MarketplaceOrderNo, Platform Source, string ReturnType, SupplierReturnStatus Status, string Currency,
    decimal EstimatedRefundAmount, string WarehouseId, bool NeedsAttention, string? AttentionReason, string? RefundOrderId, DateTimeOffset CreatedAt,
    DateTimeOffset? ReceivedAt, DateTimeOffset? CompletedAt, DateTimeOffset? RecalledAt, IReadOnlyList<SupplierReturnLineResponse> Lines,
    IReadOnlyList<TimelineEntryResponse>? Timeline);

public sealed record ChargeSettings(string Currency, decimal DistributionFee, decimal ReturnHandlingFee);

/// <summary>
/// The supplier's two lists of pushed returns, After Sales Orders – BigShop and Return &amp; Stock-in – BigShop: the
/// same supplier returns, the return type always "Return &amp; Refund". Stock-in works from either.
/// </summary>
public static class SupplierReturnsApi
{
    public static IEndpointRouteBuilder MapSupplierReturns(this IEndpointRouteBuilder app)
    {
        foreach (var (route, tag) in new[] { ("/api/v1/supplier/after-sales-orders", "After Sales Orders – BigShop"), ("/api/v1/supplier/return-stock-ins", "Return & Stock-in – BigShop") })
        {
            var g = app.MapApiGroup(route, tag);
            g.MapGet("/", ListAsync).WithSummary("Pushed returns, newest first; filter by status and distributor. Each with its estimated refund amount.");
            g.MapGet("/counts", CountsAsync);
            g.MapGet("/{id}", async Task<Ok<SupplierReturnResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            {
                var me = p.AccountId();
                var ret = await db.SupplierReturns.AsNoTracking().FindForSupplierAsync(me, id, ct);
                return TypedResults.Ok((await ToResponsesAsync(db, me, [ret], withTimeline: true, ct))[0]);
            }).WithSummary("One supplier return with its lines and the after-sales timeline of both sides.");
            g.MapPost("/{id}/stock-in", async Task<Ok<SupplierReturnResponse>> (string id, StockInSupplierReturn.Request request, ClaimsPrincipal p, StockInSupplierReturn useCase, AppDbContext db, CancellationToken ct) =>
            {
                var ret = await useCase.HandleAsync(p.AccountId(), id, request, ct);
                return TypedResults.Ok((await ToResponsesAsync(db, p.AccountId(), [ret], withTimeline: false, ct))[0]);
            }).WithSummary("Stock in to an own warehouse (never a third party's): lines {supplierSkuCode, quantity, condition Good|Damaged}.");
            g.MapPost("/{id}/refund-orders", async Task<Created<RefundOrderResponse>> (string id, CreateRefundOrder.Request request, ClaimsPrincipal p, CreateRefundOrder useCase, CancellationToken ct) =>
            {
                var refund = await useCase.HandleAsync(p.AccountId(), id, request, ct);
                return TypedResults.Created($"/api/v1/supplier/refund-orders/{refund.Id}", refund.ToResponse());
            }).WithSummary("Create the refund order of a received return: CustomerBalance completes everything at once; BankTransfer waits for the distributor.");
            g.MapPost("/{id}/acknowledge", async Task<Ok<SupplierReturnResponse>> (string id, ClaimsPrincipal p, AcknowledgeSupplierReturn useCase, AppDbContext db, CancellationToken ct) =>
            {
                var ret = await useCase.HandleAsync(p.AccountId(), id, ct);
                return TypedResults.Ok((await ToResponsesAsync(db, p.AccountId(), [ret], withTimeline: false, ct))[0]);
            }).WithSummary("Clear the needs-attention flag once the supplier has dealt with a cancelled-after-stock-in return.");
        }

        var settings = app.MapApiGroup("/api/v1/supplier/charge-settings", "Distribution Charge Settings");
        settings.MapGet("/", async Task<Ok<ChargeSettings>> (ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(ToSettings(await db.AccountAsync(p.AccountId(), ct))));
        settings.MapPut("/", async Task<Ok<ChargeSettings>> (UpdateChargeSettings.Request request, ClaimsPrincipal p, UpdateChargeSettings useCase, CancellationToken ct) =>
        {
            return TypedResults.Ok(ToSettings(await useCase.HandleAsync(p.AccountId(), request, ct)));
        }).WithSummary("Distribution fee per shipped order, return handling fee per return (frozen onto each refund order).");
        return app;
    }

    private static ChargeSettings ToSettings(Account a) =>
        new(a.Currency, Money.Present(a.DistributionFee, a.Currency), Money.Present(a.ReturnHandlingFee, a.Currency));

    /// <summary>
    /// Maps a page in three queries at most: the fee for estimates is the current setting, or the one frozen on
    /// the return's refund order once there is one.
    /// </summary>
    private static async Task<IReadOnlyList<SupplierReturnResponse>> ToResponsesAsync(AppDbContext db, string supplierId, IReadOnlyList<SupplierReturn> rows,
        bool withTimeline, CancellationToken ct)
    {
        var currentFee = await db.Accounts.Where(a => a.Id == supplierId).Select(a => a.ReturnHandlingFee).SingleAsync(ct);
        var refundIds = rows.Select(r => r.ActiveRefundOrderId).OfType<string>().ToList();
        var frozenFees = refundIds.Count == 0 ? [] : await db.RefundOrders.AsNoTracking().Where(r => refundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ReturnHandlingFee, ct);
        var distributorIds = rows.Select(r => r.DistributorAccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => distributorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var responses = new List<SupplierReturnResponse>(rows.Count);
        foreach (var r in rows)
        {
            decimal M(decimal v) => Money.Present(v, r.Currency);
            var fee = r.ActiveRefundOrderId is { } rid && frozenFees.TryGetValue(rid, out var frozen) ? frozen : currentFee;
            responses.Add(new SupplierReturnResponse(r.Id, r.DistributorAccountId, names.GetValueOrDefault(r.DistributorAccountId), r.AfterSalesOrderId,
                r.DistributionReturnId, r.DistributionOrderId, r.MarketplaceOrderNo, r.Source, SupplierReturn.ReturnType, r.Status, r.Currency,
                M(r.EstimatedRefund(fee)), r.WarehouseId, r.NeedsAttention, r.AttentionReason, r.ActiveRefundOrderId, r.CreatedAt, r.ReceivedAt, r.CompletedAt,
                r.RecalledAt,
                r.Lines.Select(l => new SupplierReturnLineResponse(l.SupplierSkuCode, l.FromMerchantSkuCode, l.ExpectedQuantity, l.ReceivedQuantity,
                    l.DamagedQuantity, M(l.UnitPriceAtShipment))).ToList(),
                withTimeline ? await db.TimelineOfAsync(r.AfterSalesOrderId, ct) : null));
        }
        return responses;
    }

    private static IQueryable<SupplierReturn> Filter(AppDbContext db, string me, SupplierReturnStatus? status, string? distributorId, bool? needsAttention)
    {
        var query = db.SupplierReturns.AsNoTracking().Where(r => r.SupplierAccountId == me);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (distributorId is not null) query = query.Where(r => r.DistributorAccountId == distributorId);
        if (needsAttention is { } n) query = query.Where(r => r.NeedsAttention == n);
        return query;
    }

    private static async Task<Ok<Page<SupplierReturnResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db, SupplierReturnStatus? status, string? distributorId,
        bool? needsAttention, int? limit, string? cursor, CancellationToken ct)
    {
        var me = p.AccountId();
        return TypedResults.Ok(await Filter(db, me, status, distributorId, needsAttention)
            .ToPageAsync(PageRequest.From(limit, cursor), rows => ToResponsesAsync(db, me, rows, withTimeline: false, ct), ct));
    }

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(ClaimsPrincipal p, AppDbContext db, string? distributorId, bool? needsAttention, CancellationToken ct) =>
        TypedResults.Ok(await Filter(db, p.AccountId(), null, distributorId, needsAttention).CountByStatusAsync(r => r.Status, ct));
}
