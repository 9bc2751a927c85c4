using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// Cancels the application; its return &amp; stock-in – distribution is cancelled or recalled as
/// <see cref="DistributionReturn.Recall"/> decides; a regular one's pending Return &amp; Stock-in is cancelled. The
/// cancellation itself always stands (domain.md, Recall).
/// </summary>
public sealed class CancelAfterSalesOrder(AppDbContext db, TimeProvider clock)
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
    /// The cancellation itself, inside the caller's unit of work (nothing saved): the seller's click, or a platform's
    /// cancellation that a sync or a push brought in (<paramref name="side"/> Platform).
    /// </summary>
    public async Task ApplyAsync(AfterSalesOrder afterSales, Side side, string? actorAccountId, DateTimeOffset now, CancellationToken ct)
    {
        afterSales.Cancel(now);
        db.Record(afterSales.Id, side, actorAccountId, "Cancelled", "After-sales application cancelled.", now);

        if (afterSales.ReturnStockInId is { } stockInId)
        {
            // The goods have not arrived (a received one completes the after-sales order, which then cannot be cancelled).
            var own = await db.ReturnStockIns.SingleAsync(r => r.Id == stockInId, ct);
            if (own.CanCancel) own.Cancel(now);
        }

        if (afterSales.DistributionReturnId is { } returnId)
        {
            var ret = await db.DistributionReturns.SingleAsync(r => r.Id == returnId, ct);
            var supplierReturn = ret.IsPushed ? await db.SupplierReturns.SingleAsync(r => r.Id == ret.SupplierReturnId, ct) : null;
            switch (ret.Recall(supplierReturn, now))
            {
                case RecallOutcome.Recalled:
                    db.Record(afterSales.Id, Side.System, null, "Recalled", "The pushed return was recalled from the supplier.", now);
                    break;
                case RecallOutcome.RecallFailed:
                    db.Record(afterSales.Id, Side.System, null, "RecallFailed",
                        $"{ret.RecallFailure!.Code}: {ret.RecallFailure.Message}", now);
                    break;
            }
        }
    }
}
