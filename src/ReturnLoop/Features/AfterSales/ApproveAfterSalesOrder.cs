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
            await ApplyAsync(afterSales, Side.Distributor, distributorAccountId, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return afterSales;
        });

    /// <summary>
    /// The approval itself, inside the caller's unit of work (nothing saved): the seller's click, or a platform's acceptance
    /// that a sync or a push brought in (<paramref name="side"/> Platform).
    /// </summary>
    public async Task ApplyAsync(AfterSalesOrder afterSales, Side side, string? actorAccountId, DateTimeOffset now, CancellationToken ct)
    {
        afterSales.Approve(now);
        db.Record(afterSales.Id, side, actorAccountId, "Approved", afterSales.BringsGoodsBack
            ? "Return approved: the goods come back to the supplier." : "Refund approved: no goods come back.", now);
        if (afterSales.BringsGoodsBack && afterSales.DistributionOrderId is { } orderId)
        {
            var order = await db.DistributionOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
            await openReturn.HandleAsync(afterSales, order, now, ct);
        }
    }
}
