using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.StoreOrders;

public static class StoreOrderQueries
{
    public static async Task<StoreOrder> FindForAccountAsync(this IQueryable<StoreOrder> orders, string accountId, string id,
        CancellationToken ct) =>
        await orders.SingleOrDefaultAsync(o => o.Id == id && o.AccountId == accountId, ct) ?? throw DomainError.NotFound("store order");

    /// <summary>The account's store order by platform, shop and order number; null when there is none.</summary>
    public static Task<StoreOrder?> FindByMarketplaceOrderAsync(this DbSet<StoreOrder> orders, string accountId, Platform platform,
        string? shopId, string marketplaceOrderNo, CancellationToken ct)
    {
        var shop = string.IsNullOrWhiteSpace(shopId) ? null : shopId.Trim();
        var no = marketplaceOrderNo.Trim();
        return orders.SingleOrDefaultAsync(o => o.AccountId == accountId && o.Platform == platform && o.ShopId == shop
            && o.MarketplaceOrderNo == no, ct);
    }

    /// <summary>The account's store orders, optionally by order number (or id).</summary>
    public static IQueryable<StoreOrder> StoreOrdersOf(this AppDbContext db, string accountId, string? q)
    {
        var query = db.StoreOrders.AsNoTracking().Where(o => o.AccountId == accountId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(o => o.MarketplaceOrderNo == term || o.Id == term);
        }
        return query;
    }
}
