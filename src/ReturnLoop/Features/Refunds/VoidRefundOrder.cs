using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

/// <summary>
/// The supplier voids a bank-transfer refund the distributor has not confirmed; the settlement is reversed and a
/// new refund may be created.
/// </summary>
public sealed class VoidRefundOrder(AppDbContext db, TimeProvider clock)
{
    public Task<RefundOrder> HandleAsync(string supplierAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var refund = await db.RefundOrders.FindForSupplierAsync(supplierAccountId, id, ct);
            var now = clock.GetUtcNow();
            refund.Void(now);
            if (refund.SettledOnOrder > 0)
            {
                var order = await db.DistributionOrders.SingleAsync(o => o.Id == refund.DistributionOrderId, ct);
                db.OrderSettlements.Add(order.ReverseRefundSettlement(refund.SettledOnOrder, refund.Id, now));
            }
            var ret = await db.SupplierReturns.SingleAsync(r => r.Id == refund.SupplierReturnId, ct);
            ret.DetachVoidedRefund();
            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == refund.AfterSalesOrderId, ct);
            afterSales.MarkRefundVoided(now);
            db.Record(afterSales.Id, Side.Supplier, supplierAccountId, "RefundVoided", "The supplier voided the refund order.", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });
}
