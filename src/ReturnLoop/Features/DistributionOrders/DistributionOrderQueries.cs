using ReturnLoop.Features.TabCounts;

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

    /// <summary>
    /// One side of <see cref="DistributionOrdersOf"/>: the account's orders as supplier, or as distributor (an order where it
    /// is both counts on the supplier side only). Each side is served by its own (account, …, id) index, where the OR of
    /// both sides made the databases read every order of a large supplier to sort them.
    /// </summary>
    private static IQueryable<DistributionOrder> SideOf(AppDbContext db, string accountId, bool asSupplier, DistributionOrderStatus? status,
        string? supplierId, string? distributorId)
    {
        var query = db.DistributionOrders.AsNoTracking();
        query = asSupplier
            ? query.Where(o => o.SupplierAccountId == accountId)
            : query.Where(o => o.DistributorAccountId == accountId && o.SupplierAccountId != accountId);
        if (status is { } s) query = query.Where(o => o.Status == s);
        if (supplierId is not null) query = query.Where(o => o.SupplierAccountId == supplierId);
        if (distributorId is not null) query = query.Where(o => o.DistributorAccountId == distributorId);
        return query;
    }

    /// <summary>A keyset page of <see cref="DistributionOrdersOf"/>: a page of each side, merged newest first.</summary>
    public static async Task<Page<TOut>> DistributionOrdersPageAsync<TOut>(this AppDbContext db, string accountId,
        DistributionOrderStatus? status, string? supplierId, string? distributorId, PageRequest page, Func<DistributionOrder, TOut> map,
        CancellationToken ct)
    {
        var rows = new List<DistributionOrder>();
        foreach (var asSupplier in new[] { true, false })
        {
            var side = SideOf(db, accountId, asSupplier, status, supplierId, distributorId);
            if (page.After is { } after) side = side.Where(o => string.Compare(o.Id, after) < 0);
            rows.AddRange(await side.OrderByDescending(o => o.Id).Take(page.Limit + 1).ToListAsync(ct));
        }
        rows = rows.OrderByDescending(o => o.Id, StringComparer.Ordinal).Take(page.Limit + 1).ToList();
        var more = rows.Count > page.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new Page<TOut>(rows.Select(map).ToList(), more ? PageRequest.Encode(rows[^1].Id) : null);
    }

    /// <summary>
    /// The tab counts of <see cref="DistributionOrdersOf"/>: the kept counts of each side, added. A side is left out when the
    /// filter names another account as its own party (orders of a supplier other than me, on my supplier side).
    /// </summary>
    public static async Task<Dictionary<string, int>> DistributionOrderCountsAsync(this AppDbContext db, string accountId,
        string? supplierId, string? distributorId, CancellationToken ct) =>
        Added(supplierId is null || supplierId == accountId
                ? await db.TabCountsAsync<DistributionOrderStatus>(CountedLists.SupplierDistributionOrders, accountId, distributorId, ct)
                : null,
            distributorId is null || distributorId == accountId
                ? await db.TabCountsAsync<DistributionOrderStatus>(CountedLists.DistributorDistributionOrders, accountId, supplierId, ct)
                : null);

    /// <summary>The kept counts of both sides with one partner on either side (the web page's partner filter), or all.</summary>
    public static async Task<Dictionary<string, int>> DistributionOrderCountsWithAsync(this AppDbContext db, string accountId,
        string? partnerId, CancellationToken ct) =>
        Added(await db.TabCountsAsync<DistributionOrderStatus>(CountedLists.SupplierDistributionOrders, accountId, partnerId, ct),
            await db.TabCountsAsync<DistributionOrderStatus>(CountedLists.DistributorDistributionOrders, accountId, partnerId, ct));

    /// <summary>Two sides' counts added, a side left out when null; every status present.</summary>
    private static Dictionary<string, int> Added(Dictionary<string, int>? asSupplier, Dictionary<string, int>? asDistributor) =>
        Enum.GetValues<DistributionOrderStatus>().Select(s => s.ToString())
            .ToDictionary(s => s, s => (asSupplier?[s] ?? 0) + (asDistributor?[s] ?? 0));
}
