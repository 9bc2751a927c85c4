using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>ToConfirm → ConfirmReturn, creating the return &amp; stock-in – distribution (pushed at once with auto-push).</summary>
public sealed class ApproveAfterSalesOrder(AppDbContext db, TimeProvider clock, OpenDistributionReturn openReturn)
{
    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var afterSales = await db.AfterSalesOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            afterSales.Approve(now);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Approved", afterSales.BringsGoodsBack
                ? "Return approved: the goods come back to the supplier." : "Refund approved: no goods come back.", now);
            if (afterSales.BringsGoodsBack)
            {
                var order = await db.DistributionOrders.AsNoTracking().SingleAsync(o => o.Id == afterSales.DistributionOrderId, ct);
                await openReturn.HandleAsync(afterSales, order, now, ct);
            }
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
}
