namespace ReturnLoop.Features.Webhooks;

/// <summary>Deletes the endpoint with its delivery log; whatever was still pending is not sent.</summary>
public sealed class DeleteWebhookEndpoint(AppDbContext db)
{
    public async Task HandleAsync(string accountId, string id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FindForAccountAsync(accountId, id, ct);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(ct);
    }
}
