using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.TabCounts;

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

    /// <summary>The same for a store order (regular after-sales orders).</summary>
    public static async Task<IReadOnlyList<AfterSalesLine>> EarlierStoreOrderLinesAsync(this IQueryable<AfterSalesOrder> orders,
        string storeOrderId, CancellationToken ct) =>
        (await orders.AsNoTracking()
            .Where(a => a.StoreOrderId == storeOrderId && a.Status != AfterSalesStatus.Cancelled)
            .Select(a => a.Lines).ToListAsync(ct))
        .SelectMany(l => l).ToList();

    /// <summary>
    /// The tab counts of <see cref="AfterSalesOrdersOf"/> under the filters: the kept counts when only the supplier and
    /// "needs attention" are chosen (the list as it opens, and its attention filter), else counted from the rows.
    /// </summary>
    public static Task<Dictionary<string, int>> AfterSalesCountsAsync(this AppDbContext db, string distributorAccountId,
        Platform? source, AfterSalesType? type, string? supplierId, string? warehouseId, string? q, bool? needsAttention,
        CancellationToken ct) =>
        source is null && type is null && warehouseId is null && string.IsNullOrWhiteSpace(q)
            ? db.TabCountsAsync<AfterSalesStatus>(CountedLists.AfterSalesOrders, CountedLists.AfterSalesOrdersNeedingAttention,
                distributorAccountId, supplierId, needsAttention, ct)
            : db.AfterSalesOrdersOf(distributorAccountId, null, source, type, supplierId, warehouseId, q, needsAttention)
                .CountByStatusAsync(a => a.Status, ct);

    /// <summary>The distributor's After Sales Orders under the list filters.</summary>
    public static IQueryable<AfterSalesOrder> AfterSalesOrdersOf(this AppDbContext db, string distributorAccountId,
        AfterSalesStatus? status, Platform? source, AfterSalesType? type, string? supplierId, string? warehouseId, string? q,
        bool? needsAttention = null)
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
            // The search box: one point lookup per field, each on its own index (as the supplier's order-number search).
            var term = q.Trim();
            var orders = db.AfterSalesOrders;
            var matches = orders.Where(a => a.Id == term).Select(a => a.Id)
                .Concat(orders.Where(a => a.DistributorAccountId == distributorAccountId && a.MarketplaceOrderNo == term)
                    .Select(a => a.Id))
                .Concat(orders.Where(a => a.DistributorAccountId == distributorAccountId && a.PlatformReturnId == term)
                    .Select(a => a.Id))
                .Concat(orders.Where(a => a.DistributionOrderId == term).Select(a => a.Id))
                .Concat(orders.Where(a => a.StoreOrderId == term).Select(a => a.Id));
            query = query.Where(a => matches.Contains(a.Id));
        }
        return query;
    }
}
