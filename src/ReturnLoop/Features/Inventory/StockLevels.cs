namespace ReturnLoop.Features.Inventory;

public static class StockLevels
{
    /// <summary>
    /// The stock rows of some SKUs in one warehouse, tracked, in one query; missing rows are added empty.
    /// Two writers creating the same row collide on its unique index and the loser retries.
    /// </summary>
    public static async Task<Dictionary<string, StockLevel>> LoadForUpdateAsync(this AppDbContext db, string accountId, string warehouseId,
        IEnumerable<string> skuCodes, CancellationToken ct)
    {
        var codes = skuCodes.Distinct().ToList();
        var levels = await db.StockLevels.Where(s => s.WarehouseId == warehouseId && codes.Contains(s.SkuCode))
            .ToDictionaryAsync(s => s.SkuCode, ct);
        foreach (var code in codes.Where(c => !levels.ContainsKey(c)))
        {
            var level = StockLevel.Empty(accountId, warehouseId, code);
            db.StockLevels.Add(level);
            levels[code] = level;
        }
        return levels;
    }
}
