using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// Links a platform return that arrived without a known original order to the order the seller names: a distribution order
/// (a distribution after-sales order) or one of the seller's own store orders (a regular one). If the platform has already
/// approved it, its return &amp; stock-in opens now (pushed with auto-push), as it would have at approval.
/// </summary>
public sealed class LinkAfterSalesOrder(AppDbContext db, TimeProvider clock, OpenDistributionReturn openReturn)
{
    public sealed record Request(string? DistributionOrderId, string? StoreOrderId);

    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, string id, Request request, CancellationToken ct)
    {
        new Check()
            .Optional(request.DistributionOrderId, "distributionOrderId", Ids.Length)
            .Optional(request.StoreOrderId, "storeOrderId", Ids.Length)
            .That(string.IsNullOrWhiteSpace(request.DistributionOrderId) != string.IsNullOrWhiteSpace(request.StoreOrderId),
                "distributionOrderId", "Give either distributionOrderId or storeOrderId.")
            .ThrowIfInvalid();
        return db.RetryOnConflictAsync(async () =>
        {
            var afterSales = await db.AfterSalesOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            var opens = afterSales.Status == AfterSalesStatus.ConfirmReturn && afterSales.BringsGoodsBack;
            if (!string.IsNullOrWhiteSpace(request.DistributionOrderId))
            {
                var order = await db.DistributionOrders.FindForDistributorAsync(distributorAccountId, request.DistributionOrderId, ct);
                afterSales.LinkTo(order, now);
                order.NoteAfterSales(now);
                db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Linked",
                    $"Linked to distribution order {order.MarketplaceOrderNo ?? order.Id}.", now);
                if (opens) await openReturn.HandleAsync(afterSales, order, now, ct);
            }
            else
            {
                var order = await db.StoreOrders.FindForAccountAsync(distributorAccountId, request.StoreOrderId!, ct);
                afterSales.LinkTo(order, now);
                order.NoteAfterSales(now);
                db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Linked",
                    $"Linked to store order {order.MarketplaceOrderNo}.", now);
                if (opens) db.OpenReturnStockIn(afterSales, now);
            }
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
    }
}
