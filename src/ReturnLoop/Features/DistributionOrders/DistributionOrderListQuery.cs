using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.DistributionOrders;

/// <summary>
/// The Distribution Orders list and detail for the web page, both directions at once (as distributor and as supplier):
/// the API list's filters plus warehouse and order number, newest first by keyset, each row with the partner's and the
/// warehouse's names loaded for the whole page at once.
/// </summary>
public sealed class DistributionOrderListQuery(AppDbContext db)
{
    public sealed record Filter(DistributionOrderStatus? Status = null, string? PartnerId = null, string? WarehouseId = null,
        string? OrderNo = null);

    /// <summary>A row: the entity itself, so the page asks it <c>CanShip</c> and <c>CanCancel</c>.</summary>
    public sealed record Row(DistributionOrder Order, string SupplierName, string DistributorName, string WarehouseName)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Order.Id == Order.Id;

        public override int GetHashCode() => Order.Id.GetHashCode(StringComparison.Ordinal);

        public bool IsSupplier(string accountId) => Order.SupplierAccountId == accountId;
    }

    public sealed record Option(string Id, string Name);

    public sealed record Detail(Row Row, IReadOnlyList<OrderSettlement> Settlements);

    public IQueryable<DistributionOrder> Where(string accountId, Filter filter)
    {
        var query = db.DistributionOrdersOf(accountId, filter.Status, null, null);
        if (filter.PartnerId is { } partner)
            query = query.Where(o => o.SupplierAccountId == partner && o.DistributorAccountId == accountId
                || o.DistributorAccountId == partner && o.SupplierAccountId == accountId);
        if (filter.WarehouseId is { } warehouse) query = query.Where(o => o.WarehouseId == warehouse);
        if (filter.OrderNo?.Trim() is { Length: > 0 } no)
            query = query.Where(o => o.Id == no || (o.MarketplaceOrderNo != null && o.MarketplaceOrderNo.StartsWith(no)));
        return query;
    }

    public Task<Page<Row>> PageAsync(string accountId, Filter filter, PageRequest page, CancellationToken ct) =>
        Where(accountId, filter).ToPageAsync(page, rows => RowsAsync(rows), ct);

    /// <summary>A page by number, for a jump the keyset cursors do not reach (the grid's "last page").</summary>
    public async Task<IReadOnlyList<Row>> SkipAsync(string accountId, Filter filter, int skip, int take, CancellationToken ct) =>
        await RowsAsync(await Where(accountId, filter).SkipPageAsync(skip, take, ct));

    /// <summary>The tab counts: kept, unless a warehouse or an order number narrows the list (then from the rows).</summary>
    public Task<Dictionary<string, int>> CountsAsync(string accountId, Filter filter, CancellationToken ct) =>
        filter.WarehouseId is null && string.IsNullOrWhiteSpace(filter.OrderNo)
            ? db.DistributionOrderCountsWithAsync(accountId, filter.PartnerId, ct)
            : Where(accountId, filter with { Status = null }).CountByStatusAsync(o => o.Status, ct);

    /// <summary>Every partner the account has orders with or a partnership with, either side, for the filter.</summary>
    public async Task<IReadOnlyList<Option>> PartnersAsync(string accountId, CancellationToken ct)
    {
        var ids = db.Partnerships.Where(p => p.SupplierAccountId == accountId || p.DistributorAccountId == accountId)
            .Select(p => p.SupplierAccountId == accountId ? p.DistributorAccountId : p.SupplierAccountId);
        return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new Option(a.Id, a.Name)).ToListAsync(ct);
    }

    /// <summary>The warehouses the account's orders ship from: its own, and those of its suppliers' orders.</summary>
    public async Task<IReadOnlyList<Option>> WarehousesAsync(string accountId, CancellationToken ct)
    {
        var used = db.DistributionOrders.Where(o => o.DistributorAccountId == accountId).Select(o => o.WarehouseId);
        return await db.Warehouses.AsNoTracking().Where(w => w.AccountId == accountId || used.Contains(w.Id))
            .OrderBy(w => w.Code).Select(w => new Option(w.Id, w.Code + " – " + w.Name)).ToListAsync(ct);
    }

    /// <summary>The suppliers the distributor may order from now: its active partnerships.</summary>
    public async Task<IReadOnlyList<Option>> ActiveSuppliersAsync(string distributorAccountId, CancellationToken ct) =>
        (await new PartnershipListQuery(db).ActiveSuppliersAsync(distributorAccountId, ct)).Select(p => new Option(p.Id, p.Name)).ToList();

    /// <summary>A supplier's open warehouses, for a distributor with an active partnership with it (nothing otherwise).</summary>
    public async Task<IReadOnlyList<Option>> SupplierWarehousesAsync(string distributorAccountId, string supplierAccountId,
        CancellationToken ct)
    {
        if (!await db.Partnerships.IsActiveAsync(distributorAccountId, supplierAccountId, ct)) return [];
        return await db.Warehouses.AsNoTracking().Where(w => w.AccountId == supplierAccountId && w.ClosedAt == null)
            .OrderBy(w => w.Code).Select(w => new Option(w.Id, w.Code + " – " + w.Name)).ToListAsync(ct);
    }

    /// <summary>The distributor's merchant SKUs mapped to this supplier, offered while typing a line.</summary>
    public async Task<IReadOnlyList<Option>> MerchantSkusAsync(string distributorAccountId, string supplierAccountId,
        CancellationToken ct) =>
        await db.MerchantSkus.AsNoTracking().Where(s => s.AccountId == distributorAccountId && s.SupplierAccountId == supplierAccountId)
            .OrderBy(s => s.Code).Select(s => new Option(s.Code, s.Name)).ToListAsync(ct);

    /// <summary>One order the account is a party to, with its settlement ledger oldest first; not found otherwise.</summary>
    public async Task<Detail> DetailAsync(string accountId, string id, CancellationToken ct)
    {
        var order = await db.DistributionOrders.AsNoTracking().FindForPartyAsync(accountId, id, ct);
        var row = (await RowsAsync([order])).Single();
        var settlements = await db.OrderSettlements.AsNoTracking().Where(s => s.DistributionOrderId == id).OrderBy(s => s.Id)
            .ToListAsync(ct);
        return new Detail(row, settlements);
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(IReadOnlyList<DistributionOrder> orders)
    {
        var accountIds = orders.SelectMany(o => new[] { o.SupplierAccountId, o.DistributorAccountId }).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var warehouseIds = orders.Select(o => o.WarehouseId).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Code + " – " + w.Name);
        return orders.Select(o => new Row(o, names.GetValueOrDefault(o.SupplierAccountId) ?? "",
            names.GetValueOrDefault(o.DistributorAccountId) ?? "", warehouses.GetValueOrDefault(o.WarehouseId) ?? "")).ToList();
    }
}
