namespace ReturnLoop.Features.Webhooks;

/// <summary>Queues a <c>webhook.ping</c> event for this endpoint only, to try the receiver and its signature check.</summary>
public sealed class PingWebhookEndpoint(AppDbContext db, WebhookOutbox outbox)
{
    public async Task<WebhookDelivery> HandleAsync(string accountId, string id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FindForAccountAsync(accountId, id, ct);
        if (!endpoint.Enabled) throw DomainError.StateNotAllowed("ping", "disabled");
        var delivery = outbox.AddPing(db, endpoint);
        await db.SaveChangesAsync(ct);
        return delivery;
    }
}
