namespace ReturnLoop.Features.Shops;

/// <summary>
/// Claiming due inbox rows exactly like WebhookClaims: one conditional UPDATE per batch, FOR UPDATE SKIP LOCKED on PostgreSQL
/// (SQLite has a single writer, so the same UPDATE is atomic there), and a lease: a processor that dies mid-push loses the
/// claim when <c>LockedUntil</c> passes, and the push is processed again (every step is idempotent).
/// </summary>
public static class PushInboxClaims
{
    public sealed record Claimed(string Id, string ShopId, Features.DistributionOrders.Platform Platform, string Body, int Attempts);

    public static async Task<IReadOnlyList<Claimed>> ClaimAsync(AppDbContext db, string token, int limit, DateTimeOffset now,
        TimeSpan lease, CancellationToken ct)
    {
        // A read first: an idle poll then never takes SQLite's write lock from the app's own writers.
        var due = await db.MarketplacePushes.AnyAsync(p => p.Status == MarketplacePushStatus.Pending && p.NextAttemptAt <= now
            && (p.LockedUntil == null || p.LockedUntil < now), ct);
        if (!due) return [];
        var sqlite = db.Database.IsSqlite();
        // Raw SQL sees the stored form: SQLite keeps instants as UTC ticks (AppDbContext.ConfigureConventions).
        object At(DateTimeOffset t) => sqlite ? t.UtcTicks : t;
        object nowValue = At(now), until = At(now + lease);
        var ids = sqlite
            ? await db.Database.SqlQuery<string>($"""
                UPDATE "MarketplacePushes" SET "LockedBy" = {token}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "MarketplacePushes"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {nowValue} AND ("LockedUntil" IS NULL OR "LockedUntil" < {nowValue})
                    ORDER BY "NextAttemptAt", "ReceivedAt", "Id" LIMIT {limit})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<string>($"""
                UPDATE "MarketplacePushes" SET "LockedBy" = {token}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "MarketplacePushes"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {nowValue} AND ("LockedUntil" IS NULL OR "LockedUntil" < {nowValue})
                    ORDER BY "NextAttemptAt", "ReceivedAt", "Id" LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await db.MarketplacePushes.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.LockedBy == token)
            .OrderBy(p => p.NextAttemptAt).ThenBy(p => p.ReceivedAt).ThenBy(p => p.Id)
            .Select(p => new Claimed(p.Id, p.ShopId, p.Platform, p.Body, p.Attempts)).ToListAsync(ct);
    }

    /// <summary>Records a claimed push's result; only the lease holder may (a lapsed claim's result is dropped).</summary>
    public static Task<int> FinishAsync(AppDbContext db, string id, string token, MarketplacePushStatus status, int attempts,
        DateTimeOffset? nextAttemptAt, string? error, DateTimeOffset now)
    {
        var lastError = error is { Length: > 500 } ? error[..500] : error;
        DateTimeOffset? processedAt = status == MarketplacePushStatus.Pending ? null : now;
        return db.MarketplacePushes.Where(p => p.Id == id && p.LockedBy == token).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Status, status)
            .SetProperty(p => p.Attempts, attempts)
            .SetProperty(p => p.NextAttemptAt, nextAttemptAt)
            .SetProperty(p => p.LastError, lastError)
            .SetProperty(p => p.ProcessedAt, processedAt)
            .SetProperty(p => p.LockedBy, (string?)null)
            .SetProperty(p => p.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>Hands a claim back untouched (the instance is stopping).</summary>
    public static Task ReleaseAsync(AppDbContext db, string id, string token) =>
        db.MarketplacePushes.Where(p => p.Id == id && p.LockedBy == token).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.LockedBy, (string?)null)
            .SetProperty(p => p.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
}
