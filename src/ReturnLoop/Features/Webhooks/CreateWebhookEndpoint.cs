using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.Webhooks;

public sealed class CreateWebhookEndpoint(AppDbContext db, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>No <c>events</c> (or an empty list) subscribes to every type.</summary>
    public sealed record Request([property: Required] string? Url, IReadOnlyList<string>? Events, string? Description);

    public async Task<WebhookEndpoint> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        WebhookEndpointRules.CheckFields(request.Events, request.Description);
        var url = await WebhookUrls.CheckAsync(request.Url, options.Value.AllowPrivateNetworks, ct);
        var endpoint = WebhookEndpoint.Create(accountId, url, request.Events, request.Description, clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return endpoint;
    }
}

public static class WebhookEndpointRules
{
    public static void CheckFields(IReadOnlyList<string>? events, string? description)
    {
        var check = new Check().Optional(description, "description", 500);
        foreach (var type in events ?? [])
            check.That(WebhookEventTypes.All.Contains(type), "events",
                $"'{type}' is not an event type: {string.Join(", ", WebhookEventTypes.All)}.");
        check.ThrowIfInvalid();
    }

    public static async Task<WebhookEndpoint> FindForAccountAsync(this IQueryable<WebhookEndpoint> endpoints, string accountId, string id,
        CancellationToken ct) =>
        await endpoints.SingleOrDefaultAsync(e => e.Id == id && e.AccountId == accountId, ct)
        ?? throw DomainError.NotFound("webhook endpoint");
}
