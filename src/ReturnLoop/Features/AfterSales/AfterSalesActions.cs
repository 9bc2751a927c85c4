using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.SupplierReturns;
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

/// <summary>
/// Cancels the application and recalls what was pushed: a supplier return still pending stock-in becomes
/// Recalled; one already stocked in stays where it is, flagged for both sides, and the recall fails with
/// <c>recall.already_stocked_in</c>. The cancellation itself always stands (domain.md, Decision).
/// </summary>
public sealed class CancelAfterSalesOrder(AppDbContext db, TimeProvider clock)
{
    public const string AlreadyStockedIn = "recall.already_stocked_in";

    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var afterSales = await db.AfterSalesOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            afterSales.Cancel(now);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Cancelled", "After-sales application cancelled.", now);

            if (afterSales.DistributionReturnId is { } returnId)
            {
                var ret = await db.DistributionReturns.SingleAsync(r => r.Id == returnId, ct);
                if (ret.CanPush)
                {
                    ret.Cancel(now);
                }
                else if (ret.IsPushed)
                {
                    var supplierReturn = await db.SupplierReturns.SingleAsync(r => r.Id == ret.SupplierReturnId, ct);
                    if (supplierReturn.CanRecall)
                    {
                        supplierReturn.Recall(now);
                        ret.MarkRecalled(now);
                        db.Record(afterSales.Id, Side.System, null, "Recalled", "The pushed return was recalled from the supplier.", now);
                    }
                    else
                    {
                        var failure = new Failure(AlreadyStockedIn, "The supplier has already stocked the goods in; the return stays with the supplier and needs attention.");
                        ret.MarkRecallFailed(failure, now);
                        supplierReturn.FlagAttention("The distributor cancelled the after-sales order after stock-in.");
                        db.Record(afterSales.Id, Side.System, null, "RecallFailed", $"{failure.Code}: {failure.Message}", now);
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
}

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

public static class AfterSalesQueries
{
    public static async Task<AfterSalesOrder> FindForDistributorAsync(this IQueryable<AfterSalesOrder> orders, string distributorAccountId, string id, CancellationToken ct) =>
        await orders.SingleOrDefaultAsync(a => a.Id == id && a.DistributorAccountId == distributorAccountId, ct) ?? throw DomainError.NotFound("after-sales order");
}
