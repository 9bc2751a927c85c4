using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Features.SupplierReturns;

public static class SupplierReturnQueries
{
    public static async Task<SupplierReturn> FindForSupplierAsync(this IQueryable<SupplierReturn> returns, string supplierAccountId,
        string id,
        CancellationToken ct) =>
        await returns.SingleOrDefaultAsync(r => r.Id == id && r.SupplierAccountId == supplierAccountId, ct)
        ?? throw DomainError.NotFound("supplier return");

    /// <summary>
    /// The tab counts of <see cref="SupplierReturnsOf"/>: the kept counts, of one distributor or all, under the
    /// needs-attention filter too.
    /// </summary>
    public static Task<Dictionary<string, int>> SupplierReturnCountsAsync(this AppDbContext db, string supplierAccountId,
        string? distributorId, bool? needsAttention, CancellationToken ct) =>
        db.TabCountsAsync<SupplierReturnStatus>(CountedLists.SupplierReturns, CountedLists.SupplierReturnsNeedingAttention,
            supplierAccountId, distributorId, needsAttention, ct);

    /// <summary>The supplier's returns under the list filters of After Sales Orders – BigShop and Return &amp; Stock-in –
    /// BigShop.</summary>
    public static IQueryable<SupplierReturn> SupplierReturnsOf(this AppDbContext db, string supplierAccountId, SupplierReturnStatus? status,
        string? distributorId, bool? needsAttention)
    {
        var query = db.SupplierReturns.AsNoTracking().Where(r => r.SupplierAccountId == supplierAccountId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (distributorId is not null) query = query.Where(r => r.DistributorAccountId == distributorId);
        if (needsAttention is { } n) query = query.Where(r => r.NeedsAttention == n);
        return query;
    }

    /// <summary>The return handling fee frozen on each active refund order of these returns, by refund order id.</summary>
    public static async Task<Dictionary<string, decimal>> FrozenHandlingFeesAsync(this AppDbContext db, IEnumerable<SupplierReturn> returns,
        CancellationToken ct)
    {
        var refundIds = returns.Select(r => r.ActiveRefundOrderId).OfType<string>().ToList();
        if (refundIds.Count == 0) return [];
        return await db.RefundOrders.AsNoTracking().Where(r => refundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.ReturnHandlingFee, ct);
    }
}
