namespace ReturnLoop.Features.Webhooks;

public sealed record WebhookEndpointResponse(string Id, string Url, IReadOnlyList<string>? Events, string? Description, bool Enabled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The create answer: the only one that carries the secret.</summary>
public sealed record CreatedWebhookEndpointResponse(string Id, string Url, IReadOnlyList<string>? Events, string? Description, bool Enabled,
    string Secret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record WebhookDeliveryResponse(string Id, string EventId, string Type, WebhookDeliveryStatus Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt);

/// <summary>Outbound webhooks (api.md): an account's endpoints, their delivery logs, ping and redelivery.</summary>
public static class WebhooksApi
{
    public static WebhookEndpointResponse ToResponse(this WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventTypes, e.Description, e.Enabled, e.CreatedAt, e.UpdatedAt);

    public static WebhookDeliveryResponse ToResponse(this WebhookDelivery d) =>
        new(d.Id, d.EventId, d.Type, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.LastAttemptAt, d.NextAttemptAt, d.CreatedAt);

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/webhook-endpoints", "Webhooks").RequirePermissionToWrite(Permission.Admin);
        g.MapPost("/", async Task<Created<CreatedWebhookEndpointResponse>> (CreateWebhookEndpoint.Request request, ClaimsPrincipal p,
            CreateWebhookEndpoint useCase, CancellationToken ct) =>
        {
            var e = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/webhook-endpoints/{e.Id}",
                new CreatedWebhookEndpointResponse(e.Id, e.Url, e.EventTypes, e.Description, e.Enabled, e.Secret, e.CreatedAt,
                    e.UpdatedAt));
        }).WithSummary("Subscribe a URL to event types (none: every type). The answer shows the signing secret, once.");
        g.MapGet("/", async Task<Ok<Page<WebhookEndpointResponse>>> (ClaimsPrincipal p, AppDbContext db, int? limit, string? cursor,
            CancellationToken ct) =>
        {
            var me = p.AccountId();
            return TypedResults.Ok(await db.WebhookEndpoints.AsNoTracking().Where(e => e.AccountId == me)
                .ToPageAsync(PageRequest.From(limit, cursor), e => e.ToResponse(), ct));
        }).WithSummary("My webhook endpoints, newest first.");
        g.MapGet("/{id}", async Task<Ok<WebhookEndpointResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.WebhookEndpoints.AsNoTracking().FindForAccountAsync(p.AccountId(), id, ct)).ToResponse()));
        g.MapPut("/{id}", async Task<Ok<WebhookEndpointResponse>> (string id, UpdateWebhookEndpoint.Request request, ClaimsPrincipal p,
            UpdateWebhookEndpoint useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request, ct)).ToResponse()))
            .WithSummary("Replace url, events (none: every type), enabled (default true) and description.");
        g.MapDelete("/{id}", async Task<NoContent> (string id, ClaimsPrincipal p, DeleteWebhookEndpoint useCase, CancellationToken ct) =>
        {
            await useCase.HandleAsync(p.AccountId(), id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete the endpoint and its delivery log.");
        g.MapPost("/{id}/ping", async Task<Ok<WebhookDeliveryResponse>> (string id, ClaimsPrincipal p, PingWebhookEndpoint useCase,
            CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Queue a webhook.ping event for this endpoint only; answers its delivery.");
        g.MapGet("/{id}/deliveries", DeliveriesAsync)
            .WithSummary("The delivery log, newest first; filter by status Pending|Succeeded|Failed.");
        g.MapPost("/{id}/deliveries/{deliveryId}/redeliver", async Task<Ok<WebhookDeliveryResponse>> (string id, string deliveryId,
            ClaimsPrincipal p, RedeliverWebhook useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, deliveryId, ct)).ToResponse()))
            .WithSummary("Send a Succeeded or Failed delivery again, with the same webhook-id, on a fresh retry schedule.");
        return app;
    }

    private static async Task<Ok<Page<WebhookDeliveryResponse>>> DeliveriesAsync(string id, ClaimsPrincipal p, AppDbContext db,
        WebhookDeliveryStatus? status, int? limit, string? cursor, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FindForAccountAsync(p.AccountId(), id, ct);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint.Id);
        if (status is { } s) query = query.Where(d => d.Status == s);
        return TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), d => d.ToResponse(), ct));
    }
}
