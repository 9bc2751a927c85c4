namespace ReturnLoop.Features.Webhooks;

/// <summary>
/// Sends a finished delivery again, with the same <c>webhook-id</c> and body, on a fresh retry schedule. A delivery
/// still pending is already on its way, so it is refused (409) rather than sent twice at once.
/// </summary>
public sealed class RedeliverWebhook(AppDbContext db, TimeProvider clock, WebhookSignal signal)
{
    public async Task<WebhookDelivery> HandleAsync(string accountId, string endpointId, string deliveryId, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FindForAccountAsync(accountId, endpointId, ct);
        if (!endpoint.Enabled) throw DomainError.StateNotAllowed("redeliver", "disabled");
        var mine = db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.EndpointId == endpoint.Id);
        var now = clock.GetUtcNow();
        // One conditional UPDATE: never races a worker, which only writes Pending rows it holds.
        var changed = await mine.Where(d => d.Status != WebhookDeliveryStatus.Pending).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
            .SetProperty(d => d.Attempts, 0)
            .SetProperty(d => d.NextAttemptAt, now), ct);
        var delivery = await mine.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw DomainError.NotFound("webhook delivery");
        if (changed == 0) throw DomainError.StateNotAllowed("redeliver", delivery.Status);
        signal.Notify();
        return delivery;
    }
}
