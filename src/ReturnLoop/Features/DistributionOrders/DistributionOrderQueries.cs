namespace ReturnLoop.Features.DistributionOrders;

public static class DistributionOrderQueries
{
    /// <summary>An order the account is a party to, as its supplier or its distributor.</summary>
    public static async Task<DistributionOrder> FindForPartyAsync(this IQueryable<DistributionOrder> orders, string accountId, string id,
        CancellationToken ct) =>
        await orders.SingleOrDefaultAsync(o => o.Id == id && (o.SupplierAccountId == accountId || o.DistributorAccountId == accountId), ct)
        ?? throw DomainError.NotFound("distribution order");

    public static async Task<DistributionOrder> FindForDistributorAsync(this IQueryable<DistributionOrder> orders,
        string distributorAccountId,
        string id, CancellationToken ct) =>
        await orders.SingleOrDefaultAsync(o => o.Id == id && o.DistributorAccountId == distributorAccountId, ct)
        ?? throw DomainError.NotFound("distribution order");

    /// <summary>Orders in both directions under the list filters: as distributor and as supplier.</summary>
    public static IQueryable<DistributionOrder> DistributionOrdersOf(this AppDbContext db, string accountId,
        DistributionOrderStatus? status,
        string? supplierId, string? distributorId)
    {
        var query = db.DistributionOrders.AsNoTracking()
            .Where(o => o.SupplierAccountId == accountId || o.DistributorAccountId == accountId);
        if (status is { } s) query = query.Where(o => o.Status == s);
        if (supplierId is not null) query = query.Where(o => o.SupplierAccountId == supplierId);
        if (distributorId is not null) query = query.Where(o => o.DistributorAccountId == distributorId);
        return query;
    }
}
