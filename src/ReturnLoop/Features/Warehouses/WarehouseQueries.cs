namespace ReturnLoop.Features.Warehouses;

public static class WarehouseQueries
{
    public static async Task<Warehouse> FindForAccountAsync(this IQueryable<Warehouse> warehouses, string accountId, string id,
        CancellationToken ct) =>
        await warehouses.SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, ct) ?? throw DomainError.NotFound("warehouse");

    /// <summary>The account's warehouses, optionally of one kind.</summary>
    public static IQueryable<Warehouse> WarehousesOf(this AppDbContext db, string accountId, WarehouseKind? kind)
    {
        var query = db.Warehouses.AsNoTracking().Where(w => w.AccountId == accountId);
        if (kind is { } k) query = query.Where(w => w.Kind == k);
        return query;
    }
}
