namespace ReturnLoop.Features.Inventory;

public static class InventoryQueries
{
    /// <summary>The account's stock rows, optionally of one warehouse and one SKU.</summary>
    public static IQueryable<StockLevel> StockLevelsOf(this AppDbContext db, string accountId, string? warehouseId, string? skuCode)
    {
        var query = db.StockLevels.AsNoTracking().Where(s => s.AccountId == accountId);
        if (warehouseId is not null) query = query.Where(s => s.WarehouseId == warehouseId);
        if (skuCode is not null) query = query.Where(s => s.SkuCode == skuCode);
        return query;
    }

    /// <summary>The account's stock ledger, optionally of one SKU and one warehouse.</summary>
    public static IQueryable<StockMovement> StockMovementsOf(this AppDbContext db, string accountId, string? skuCode, string? warehouseId)
    {
        var query = db.StockMovements.AsNoTracking().Where(m => m.AccountId == accountId);
        if (skuCode is not null) query = query.Where(m => m.SkuCode == skuCode);
        if (warehouseId is not null) query = query.Where(m => m.WarehouseId == warehouseId);
        return query;
    }
}
