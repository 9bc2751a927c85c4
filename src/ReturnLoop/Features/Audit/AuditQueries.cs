namespace ReturnLoop.Features.Audit;

public sealed record AuditEntryResponse(string Id, DateTimeOffset At, ActorType ActorType, string? ActorId, string Action,
    string EntityType, string EntityId, string? TraceId, string Changes);

/// <summary>What the audit log is filtered by: one entity, one actor (both optional).</summary>
public sealed record AuditFilter(string? EntityId = null, string? ActorId = null)
{
    public static AuditFilter From(string? entityId, string? actorId)
    {
        new Check()
            .That(entityId is null || entityId.Length <= 64, "entityId", "At most 64 characters.")
            .That(actorId is null || actorId.Length <= 200, "actorId", "At most 200 characters.")
            .ThrowIfInvalid();
        return new AuditFilter(string.IsNullOrWhiteSpace(entityId) ? null : entityId.Trim(),
            string.IsNullOrWhiteSpace(actorId) ? null : actorId.Trim());
    }
}

/// <summary>The account's audit log, newest first; the API and the /audit page read it alike.</summary>
public sealed class AuditQueries(AppDbContext db)
{
    private IQueryable<AuditEntry> Of(string accountId, AuditFilter filter)
    {
        var query = db.Set<AuditEntry>().AsNoTracking().Where(e => e.AccountId == accountId);
        if (filter.EntityId is { } entityId) query = query.Where(e => e.EntityId == entityId);
        if (filter.ActorId is { } actorId) query = query.Where(e => e.ActorId == actorId);
        return query;
    }

    public Task<Page<AuditEntryResponse>> PageAsync(string accountId, AuditFilter filter, PageRequest page, CancellationToken ct) =>
        Of(accountId, filter).ToPageAsync(page, e => e.ToResponse(), ct);

    /// <summary>A page by number, for the web grid's jumps (and the export, from 0).</summary>
    public async Task<IReadOnlyList<AuditEntryResponse>> SkipAsync(string accountId, AuditFilter filter, int skip, int take,
        CancellationToken ct) =>
        (await Of(accountId, filter).SkipPageAsync(skip, take, ct)).Select(e => e.ToResponse()).ToList();

    public Task<int> CountAsync(string accountId, AuditFilter filter, CancellationToken ct) => Of(accountId, filter).CountAsync(ct);
}

public static class AuditMapping
{
    public static AuditEntryResponse ToResponse(this AuditEntry e) =>
        new(e.Id, e.At, e.ActorType, e.ActorId, e.Action, e.EntityType, e.EntityId, e.TraceId, e.Changes);
}
