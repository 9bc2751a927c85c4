namespace ReturnLoop.Features.Refunds;

/// <summary>
/// The refund order lists of the web pages, for either side: the supplier's Refund Orders and the distributor's
/// After-Sales Refund. The API's filter (<see cref="RefundQueries.RefundOrdersOf"/>), newest first by keyset; each row
/// carries the other side's name and the marketplace order number, loaded for the whole page at once.
/// </summary>
public sealed class RefundListQuery(AppDbContext db)
{
    /// <param name="PartnerId">The other side: the distributor on the supplier's page, the supplier on the distributor's.</param>
    public sealed record Filter(RefundStatus? Status = null, string? PartnerId = null, RefundMethod? Method = null);

    /// <summary>
    /// A row: the entity itself, so the page asks it <c>CanVoid</c>, <c>CanConfirmReceipt</c> and so on. Equal by the
    /// refund's id: the grid keys its rows by item, so after a live reload the same refund is the same row element (updated
    /// in place), and a file being chosen in it or a click on it is not lost.
    /// </summary>
    public sealed record Row(RefundOrder Refund, string PartnerName, string? MarketplaceOrderNo)
    {
        public bool Equals(Row? other) => other is not null && other.Refund.Id == Refund.Id;

        public override int GetHashCode() => Refund.Id.GetHashCode(StringComparison.Ordinal);
    }

    public sealed record Partner(string Id, string Name);

    public IQueryable<RefundOrder> Where(string accountId, bool asSupplier, Filter filter) =>
        db.RefundOrdersOf(accountId, asSupplier, filter.Status, filter.Method, filter.PartnerId);

    public Task<Page<Row>> PageAsync(string accountId, bool asSupplier, Filter filter, PageRequest page, CancellationToken ct) =>
        Where(accountId, asSupplier, filter).ToPageAsync(page, rows => RowsAsync(asSupplier, rows, ct), ct);

    /// <summary>A page by number, for a jump the keyset cursors do not reach (the grid's "last page").</summary>
    public async Task<IReadOnlyList<Row>> SkipAsync(string accountId, bool asSupplier, Filter filter, int skip, int take,
        CancellationToken ct) =>
        await RowsAsync(asSupplier, await Where(accountId, asSupplier, filter).SkipPageAsync(skip, take, ct), ct);

    /// <summary>The tabs' counts under the filters other than the status, like the API's <c>/counts</c>.</summary>
    public Task<Dictionary<string, int>> CountsAsync(string accountId, bool asSupplier, Filter filter, CancellationToken ct) =>
        db.RefundCountsAsync(accountId, asSupplier, filter.Method, filter.PartnerId, ct);

    /// <summary>The other sides that have refund orders with this account, for the filter.</summary>
    public async Task<IReadOnlyList<Partner>> PartnersAsync(string accountId, bool asSupplier, CancellationToken ct)
    {
        var ids = Where(accountId, asSupplier, new Filter())
            .Select(r => asSupplier ? r.DistributorAccountId : r.SupplierAccountId).Distinct();
        return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new Partner(a.Id, a.Name)).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(bool asSupplier, IReadOnlyList<RefundOrder> refunds, CancellationToken ct)
    {
        var partnerIds = refunds.Select(r => asSupplier ? r.DistributorAccountId : r.SupplierAccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => partnerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var afterSalesIds = refunds.Select(r => r.AfterSalesOrderId).Distinct().ToList();
        var orderNos = await db.AfterSalesOrders.AsNoTracking().Where(a => afterSalesIds.Contains(a.Id))
            .Select(a => new { a.Id, a.MarketplaceOrderNo }).ToDictionaryAsync(a => a.Id, a => a.MarketplaceOrderNo, ct);
        return refunds.Select(r => new Row(r, names.GetValueOrDefault(asSupplier ? r.DistributorAccountId : r.SupplierAccountId) ?? "",
            orderNos.GetValueOrDefault(r.AfterSalesOrderId))).ToList();
    }
}
