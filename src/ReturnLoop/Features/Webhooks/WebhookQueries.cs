namespace ReturnLoop.Features.Webhooks;

/// <summary>The webhook settings pages' reads: the account's endpoints and one endpoint's delivery log.</summary>
public static class WebhookQueries
{
    public static async Task<IReadOnlyList<WebhookEndpoint>> WebhookEndpointsOfAsync(this AppDbContext db, string accountId,
        CancellationToken ct) =>
        await db.WebhookEndpoints.AsNoTracking().Where(e => e.AccountId == accountId).OrderByDescending(e => e.Id).ToListAsync(ct);

    /// <summary>An endpoint's deliveries, optionally in one status: the API's delivery-log filter.</summary>
    public static async Task<IQueryable<WebhookDelivery>> DeliveriesOfAsync(this AppDbContext db, string accountId, string endpointId,
        WebhookDeliveryStatus? status, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FindForAccountAsync(accountId, endpointId, ct);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint.Id);
        return status is { } s ? query.Where(d => d.Status == s) : query;
    }

    public static async Task<Page<WebhookDelivery>> DeliveryPageAsync(this AppDbContext db, string accountId, string endpointId,
        WebhookDeliveryStatus? status, PageRequest page, CancellationToken ct) =>
        await (await db.DeliveriesOfAsync(accountId, endpointId, status, ct)).ToPageAsync(page, d => d, ct);

    public static async Task<IReadOnlyList<WebhookDelivery>> DeliverySkipAsync(this AppDbContext db, string accountId, string endpointId,
        WebhookDeliveryStatus? status, int skip, int take, CancellationToken ct) =>
        await (await db.DeliveriesOfAsync(accountId, endpointId, status, ct)).SkipPageAsync(skip, take, ct);

    public static async Task<Dictionary<string, int>> DeliveryCountsAsync(this AppDbContext db, string accountId, string endpointId,
        CancellationToken ct) =>
        await (await db.DeliveriesOfAsync(accountId, endpointId, null, ct)).CountByStatusAsync(d => d.Status, ct);
}
