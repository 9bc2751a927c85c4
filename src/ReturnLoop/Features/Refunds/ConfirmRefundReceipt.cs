using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

/// <summary>The distributor confirms the bank transfer arrived: the refund, the supplier return and the after-sales order
/// complete.</summary>
public sealed class ConfirmRefundReceipt(AppDbContext db, TimeProvider clock)
{
    public Task<RefundOrder> HandleAsync(string distributorAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var refund = await db.RefundOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            refund.ConfirmReceipt(now);
            var ret = await db.SupplierReturns.SingleAsync(r => r.Id == refund.SupplierReturnId, ct);
            ret.Complete(now);
            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == refund.AfterSalesOrderId, ct);
            afterSales.MarkCompleted(now);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "RefundCompleted",
                "The distributor confirmed receipt of the bank transfer.", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });
}
