using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.Webhooks;

public sealed class UpdateWebhookEndpoint(AppDbContext db, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>Replaces the endpoint's settings: no <c>events</c> is every type, no <c>enabled</c> is enabled.</summary>
    public sealed record Request([property: Required] string? Url, IReadOnlyList<string>? Events, bool? Enabled, string? Description);

    public async Task<WebhookEndpoint> HandleAsync(string accountId, string id, Request request, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FindForAccountAsync(accountId, id, ct);
        WebhookEndpointRules.CheckFields(request.Events, request.Description);
        var url = await WebhookUrls.CheckAsync(request.Url, options.Value.AllowPrivateNetworks, ct);
        endpoint.Change(url, request.Events, request.Enabled ?? true, request.Description, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return endpoint;
    }
}
