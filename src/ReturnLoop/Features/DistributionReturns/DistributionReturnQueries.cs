using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Features.DistributionReturns;

public static class DistributionReturnQueries
{
    public static async Task<DistributionReturn> FindForDistributorAsync(this IQueryable<DistributionReturn> returns,
        string distributorAccountId, string id, CancellationToken ct) =>
        await returns.SingleOrDefaultAsync(r => r.Id == id && r.DistributorAccountId == distributorAccountId, ct)
        ?? throw DomainError.NotFound("distribution return");

    /// <summary>The tab counts of <see cref="DistributionReturnsOf"/>, of one supplier or all: the kept counts.</summary>
    public static Task<Dictionary<string, int>> DistributionReturnCountsAsync(this AppDbContext db, string distributorAccountId,
        string? supplierId, CancellationToken ct) =>
        db.TabCountsAsync<DistributionReturnStatus>(CountedLists.DistributionReturns, distributorAccountId, supplierId, ct);

    /// <summary>The distributor's returns &amp; stock-in – distribution under the list filters.</summary>
    public static IQueryable<DistributionReturn> DistributionReturnsOf(this AppDbContext db, string distributorAccountId,
        DistributionReturnStatus? status, string? supplierId, string? afterSalesOrderId)
    {
        var query = db.DistributionReturns.AsNoTracking().Where(r => r.DistributorAccountId == distributorAccountId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (supplierId is not null) query = query.Where(r => r.SupplierAccountId == supplierId);
        if (afterSalesOrderId is not null) query = query.Where(r => r.AfterSalesOrderId == afterSalesOrderId);
        return query;
    }
}
