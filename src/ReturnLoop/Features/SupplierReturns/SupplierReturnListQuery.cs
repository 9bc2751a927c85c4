namespace ReturnLoop.Features.SupplierReturns;

/// <summary>
/// The Return &amp; Stock-in – BigShop list for the web page: the API list's filter, newest first by keyset, each row
/// with the distributor's name and the estimated refund (the entity's own rule) loaded for the whole page at once.
/// </summary>
public sealed class SupplierReturnListQuery(AppDbContext db)
{
    public sealed record Filter(SupplierReturnStatus? Status = null, string? DistributorId = null);

    /// <summary>A row: the entity itself, so the page asks it <c>CanStockIn</c> and <c>CanCreateRefund</c>.</summary>
    public sealed record Row(SupplierReturn Return, string DistributorName, decimal EstimatedRefund)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Return.Id == Return.Id;

        public override int GetHashCode() => Return.Id.GetHashCode(StringComparison.Ordinal);
    }

    public sealed record Distributor(string Id, string Name);

    /// <summary>What the Create refund dialog shows before the refund order freezes it (domain.md, "Refund order").</summary>
    public sealed record RefundFigures(decimal ReturnAmount, decimal ReturnHandlingFee, decimal Unsettled, string Currency);

    public IQueryable<SupplierReturn> Where(string supplierAccountId, Filter filter) =>
        db.SupplierReturnsOf(supplierAccountId, filter.Status, filter.DistributorId, needsAttention: null);

    public Task<Page<Row>> PageAsync(string supplierAccountId, Filter filter, PageRequest page, CancellationToken ct) =>
        Where(supplierAccountId, filter).ToPageAsync(page, rows => RowsAsync(supplierAccountId, rows, ct), ct);

    /// <summary>A page by number, for a jump the keyset cursors do not reach (the grid's "last page").</summary>
    public async Task<IReadOnlyList<Row>> SkipAsync(string supplierAccountId, Filter filter, int skip, int take, CancellationToken ct) =>
        await RowsAsync(supplierAccountId, await Where(supplierAccountId, filter).SkipPageAsync(skip, take, ct), ct);

    public Task<Dictionary<string, int>> CountsAsync(string supplierAccountId, string? distributorId, CancellationToken ct) =>
        db.SupplierReturnCountsAsync(supplierAccountId, distributorId, needsAttention: null, ct);

    /// <summary>The distributors that have pushed returns to this supplier, for the filter.</summary>
    public async Task<IReadOnlyList<Distributor>> DistributorsAsync(string supplierAccountId, CancellationToken ct)
    {
        var ids = db.SupplierReturns.Where(r => r.SupplierAccountId == supplierAccountId).Select(r => r.DistributorAccountId).Distinct();
        return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new Distributor(a.Id, a.Name)).ToListAsync(ct);
    }

    public async Task<RefundFigures> RefundFiguresAsync(string supplierAccountId, string supplierReturnId, CancellationToken ct)
    {
        var ret = await db.SupplierReturns.AsNoTracking().FindForSupplierAsync(supplierAccountId, supplierReturnId, ct);
        var fee = await db.Accounts.Where(a => a.Id == supplierAccountId).Select(a => a.ReturnHandlingFee).SingleAsync(ct);
        var order = await db.DistributionOrders.AsNoTracking().SingleAsync(o => o.Id == ret.DistributionOrderId, ct);
        return new RefundFigures(ret.ReturnAmount, fee, order.UnsettledAmount, ret.Currency);
    }

    /// <summary>Each return with its distributor's name and its estimated refund (the supplier's handling fee, or the one a
    /// refund order froze).</summary>
    internal async Task<IReadOnlyList<Row>> RowsAsync(string supplierAccountId, IReadOnlyList<SupplierReturn> returns, CancellationToken ct)
    {
        var distributorIds = returns.Select(r => r.DistributorAccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => distributorIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var fee = await db.Accounts.Where(a => a.Id == supplierAccountId).Select(a => a.ReturnHandlingFee).SingleAsync(ct);
        var frozen = await db.FrozenHandlingFeesAsync(returns, ct);
        return returns.Select(r => new Row(r, names.GetValueOrDefault(r.DistributorAccountId) ?? "",
            r.EstimatedRefund(fee, r.ActiveRefundOrderId is { } id ? frozen.GetValueOrDefault(id) : null))).ToList();
    }
}
