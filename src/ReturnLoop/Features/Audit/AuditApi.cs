namespace ReturnLoop.Features.Audit;

public static class AuditApi
{
    /// <summary>
    /// The account's audit log: an Owner's to read (api.md), unlike the account's other data.
    /// </summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/audit", "Audit").RequirePermission(Permission.Admin);
        group.MapGet("/", async Task<Ok<Page<AuditEntryResponse>>> (ClaimsPrincipal p, AuditQueries audit, string? entityId,
                string? actorId, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await audit.PageAsync(p.AccountId(), AuditFilter.From(entityId, actorId), PageRequest.From(limit, cursor), ct)))
            .WithSummary("Every state change of the account's data, newest first: who (user, API key, platform, system), when, "
                + "from which request (trace id) and what changed.");
        return group;
    }
}
