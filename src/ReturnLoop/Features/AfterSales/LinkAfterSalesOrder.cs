using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// Links a platform return that arrived without a known original order to the order the seller names. If the platform has
/// already approved it, the return &amp; stock-in opens now (and is pushed with auto-push), as it would have at approval.
/// </summary>
public sealed class LinkAfterSalesOrder(AppDbContext db, TimeProvider clock, OpenDistributionReturn openReturn)
{
    public sealed record Request([property: Required] string? DistributionOrderId);

    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, string id, Request request, CancellationToken ct)
    {
        new Check().Required(request.DistributionOrderId, "distributionOrderId", Ids.Length).ThrowIfInvalid();
        return db.RetryOnConflictAsync(async () =>
        {
            var afterSales = await db.AfterSalesOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var order = await db.DistributionOrders.FindForDistributorAsync(distributorAccountId, request.DistributionOrderId!, ct);
            var now = clock.GetUtcNow();
            afterSales.LinkTo(order, now);
            order.NoteAfterSales(now);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Linked",
                $"Linked to distribution order {order.MarketplaceOrderNo ?? order.Id}.", now);
            if (afterSales.Status == AfterSalesStatus.ConfirmReturn && afterSales.BringsGoodsBack)
                await openReturn.HandleAsync(afterSales, order, now, ct);
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
    }
}
