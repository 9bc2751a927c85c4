using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.ReturnStockIns;

public static class ReturnStockInQueries
{
    public static async Task<ReturnStockIn> FindForAccountAsync(this IQueryable<ReturnStockIn> returns, string accountId, string id,
        CancellationToken ct) =>
        await returns.SingleOrDefaultAsync(r => r.Id == id && r.AccountId == accountId, ct)
        ?? throw DomainError.NotFound("return & stock-in");

    /// <summary>The account's own Return &amp; Stock-in under the list filters; q finds an id, after-sales or store order.</summary>
    public static IQueryable<ReturnStockIn> ReturnStockInsOf(this AppDbContext db, string accountId, ReturnStockInStatus? status,
        string? q)
    {
        var query = db.ReturnStockIns.AsNoTracking().Where(r => r.AccountId == accountId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var byOrderNo = db.AfterSalesOrders.Where(a => a.DistributorAccountId == accountId && a.MarketplaceOrderNo == term)
                .Select(a => a.Id);
            query = query.Where(r => r.Id == term || r.AfterSalesOrderId == term || r.StoreOrderId == term
                || byOrderNo.Contains(r.AfterSalesOrderId));
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
