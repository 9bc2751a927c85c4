using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>
/// Creates the return &amp; stock-in – distribution of an approved (or abnormal) after-sales order, and pushes it at
/// once when the distributor has auto-push on. Adds to the caller's unit of work; the caller saves.
/// </summary>
public sealed class OpenDistributionReturn(AppDbContext db, PushDistributionReturns pusher)
{
    public async Task<DistributionReturn> HandleAsync(AfterSalesOrder afterSales, DistributionOrder order, DateTimeOffset now,
        CancellationToken ct)
    {
        var ret = DistributionReturn.Create(afterSales.Id, order.Id, afterSales.DistributorAccountId, order.SupplierAccountId,
            order.WarehouseId, now);
        afterSales.AttachDistributionReturn(ret.Id);
        db.DistributionReturns.Add(ret);
        db.Record(afterSales.Id, Side.System, null, "ReturnCreated", "Return & stock-in – distribution created (To Push).", now);

        var autoPush = await db.Accounts.Where(a => a.Id == afterSales.DistributorAccountId).Select(a => a.AutoPushReturns)
            .SingleAsync(ct);
        if (autoPush)
        {
            var context = await PushDistributionReturns.LoadContextAsync(db, afterSales.DistributorAccountId, [ret], ct, [order],
                [afterSales]);
            pusher.Push(ret, context, now);
        }
        return ret;
    }
}
