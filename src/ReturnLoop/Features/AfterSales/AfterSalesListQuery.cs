using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// The distributor's After Sales Orders for the web pages: the API list's filter (<see cref="AfterSalesQueries.AfterSalesOrdersOf"/>),
/// newest first by keyset, each row with its return's status and the names a seller reads, loaded for the whole page at once.
/// </summary>
public static class AfterSalesListQuery
{
    public sealed record Filter(AfterSalesStatus? Status = null, Platform? Source = null, AfterSalesType? Type = null,
        string? SupplierId = null, string? WarehouseId = null, string? Q = null, bool? NeedsAttention = null);

    /// <summary>A row: the entity itself, so the page asks it <c>CanApprove</c>, and what is beside it.</summary>
    /// <param name="OwnReturn">A regular order's own Return &amp; Stock-in (the seller's own stock).</param>
    public sealed record Row(AfterSalesOrder Order, DistributionReturn? Return, string SupplierName, string WarehouseName,
        ReturnStockIn? OwnReturn = null)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Order.Id == Order.Id;

        public override int GetHashCode() => Order.Id.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>One order with its return (and the reason a push or recall failed) and the timeline of both sides.</summary>
    public sealed record Detail(Row Row, IReadOnlyList<TimelineEntryResponse> Timeline);

    public sealed record Option(string Id, string Name);

    public sealed record ShippedOrder(string Id, string? MarketplaceOrderNo, IReadOnlyList<string> MerchantSkuCodes);

    private static IQueryable<AfterSalesOrder> Where(AppDbContext db, string distributorAccountId, Filter f) =>
        db.AfterSalesOrdersOf(distributorAccountId, f.Status, f.Source, f.Type, f.SupplierId, f.WarehouseId, f.Q, f.NeedsAttention);

    public static Task<Page<Row>> PageAsync(this AppDbContext db, string distributorAccountId, Filter filter, PageRequest page,
        CancellationToken ct) =>
        Where(db, distributorAccountId, filter).ToPageAsync(page, rows => RowsAsync(db, rows, ct), ct);

    /// <summary>A page by number, for a jump the keyset cursors do not reach (the grid's "last page").</summary>
    public static async Task<IReadOnlyList<Row>> SkipAsync(this AppDbContext db, string distributorAccountId, Filter filter, int skip,
        int take, CancellationToken ct) =>
        await RowsAsync(db, await Where(db, distributorAccountId, filter).SkipPageAsync(skip, take, ct), ct);

    /// <summary>The tabs' counts under the filters, as <c>/counts</c>.</summary>
    public static Task<Dictionary<string, int>> CountsAsync(this AppDbContext db, string distributorAccountId, Filter filter,
        CancellationToken ct) =>
        db.AfterSalesCountsAsync(distributorAccountId, filter.Source, filter.Type, filter.SupplierId, filter.WarehouseId, filter.Q,
            filter.NeedsAttention, ct);

    public static async Task<Detail> DetailAsync(this AppDbContext db, string distributorAccountId, string id, CancellationToken ct)
    {
        var order = await db.AfterSalesOrders.AsNoTracking().FindForDistributorAsync(distributorAccountId, id, ct);
        var row = (await RowsAsync(db, [order], ct))[0];
        return new Detail(row, await db.TimelineOfAsync(id, ct));
    }

    /// <summary>The filters' choices: the suppliers and shipping warehouses of the distributor's orders and its own store
    /// orders.</summary>
    public static async Task<(IReadOnlyList<Option> Suppliers, IReadOnlyList<Option> Warehouses)> OptionsAsync(this AppDbContext db,
        string distributorAccountId, CancellationToken ct)
    {
        var orders = db.DistributionOrders.AsNoTracking().Where(o => o.DistributorAccountId == distributorAccountId);
        var suppliers = await db.Accounts.AsNoTracking()
            .Where(a => orders.Select(o => o.SupplierAccountId).Contains(a.Id))
            .OrderBy(a => a.Name).Select(a => new Option(a.Id, a.Name)).ToListAsync(ct);
        var storeOrders = db.StoreOrders.AsNoTracking().Where(o => o.AccountId == distributorAccountId);
        var warehouses = await db.Warehouses.AsNoTracking()
            .Where(w => orders.Select(o => o.WarehouseId).Contains(w.Id) || storeOrders.Select(o => o.WarehouseId).Contains(w.Id))
            .OrderBy(w => w.Name).Select(w => new Option(w.Id, w.Name)).ToListAsync(ct);
        return (suppliers, warehouses);
    }

    /// <summary>A shipped distribution order of this distributor by its marketplace order number (or id), with its merchant SKUs.</summary>
    public static async Task<ShippedOrder?> ShippedOrderAsync(this AppDbContext db, string distributorAccountId, string orderNo,
        CancellationToken ct)
    {
        var term = orderNo.Trim();
        var order = await db.DistributionOrders.AsNoTracking()
            .Where(o => o.DistributorAccountId == distributorAccountId && o.Status == DistributionOrderStatus.Shipped
                && (o.MarketplaceOrderNo == term || o.Id == term))
            .OrderByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        return order is null
            ? null
            : new ShippedOrder(order.Id, order.MarketplaceOrderNo, order.Lines.Select(l => l.MerchantSkuCode).Distinct().ToList());
    }

    /// <summary>A store order of the seller's own shop by its marketplace order number (or id), with its SKUs.</summary>
    public static async Task<ShippedOrder?> StoreOrderAsync(this AppDbContext db, string accountId, string orderNo, CancellationToken ct)
    {
        var term = orderNo.Trim();
        var order = await db.StoreOrders.AsNoTracking()
            .Where(o => o.AccountId == accountId && (o.MarketplaceOrderNo == term || o.Id == term))
            .OrderByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        return order is null
            ? null
            : new ShippedOrder(order.Id, order.MarketplaceOrderNo, order.Lines.Select(l => l.SkuCode).Distinct().ToList());
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(AppDbContext db, IReadOnlyList<AfterSalesOrder> orders, CancellationToken ct)
    {
        var returnIds = orders.Select(a => a.DistributionReturnId).OfType<string>().ToList();
        var supplierIds = orders.Select(a => a.SupplierAccountId).OfType<string>().Distinct().ToList();
        var warehouseIds = orders.Select(a => a.ShippingWarehouseId).OfType<string>().Distinct().ToList();
        var returns = returnIds.Count == 0
            ? []
            : await db.DistributionReturns.AsNoTracking().Where(r => returnIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var suppliers = await db.Accounts.AsNoTracking().Where(a => supplierIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var ownIds = orders.Select(a => a.ReturnStockInId).OfType<string>().ToList();
        var own = ownIds.Count == 0
            ? []
            : await db.ReturnStockIns.AsNoTracking().Where(r => ownIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return orders.Select(a => new Row(a,
            a.DistributionReturnId is { } rid ? returns.GetValueOrDefault(rid) : null,
            a.SupplierAccountId is { } sid ? suppliers.GetValueOrDefault(sid) ?? "" : "",
            a.ShippingWarehouseId is { } wid ? warehouses.GetValueOrDefault(wid) ?? "" : "",
            a.ReturnStockInId is { } oid ? own.GetValueOrDefault(oid) : null)).ToList();
    }
}
