namespace ReturnLoop.Features.Webhooks;

/// <summary>
/// Claiming due deliveries with one conditional UPDATE per batch, so each attempt is made by exactly one worker
/// across app instances. PostgreSQL skips rows another worker is claiming at that moment (FOR UPDATE SKIP LOCKED);
/// SQLite has a single writer, so the same conditional UPDATE is atomic there. A claim is a lease: a worker that
/// dies mid-attempt loses it when <c>LockedUntil</c> passes and the delivery is tried again (at least once).
/// </summary>
public static class WebhookClaims
{
    public sealed record Claimed(string Id, string EventId, int Attempts, DateTimeOffset? LastAttemptAt, string Payload, string Url,
        string Secret, bool Enabled);

    public static async Task<IReadOnlyList<Claimed>> ClaimAsync(AppDbContext db, string token, int limit, DateTimeOffset now,
        TimeSpan lease, CancellationToken ct)
    {
        // A read first: an idle poll then never takes SQLite's write lock from the app's own writers.
        var due = await db.WebhookDeliveries.AnyAsync(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
            && (d.LockedUntil == null || d.LockedUntil < now), ct);
        if (!due) return [];
        var sqlite = db.Database.IsSqlite();
        // Raw SQL sees the stored form: SQLite keeps instants as UTC ticks (AppDbContext.ConfigureConventions).
        object At(DateTimeOffset t) => sqlite ? t.UtcTicks : t;
        object nowValue = At(now), until = At(now + lease);
        var ids = sqlite
            ? await db.Database.SqlQuery<string>($"""
                UPDATE "WebhookDeliveries" SET "LockedBy" = {token}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "WebhookDeliveries"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {nowValue} AND ("LockedUntil" IS NULL OR "LockedUntil" < {nowValue})
                    ORDER BY "NextAttemptAt", "Id" LIMIT {limit})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<string>($"""
                UPDATE "WebhookDeliveries" SET "LockedBy" = {token}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "WebhookDeliveries"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {nowValue} AND ("LockedUntil" IS NULL OR "LockedUntil" < {nowValue})
                    ORDER BY "NextAttemptAt", "Id" LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await (
            from d in db.WebhookDeliveries.AsNoTracking()
            where ids.Contains(d.Id) && d.LockedBy == token
            join e in db.WebhookEvents on d.EventId equals e.Id
            join p in db.WebhookEndpoints on d.EndpointId equals p.Id
            orderby d.NextAttemptAt, d.Id
            select new Claimed(d.Id, d.EventId, d.Attempts, d.LastAttemptAt, e.Payload, p.Url, p.Secret, p.Enabled)).ToListAsync(ct);
    }

    /// <summary>Hands a claim back without an attempt (the instance is stopping).</summary>
    public static async Task ReleaseAsync(IServiceScopeFactory scopes, string id, string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.WebhookDeliveries.Where(d => d.Id == id && d.LockedBy == token)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedBy, (string?)null).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null));
    }
}
