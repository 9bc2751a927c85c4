namespace ReturnLoop.Infrastructure;

/// <summary>
/// Short row locks for hot rows that many independent writers change (one SKU's stock in one warehouse, one
/// distributor's balance at a supplier). Such writers do not truly conflict, so they must wait their turn rather
/// than lose an optimistic race and answer 409. Taken inside the use case's transaction
/// (<see cref="Concurrency.RetryOnConflictAsync{T}"/>) and held until it commits.
/// <para>
/// PostgreSQL: <c>SELECT … FOR UPDATE</c>, in a fixed order (the caller sorts), so two writers never deadlock.
/// SQLite: locking begins the use case's transaction (<c>BEGIN IMMEDIATE</c>), which holds the database's write lock.
/// A missing row is first inserted with <c>ON CONFLICT DO NOTHING</c>, so two writers creating it never collide.
/// </para>
/// </summary>
public static class RowLocks
{
    /// <summary>Begins the use case's writing (SQLite's deferred writer) and requires its transaction.</summary>
    public static async Task EnsureTransactionAsync(this AppDbContext db, CancellationToken ct)
    {
        await db.BeginWritingAsync(ct);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Hot rows are locked inside a transaction: run the use case in RetryOnConflictAsync.");
    }

    /// <summary>The lock clause for a row read that will be updated in this transaction.</summary>
    public static string ForUpdate(this AppDbContext db) => db.Database.IsNpgsql() ? " FOR UPDATE" : "";

    /// <summary>A time as the database stores it: UTC ticks on SQLite (see AppDbContext), a timestamp on PostgreSQL.</summary>
    public static object StoredTime(this AppDbContext db, DateTimeOffset at) => db.Database.IsSqlite() ? at.UtcTicks : at;
}
