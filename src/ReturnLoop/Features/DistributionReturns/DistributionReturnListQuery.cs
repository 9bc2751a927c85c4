using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>
/// The Return &amp; Stock-in – Distribution list for the web page: the API list's filter, newest first by keyset,
/// each row with what a seller reads (marketplace order, supplier, warehouse) loaded for the whole page at once.
/// </summary>
public sealed class DistributionReturnListQuery(AppDbContext db)
{
    public sealed record Filter(DistributionReturnStatus? Status = null, string? SupplierId = null, string? AfterSalesOrderId = null);

    /// <summary>A row: the entity itself, so the page asks it <c>CanPush</c>, and the names beside it.</summary>
    public sealed record Row(DistributionReturn Return, string? MarketplaceOrderNo, Platform? Source, string SupplierName,
        string WarehouseName)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Return.Id == Return.Id;

        public override int GetHashCode() => Return.Id.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>The API list's own filter (<see cref="DistributionReturnQueries.DistributionReturnsOf"/>).</summary>
    public IQueryable<DistributionReturn> Where(string distributorAccountId, Filter filter) =>
        db.DistributionReturnsOf(distributorAccountId, filter.Status, filter.SupplierId, filter.AfterSalesOrderId);

    /// <summary>A page after a cursor (keyset, as the API pages).</summary>
    public Task<Page<Row>> PageAsync(string distributorAccountId, Filter filter, PageRequest page, CancellationToken ct) =>
        Where(distributorAccountId, filter).ToPageAsync(page, rows => RowsAsync(rows, ct), ct);

    /// <summary>A page by number, for a jump the keyset cursors do not reach (the grid's "last page").</summary>
    public async Task<IReadOnlyList<Row>> SkipAsync(string distributorAccountId, Filter filter, int skip, int take, CancellationToken ct) =>
        await RowsAsync(await Where(distributorAccountId, filter).SkipPageAsync(skip, take, ct), ct);

    /// <summary>The tabs' counts: every status present, 0 when empty (as <c>/counts</c>).</summary>
    public Task<Dictionary<string, int>> CountsAsync(string distributorAccountId, string? supplierId, CancellationToken ct) =>
        db.DistributionReturnCountsAsync(distributorAccountId, supplierId, ct);

    private async Task<IReadOnlyList<Row>> RowsAsync(IReadOnlyList<DistributionReturn> returns, CancellationToken ct)
    {
        var afterSalesIds = returns.Select(r => r.AfterSalesOrderId).Distinct().ToList();
        var supplierIds = returns.Select(r => r.SupplierAccountId).Distinct().ToList();
        var warehouseIds = returns.Select(r => r.WarehouseId).Distinct().ToList();
        var afterSales = await db.AfterSalesOrders.AsNoTracking().Where(a => afterSalesIds.Contains(a.Id))
            .Select(a => new { a.Id, a.MarketplaceOrderNo, a.Source }).ToDictionaryAsync(a => a.Id, ct);
        var suppliers = await db.Accounts.AsNoTracking().Where(a => supplierIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return returns.Select(r => new Row(r,
            afterSales.GetValueOrDefault(r.AfterSalesOrderId)?.MarketplaceOrderNo,
            afterSales.GetValueOrDefault(r.AfterSalesOrderId)?.Source,
            suppliers.GetValueOrDefault(r.SupplierAccountId) ?? "",
            warehouses.GetValueOrDefault(r.WarehouseId) ?? "")).ToList();
    }
}
