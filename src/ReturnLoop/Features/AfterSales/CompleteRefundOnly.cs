using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>A refund-only request (no goods, no push) is finished once the buyer has been refunded.</summary>
public sealed class CompleteRefundOnly(AppDbContext db, TimeProvider clock)
{
    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var afterSales = await db.AfterSalesOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            afterSales.CompleteRefundOnly(now);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Completed", "Refund to the buyer completed.", now);
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
}
