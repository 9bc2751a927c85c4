namespace ReturnLoop.Features.Audit;

public static class AuditApi
{
    /// <summary>
    /// The account's audit log. A group of its own: the owner-only permission is added to it with the roles.
    /// </summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/audit", "Audit");
        group.MapGet("/", async Task<Ok<Page<AuditEntryResponse>>> (ClaimsPrincipal p, AuditQueries audit, string? entityId,
                string? actorId, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await audit.PageAsync(p.AccountId(), AuditFilter.From(entityId, actorId), PageRequest.From(limit, cursor), ct)))
            .WithSummary("Every state change of the account's data, newest first: who (user, API key, platform, system), when, "
                + "from which request (trace id) and what changed.");
        return group;
    }
}
