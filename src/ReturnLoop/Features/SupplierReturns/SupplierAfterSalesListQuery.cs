using ReturnLoop.Features.Timeline;
using Row = ReturnLoop.Features.SupplierReturns.SupplierReturnListQuery.Row;

namespace ReturnLoop.Features.SupplierReturns;

/// <summary>
/// After Sales Orders – BigShop for the web page: the API list's filters (status, distributor) and the order number,
/// newest first by keyset; each row with the distributor's name and the estimated refund (the entity's own rule).
/// </summary>
public sealed class SupplierAfterSalesListQuery(AppDbContext db)
{
    public sealed record Filter(SupplierReturnStatus? Status = null, string? DistributorId = null, string? OrderNo = null);

    public sealed record Detail(Row Row, IReadOnlyList<TimelineEntryResponse> Timeline);

    public IQueryable<SupplierReturn> Where(string supplierAccountId, Filter filter)
    {
        var query = db.SupplierReturnsOf(supplierAccountId, filter.Status, filter.DistributorId, needsAttention: null);
        if (!string.IsNullOrWhiteSpace(filter.OrderNo))
        {
            // The number as the marketplace gave it, or the ids the API shows, each an exact point lookup on its own
            // index: an OR of the four let the planner scan all the supplier's returns.
            var term = filter.OrderNo.Trim();
            var returns = db.SupplierReturns;
            var matches = returns.Where(r => r.SupplierAccountId == supplierAccountId && r.MarketplaceOrderNo == term)
                .Select(r => r.Id)
                .Concat(returns.Where(r => r.Id == term).Select(r => r.Id))
                .Concat(returns.Where(r => r.AfterSalesOrderId == term).Select(r => r.Id))
                .Concat(returns.Where(r => r.DistributionOrderId == term).Select(r => r.Id));
            query = query.Where(r => matches.Contains(r.Id));
        }
        return query;
    }

    public Task<Page<Row>> PageAsync(string supplierAccountId, Filter filter, PageRequest page, CancellationToken ct) =>
        Where(supplierAccountId, filter).ToPageAsync(page, rows => RowsAsync(supplierAccountId, rows, ct), ct);

    /// <summary>A page by number, for a jump the keyset cursors do not reach (the grid's "last page").</summary>
    public async Task<IReadOnlyList<Row>> SkipAsync(string supplierAccountId, Filter filter, int skip, int take, CancellationToken ct) =>
        await RowsAsync(supplierAccountId, await Where(supplierAccountId, filter).SkipPageAsync(skip, take, ct), ct);

    /// <summary>The tab counts under the same distributor and order-number filters as the list.</summary>
    public Task<Dictionary<string, int>> CountsAsync(string supplierAccountId, Filter filter, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(filter.OrderNo)
            ? db.SupplierReturnCountsAsync(supplierAccountId, filter.DistributorId, needsAttention: null, ct)
            : Where(supplierAccountId, filter with { Status = null }).CountByStatusAsync(r => r.Status, ct);

    /// <summary>One return with the after-sales timeline of both sides; 404 when it is not this supplier's.</summary>
    public async Task<Detail> DetailAsync(string supplierAccountId, string id, CancellationToken ct)
    {
        var ret = await db.SupplierReturns.AsNoTracking().FindForSupplierAsync(supplierAccountId, id, ct);
        var row = (await RowsAsync(supplierAccountId, [ret], ct))[0];
        return new Detail(row, await db.TimelineOfAsync(ret.AfterSalesOrderId, ct));
    }

    /// <summary>The rows of the supplier's returns list: the same entity, name and estimated refund.</summary>
    private Task<IReadOnlyList<Row>> RowsAsync(string supplierAccountId, IReadOnlyList<SupplierReturn> returns, CancellationToken ct) =>
        new SupplierReturnListQuery(db).RowsAsync(supplierAccountId, returns, ct);
}
