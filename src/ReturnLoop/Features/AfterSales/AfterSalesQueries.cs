using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.AfterSales;

public static class AfterSalesQueries
{
    public static async Task<AfterSalesOrder> FindForDistributorAsync(this IQueryable<AfterSalesOrder> orders, string distributorAccountId,
        string id, CancellationToken ct) =>
        await orders.SingleOrDefaultAsync(a => a.Id == id && a.DistributorAccountId == distributorAccountId, ct)
        ?? throw DomainError.NotFound("after-sales order");

    /// <summary>The lines of every earlier after-sales order on a distribution order that is not cancelled, whatever its type or
    /// status.</summary>
    public static async Task<IReadOnlyList<AfterSalesLine>> EarlierLinesAsync(this IQueryable<AfterSalesOrder> orders,
        string distributionOrderId,
        CancellationToken ct) =>
        (await orders.AsNoTracking()
            .Where(a => a.DistributionOrderId == distributionOrderId && a.Status != AfterSalesStatus.Cancelled)
            .Select(a => a.Lines).ToListAsync(ct))
        .SelectMany(l => l).ToList();

    /// <summary>The distributor's After Sales Orders under the list filters.</summary>
    public static IQueryable<AfterSalesOrder> AfterSalesOrdersOf(this AppDbContext db, string distributorAccountId,
        AfterSalesStatus? status,
        Platform? source, AfterSalesType? type, string? supplierId, string? warehouseId, string? q, bool? needsAttention = null)
    {
        var query = db.AfterSalesOrders.AsNoTracking().Where(a => a.DistributorAccountId == distributorAccountId);
        if (status is { } s) query = query.Where(a => a.Status == s);
        if (source is { } src) query = query.Where(a => a.Source == src);
        if (type is { } t) query = query.Where(a => a.Type == t);
        if (supplierId is not null) query = query.Where(a => a.SupplierAccountId == supplierId);
        if (warehouseId is not null) query = query.Where(a => a.ShippingWarehouseId == warehouseId);
        if (needsAttention is { } flagged) query = query.Where(a => a.NeedsAttention == flagged);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(a => a.Id == term || a.MarketplaceOrderNo == term || a.PlatformReturnId == term
                || a.DistributionOrderId == term);
        }
        return query;
    }
}
