using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.Inventory;

/// <summary>The stock page: stock rows and the ledger with warehouse names and the order each movement came from.</summary>
public sealed class StockListQuery(AppDbContext db)
{
    public sealed record Row(StockLevel Level, string Warehouse)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Level.Id == Level.Id;

        public override int GetHashCode() => Level.Id.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>What a movement's reference points at: a distribution order (shipped) or a supplier return (stocked in).</summary>
    public sealed record Reference(string Id, string Label, string? Href);

    public sealed record MovementRow(StockMovement Movement, string Warehouse, Reference? Reference);

    public sealed record SkuOption(string Code, string Name);

    public sealed record DistributionRow(string MerchantSkuCode, string SupplierAccountId, string SupplierName, string Warehouse,
        int Available);

    public IQueryable<StockLevel> Levels(string accountId, string? warehouseId, string? skuCode) =>
        db.StockLevelsOf(accountId, warehouseId, skuCode).OrderBy(s => s.SkuCode).ThenBy(s => s.WarehouseId);

    /// <summary>Newest first.</summary>
    public IQueryable<StockMovement> Movements(string accountId, string? skuCode, string? warehouseId) =>
        db.StockMovementsOf(accountId, skuCode, warehouseId).OrderByDescending(m => m.Id);

    public async Task<IReadOnlyList<Warehouse>> WarehousesAsync(string accountId, CancellationToken ct) =>
        await db.WarehousesOf(accountId, null).OrderBy(w => w.Code).ToListAsync(ct);

    /// <summary>The account's own SKUs: the only ones its stock can be adjusted in.</summary>
    public async Task<IReadOnlyList<SkuOption>> SkusAsync(string accountId, CancellationToken ct) =>
        await db.SupplierSkus.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.Code)
            .Select(s => new SkuOption(s.Code, s.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<Row>> RowsAsync(IReadOnlyList<StockLevel> rows, CancellationToken ct)
    {
        var names = await WarehouseNamesAsync(rows.Select(r => r.WarehouseId), ct);
        return rows.Select(r => new Row(r, names.GetValueOrDefault(r.WarehouseId) ?? r.WarehouseId)).ToList();
    }

    public async Task<IReadOnlyList<MovementRow>> MovementRowsAsync(IReadOnlyList<StockMovement> rows, CancellationToken ct)
    {
        var names = await WarehouseNamesAsync(rows.Select(r => r.WarehouseId), ct);
        var refs = rows.Where(r => r.Reference is not null).Select(r => r.Reference!).Distinct().ToList();
        var orders = await db.DistributionOrders.AsNoTracking().Where(o => refs.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.MarketplaceOrderNo ?? o.Id, ct);
        var returns = await db.SupplierReturns.AsNoTracking().Where(r => refs.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.MarketplaceOrderNo ?? r.Id, ct);
        return rows.Select(m => new MovementRow(m, names.GetValueOrDefault(m.WarehouseId) ?? m.WarehouseId, m.Reference switch
        {
            null => null,
            var id when orders.TryGetValue(id, out var no) => new Reference(id, no, $"/distribution-orders/{id}"),
            var id when returns.TryGetValue(id, out var no) => new Reference(id, no, "/supplier/return-stock-ins"),
            var id => new Reference(id, id, null),
        })).ToList();
    }

    /// <summary>The distributor's view of its suppliers' stock (<see cref="DistributionStock"/>), with names to read.</summary>
    public async Task<IReadOnlyList<DistributionRow>> DistributionStockAsync(string distributorAccountId, CancellationToken ct)
    {
        var rows = await DistributionStock.ForDistributorAsync(db, distributorAccountId, null, ct);
        var names = await WarehouseNamesAsync(rows.Select(r => r.WarehouseId), ct);
        var supplierIds = rows.Select(r => r.SupplierAccountId).Distinct().ToList();
        var suppliers = await db.Accounts.AsNoTracking().Where(a => supplierIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(r => new DistributionRow(r.MerchantSkuCode, r.SupplierAccountId,
            suppliers.GetValueOrDefault(r.SupplierAccountId) ?? r.SupplierAccountId,
            names.GetValueOrDefault(r.WarehouseId) ?? r.WarehouseId, r.Available)).ToList();
    }

    private async Task<Dictionary<string, string>> WarehouseNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Warehouses.AsNoTracking().Where(w => list.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Code + " – " + w.Name, ct);
    }
}
