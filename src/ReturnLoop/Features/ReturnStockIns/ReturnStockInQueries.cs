using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Features.ReturnStockIns;

public static class ReturnStockInQueries
{
    public static async Task<ReturnStockIn> FindForAccountAsync(this IQueryable<ReturnStockIn> returns, string accountId, string id,
        CancellationToken ct) =>
        await returns.SingleOrDefaultAsync(r => r.Id == id && r.AccountId == accountId, ct)
        ?? throw DomainError.NotFound("return & stock-in");

    /// <summary>The tab counts of <see cref="ReturnStockInsOf"/>: the kept counts, unless q searches (then from the rows).</summary>
    public static Task<Dictionary<string, int>> ReturnStockInCountsAsync(this AppDbContext db, string accountId, string? q,
        CancellationToken ct) =>
        string.IsNullOrWhiteSpace(q)
            ? db.TabCountsAsync<ReturnStockInStatus>(CountedLists.ReturnStockIns, accountId, null, ct)
            : db.ReturnStockInsOf(accountId, null, q).CountByStatusAsync(r => r.Status, ct);

    /// <summary>The account's own Return &amp; Stock-in under the list filters; q finds an id, after-sales or store order.</summary>
    public static IQueryable<ReturnStockIn> ReturnStockInsOf(this AppDbContext db, string accountId, ReturnStockInStatus? status,
        string? q)
    {
        var query = db.ReturnStockIns.AsNoTracking().Where(r => r.AccountId == accountId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Point lookups on their own indexes, not an OR the planner may answer with a scan of the account's rows.
            var term = q.Trim();
            var returns = db.ReturnStockIns;
            var afterSalesIds = db.AfterSalesOrders
                .Where(a => a.DistributorAccountId == accountId && a.MarketplaceOrderNo == term).Select(a => a.Id);
            var matches = returns.Where(r => r.Id == term).Select(r => r.Id)
                .Concat(returns.Where(r => r.AfterSalesOrderId == term).Select(r => r.Id))
                .Concat(returns.Where(r => r.StoreOrderId == term).Select(r => r.Id))
                .Concat(returns.Where(r => afterSalesIds.Contains(r.AfterSalesOrderId)).Select(r => r.Id));
            query = query.Where(r => matches.Contains(r.Id));
        }
        return query;
    }

    /// <summary>
    /// Opens the seller's own Return &amp; Stock-in of a regular after-sales order that brings goods back, inside the caller's
    /// unit of work (approval, or an abnormal return at creation).
    /// </summary>
    public static ReturnStockIn OpenReturnStockIn(this AppDbContext db, AfterSalesOrder afterSales, DateTimeOffset now)
    {
        var r = ReturnStockIn.Open(afterSales, now);
        db.ReturnStockIns.Add(r);
        afterSales.AttachReturnStockIn(r.Id);
        db.Record(afterSales.Id, Side.System, null, "ReturnCreated",
            "Return & Stock-in created: the goods come back to your own warehouse.", now);
        return r;
    }
}
