namespace ReturnLoop.Features.Warehouses;

/// <summary>Closes a warehouse: kept for history, but returns can no longer be pushed or stocked into it.</summary>
public sealed class CloseWarehouse(AppDbContext db, TimeProvider clock)
{
    public async Task<Warehouse> HandleAsync(string accountId, string id, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.FindForAccountAsync(accountId, id, ct);
        warehouse.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return warehouse;
    }
}
