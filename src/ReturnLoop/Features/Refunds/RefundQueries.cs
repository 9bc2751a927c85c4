using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Features.Refunds;

public static class RefundQueries
{
    public static async Task<RefundOrder> FindForDistributorAsync(this IQueryable<RefundOrder> refunds, string distributorAccountId,
        string id,
        CancellationToken ct) =>
        await refunds.SingleOrDefaultAsync(r => r.Id == id && r.DistributorAccountId == distributorAccountId, ct)
        ?? throw DomainError.NotFound("refund order");

    public static async Task<RefundOrder> FindForSupplierAsync(this IQueryable<RefundOrder> refunds, string supplierAccountId, string id,
        CancellationToken ct) =>
        await refunds.SingleOrDefaultAsync(r => r.Id == id && r.SupplierAccountId == supplierAccountId, ct)
        ?? throw DomainError.NotFound("refund order");

    /// <summary>
    /// The tab counts of <see cref="RefundOrdersOf"/>: the kept counts of the side, of one partner or all, or of one
    /// method on the supplier's side; a method with a partner, or on the distributor's side, is counted from the rows.
    /// </summary>
    public static Task<Dictionary<string, int>> RefundCountsAsync(this AppDbContext db, string accountId, bool asSupplier,
        RefundMethod? method, string? partnerId, CancellationToken ct) =>
        (method, asSupplier, partnerId) switch
        {
            (null, _, _) => db.TabCountsAsync<RefundStatus>(
                asSupplier ? CountedLists.SupplierRefundOrders : CountedLists.DistributorRefundOrders, accountId, partnerId, ct),
            (_, true, null) => db.TabCountsAsync<RefundStatus>(CountedLists.SupplierRefundOrdersByMethod, accountId,
                method.ToString(), ct),
            _ => db.RefundOrdersOf(accountId, asSupplier, null, method, partnerId).CountByStatusAsync(r => r.Status, ct),
        };

    /// <summary>
    /// The refund orders of one side under the list filters: the supplier's Refund Orders or the distributor's
    /// After-Sales Refund page; <paramref name="partnerId"/> is the other side.
    /// </summary>
    public static IQueryable<RefundOrder> RefundOrdersOf(this AppDbContext db, string accountId, bool asSupplier, RefundStatus? status,
        RefundMethod? method, string? partnerId)
    {
        var query = db.RefundOrders.AsNoTracking();
        query = asSupplier ? query.Where(r => r.SupplierAccountId == accountId) : query.Where(r => r.DistributorAccountId == accountId);
        if (partnerId is not null)
            query = asSupplier ? query.Where(r => r.DistributorAccountId == partnerId) : query.Where(r => r.SupplierAccountId == partnerId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (method is { } m) query = query.Where(r => r.Method == m);
        return query;
    }
}
