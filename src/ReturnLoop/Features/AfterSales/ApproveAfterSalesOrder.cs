using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// ToConfirm → ConfirmReturn, creating the return &amp; stock-in – distribution (pushed at once with auto-push), or for a
/// regular after-sales order the seller's own Return &amp; Stock-in.
/// </summary>
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
        db.Record(afterSales.Id, side, actorAccountId, "Approved", !afterSales.BringsGoodsBack
            ? "Refund approved: no goods come back."
            : afterSales.IsRegular ? "Return approved: the goods come back to your own warehouse."
            : "Return approved: the goods come back to the supplier.", now);
        if (afterSales.BringsGoodsBack && afterSales.DistributionOrderId is { } orderId)
        {
            var order = await db.DistributionOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
            await openReturn.HandleAsync(afterSales, order, now, ct);
        }
        else if (afterSales.BringsGoodsBack && afterSales.IsRegular)
        {
            // The seller's own stock: nothing is pushed, the seller stocks it in itself (domain.md, Regular after-sales).
            db.OpenReturnStockIn(afterSales, now);
        }
    }
}
