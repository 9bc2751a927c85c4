namespace ReturnLoop.Features.Inventory;

public static class StockLevels
{
    /// <summary>
    /// The stock rows of some SKUs in one warehouse, tracked and locked until the use case's transaction commits
    /// (<see cref="RowLocks"/>), in one query; a missing row is created empty first. Independent stock-ins and
    /// shipments of the same SKU then wait for each other briefly instead of answering 409.
    /// </summary>
    public static async Task<Dictionary<string, StockLevel>> LoadForUpdateAsync(this AppDbContext db, string accountId, string warehouseId,
        IEnumerable<string> skuCodes, CancellationToken ct)
    {
        await db.EnsureTransactionAsync(ct);
        var codes = skuCodes.Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) return [];
        var levels = await LockAsync(db, warehouseId, codes, ct);
        var missing = codes.Where(c => !levels.ContainsKey(c)).ToList();
        if (missing.Count == 0) return levels;

        foreach (var code in missing)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "StockLevels" ("Id", "AccountId", "WarehouseId", "SkuCode", "OnHand", "Damaged", "Version")
                VALUES ({Ids.New()}, {accountId}, {warehouseId}, {code}, 0, 0, 0)
                ON CONFLICT ("WarehouseId", "SkuCode") DO NOTHING
                """, ct);
        }
        foreach (var (code, level) in await LockAsync(db, warehouseId, missing, ct)) levels[code] = level;
        return levels;
    }

    /// <summary>
    /// Returned goods into one warehouse: good units to sellable stock, damaged units to damaged stock, each with its ledger
    /// row referencing the return, under the row locks of <see cref="LoadForUpdateAsync"/>. Both the supplier's stock-in of
    /// a distribution return and the seller's stock-in of its own return &amp; stock-in come through here.
    /// </summary>
    public static async Task ReceiveReturnAsync(this AppDbContext db, string accountId, string warehouseId,
        IReadOnlyList<ReturnedUnits> received, string returnId, DateTimeOffset now, CancellationToken ct)
    {
        var stock = await db.LoadForUpdateAsync(accountId, warehouseId, received.Select(r => r.SkuCode), ct);
        foreach (var r in received)
        {
            var level = stock[r.SkuCode];
            if (r.Good > 0) db.StockMovements.Add(level.ReceiveReturn(StockBucket.Sellable, r.Good, returnId, now));
            if (r.Damaged > 0) db.StockMovements.Add(level.ReceiveReturn(StockBucket.Damaged, r.Damaged, returnId, now));
        }
    }

    /// <summary>Rows in SKU order, so that two writers lock them in the same order and never deadlock.</summary>
    private static async Task<Dictionary<string, StockLevel>> LockAsync(AppDbContext db, string warehouseId, List<string> codes,
        CancellationToken ct)
    {
        var placeholders = string.Join(", ", codes.Select((_, i) => $"{{{i + 1}}}"));
        var sql = $$"""
            SELECT * FROM "StockLevels" WHERE "WarehouseId" = {0} AND "SkuCode" IN ({{placeholders}})
            ORDER BY "SkuCode"{{db.ForUpdate()}}
            """;
        var rows = await db.StockLevels.FromSqlRaw(sql, [warehouseId, .. codes]).ToListAsync(ct);
        return rows.ToDictionary(s => s.SkuCode);
    }
}

/// <summary>What a return brings back of one SKU: good units and damaged units.</summary>
public sealed record ReturnedUnits(string SkuCode, int Good, int Damaged);
