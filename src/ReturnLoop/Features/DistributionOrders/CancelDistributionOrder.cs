namespace ReturnLoop.Features.DistributionOrders;

/// <summary>Either side cancels an order that has not shipped.</summary>
public sealed class CancelDistributionOrder(AppDbContext db, TimeProvider clock)
{
    public Task<DistributionOrder> HandleAsync(string accountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var order = await db.DistributionOrders.FindForPartyAsync(accountId, id, ct);
            order.Cancel(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return order;
        });
}
