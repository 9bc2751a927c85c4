using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

public sealed record AfterSalesLineResponse(string MerchantSkuCode, int Quantity);

public sealed record DistributionReturnSummary(string Id, DistributionReturnStatus Status);

/// <summary>The seller's own Return &amp; Stock-in of a regular after-sales order.</summary>
public sealed record ReturnStockInSummary(string Id, ReturnStockInStatus Status);

public sealed record AfterSalesOrderResponse(string Id, Platform Source, AfterSalesType Type, AfterSalesStatus Status, string? Reason,
    string? DistributionOrderId, string? StoreOrderId, string? SupplierAccountId, string? ShippingWarehouseId, string? MarketplaceOrderNo,
    string? ShopId, string? PlatformReturnId, string? PlatformStatus, bool NeedsAttention, string? AttentionReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<AfterSalesLineResponse> Lines,
    DistributionReturnSummary? DistributionReturn, ReturnStockInSummary? ReturnStockIn, IReadOnlyList<TimelineEntryResponse>? Timeline);

/// <summary>The distributor's After Sales Orders: every after-sales order, filtered by shipping warehouse and supplier.</summary>
public static class AfterSalesApi
{
    public static IEndpointRouteBuilder MapAfterSales(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/after-sales-orders", "After-sales orders")
            .RequirePermissionToWrite(Permission.AfterSales);
        g.MapPost("/", CreateAsync).WithSummary(
            "A manual after-sales order (source Manual) on a shipped distribution order, or on a store order (a regular one).");
        g.MapGet("/", ListAsync)
            .WithSummary("After Sales Orders, newest first; filters by status, source, type, supplier, shipping warehouse, q, "
                + "needsAttention (platform returns ReturnLoop could not place by itself).");
        g.MapGet("/counts", CountsAsync).WithSummary("Counts per status tab, under the same filters.");
        g.MapGet("/{id}", async Task<Ok<AfterSalesOrderResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await DetailAsync(db, await db.AfterSalesOrders.AsNoTracking().FindForDistributorAsync(p.AccountId(), id, ct),
                ct)))
            .WithSummary("One after-sales order with its lines, its return & stock-in – distribution, and the timeline of both sides.");
        g.MapPost("/{id}/approve", async Task<Ok<AfterSalesOrderResponse>> (string id, ClaimsPrincipal p, ApproveAfterSalesOrder useCase,
            AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await DetailAsync(db, await useCase.HandleAsync(p.AccountId(), id, ct), ct)))
            .WithSummary("ToConfirm → ConfirmReturn; creates the return & stock-in – distribution (pushed at once with auto-push), "
                + "or for a regular order your own Return & Stock-in.");
        g.MapPost("/{id}/cancel", async Task<Ok<AfterSalesOrderResponse>> (string id, ClaimsPrincipal p, CancelAfterSalesOrder useCase,
            AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await DetailAsync(db, await useCase.HandleAsync(p.AccountId(), id, ct), ct)))
            .WithSummary("Cancel; a pushed return is recalled (RecallFailed once the supplier has stocked in).");
        g.MapPost("/{id}/link", async Task<Ok<AfterSalesOrderResponse>> (string id, LinkAfterSalesOrder.Request request, ClaimsPrincipal p,
            LinkAfterSalesOrder useCase, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await DetailAsync(db, await useCase.HandleAsync(p.AccountId(), id, request, ct), ct)))
            .WithSummary("A platform return that came without a known original order: link it by hand to a distribution order "
                + "(distributionOrderId) or to one of your own store orders (storeOrderId).");
        g.MapPost("/{id}/complete", async Task<Ok<AfterSalesOrderResponse>> (string id, ClaimsPrincipal p, CompleteRefundOnly useCase,
            AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await DetailAsync(db, await useCase.HandleAsync(p.AccountId(), id, ct), ct)))
            .WithSummary("RefundOnly: RefundProcessing → Completed once the buyer is refunded.");
        return app;
    }

    /// <summary>As the API answers it (the list leaves the timeline out); webhooks send the same shape.</summary>
    public static AfterSalesOrderResponse ToResponse(this AfterSalesOrder a, DistributionReturnSummary? ret,
        ReturnStockInSummary? returnStockIn, IReadOnlyList<TimelineEntryResponse>? timeline) => new(
        Id: a.Id,
        Source: a.Source,
        Type: a.Type,
        Status: a.Status,
        Reason: a.Reason,
        DistributionOrderId: a.DistributionOrderId,
        StoreOrderId: a.StoreOrderId,
        SupplierAccountId: a.SupplierAccountId,
        ShippingWarehouseId: a.ShippingWarehouseId,
        MarketplaceOrderNo: a.MarketplaceOrderNo,
        ShopId: a.ShopId,
        PlatformReturnId: a.PlatformReturnId,
        PlatformStatus: a.PlatformStatus,
        NeedsAttention: a.NeedsAttention,
        AttentionReason: a.AttentionReason,
        CreatedAt: a.CreatedAt,
        UpdatedAt: a.UpdatedAt,
        Lines: a.Lines.Select(l => new AfterSalesLineResponse(l.MerchantSkuCode, l.Quantity)).ToList(),
        DistributionReturn: ret,
        ReturnStockIn: returnStockIn,
        Timeline: timeline);

    private static async Task<Created<AfterSalesOrderResponse>> CreateAsync(CreateAfterSalesOrder.Request request, ClaimsPrincipal p,
        CreateAfterSalesOrder useCase, AppDbContext db, CancellationToken ct)
    {
        var a = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/after-sales-orders/{a.Id}", await DetailAsync(db, a, ct));
    }

    private static async Task<AfterSalesOrderResponse> DetailAsync(AppDbContext db, AfterSalesOrder a, CancellationToken ct)
    {
        var (returns, stockIns) = await ReturnsOfAsync(db, [a], ct);
        return a.ToResponse(returns.GetValueOrDefault(a.Id), stockIns.GetValueOrDefault(a.Id), await db.TimelineOfAsync(a.Id, ct));
    }

    /// <summary>The return summaries (distribution, and the seller's own) of a page of after-sales orders, in two queries at
    /// most.</summary>
    private static async Task<(Dictionary<string, DistributionReturnSummary> Returns, Dictionary<string, ReturnStockInSummary> StockIns)>
        ReturnsOfAsync(AppDbContext db, IReadOnlyList<AfterSalesOrder> rows, CancellationToken ct)
    {
        var ids = rows.Select(a => a.DistributionReturnId).OfType<string>().ToList();
        var ownIds = rows.Select(a => a.ReturnStockInId).OfType<string>().ToList();
        var returns = ids.Count == 0
            ? []
            : await db.DistributionReturns.AsNoTracking().Where(r => ids.Contains(r.Id))
                .ToDictionaryAsync(r => r.AfterSalesOrderId, r => new DistributionReturnSummary(r.Id, r.Status), ct);
        var stockIns = ownIds.Count == 0
            ? []
            : await db.ReturnStockIns.AsNoTracking().Where(r => ownIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.AfterSalesOrderId, r => new ReturnStockInSummary(r.Id, r.Status), ct);
        return (returns, stockIns);
    }

    private static async Task<Ok<Page<AfterSalesOrderResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db, AfterSalesStatus? status,
        Platform? source, AfterSalesType? type, string? supplierId, string? warehouseId, string? q, bool? needsAttention, int? limit,
        string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.AfterSalesOrdersOf(p.AccountId(), status, source, type, supplierId, warehouseId, q, needsAttention)
            .ToPageAsync(PageRequest.From(limit, cursor), async rows =>
            {
                var (returns, stockIns) = await ReturnsOfAsync(db, rows, ct);
                return (IReadOnlyList<AfterSalesOrderResponse>)rows
                    .Select(a => a.ToResponse(returns.GetValueOrDefault(a.Id), stockIns.GetValueOrDefault(a.Id), null)).ToList();
            }, ct));

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(ClaimsPrincipal p, AppDbContext db, Platform? source,
        AfterSalesType? type, string? supplierId, string? warehouseId, string? q, bool? needsAttention, CancellationToken ct) =>
        TypedResults.Ok(await db.AfterSalesCountsAsync(p.AccountId(), source, type, supplierId, warehouseId, q, needsAttention, ct));
}
