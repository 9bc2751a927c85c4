using System.Collections.Concurrent;

namespace ReturnLoop.Infrastructure;

public static class Concurrency
{
    private const string AttemptSavepoint = "write_attempt";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new();

    /// <summary>
    /// SQLite has one writer per database, and a transaction here begins IMMEDIATE (it takes the write lock at once). Writers
    /// of this process queue on a semaphore instead, so they take turns at once rather than sleep in SQLite's busy handler
    /// and give up with SQLITE_BUSY under load. Null on PostgreSQL, where row locks serialise only the rows that conflict.
    /// </summary>
    public static async Task<IDisposable?> EnterSqliteWriterAsync(this AppDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    /// <summary>
    /// Runs a use case's load-change-save in one transaction, again when a concurrent writer won the race (a
    /// version or unique conflict): the second push of a return then finds it pushed and reports the existing
    /// supplier return. After the last attempt the conflict surfaces as 409 <c>conflict</c>.
    /// <para>
    /// The transaction spans the reads too, so the short row locks of <see cref="RowLocks"/> (stock, balances) are
    /// held from the read to the commit: hot rows serialise instead of losing optimistic races. Inside a request's
    /// own transaction (an Idempotency-Key) each attempt is a savepoint, so a lost race never spoils the request.
    /// </para>
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this AppDbContext db, Func<Task<T>> attempt, int attempts = 6)
    {
        for (var i = 1; ; i++)
        {
            var ambient = db.Database.CurrentTransaction;
            // Held until this attempt ends, before its back-off; inside an ambient transaction the request holds it already.
            using var writer = ambient is null ? await db.EnterSqliteWriterAsync() : null;
            await using var own = ambient is null ? await db.Database.BeginTransactionAsync() : null;
            if (ambient is not null) await ambient.CreateSavepointAsync(AttemptSavepoint);
            try
            {
                var result = await attempt();
                if (own is not null) await own.CommitAsync();
                else await ambient!.ReleaseSavepointAsync(AttemptSavepoint);
                return result;
            }
            catch (Exception e) when (i < attempts && ProblemDetailsMapping.IsConflict(e))
            {
                if (own is not null) await own.RollbackAsync();
                else await ambient!.RollbackToSavepointAsync(AttemptSavepoint);
                db.ChangeTracker.Clear();
                writer?.Dispose(); // the others go on while this one backs off
                await Task.Delay(Random.Shared.Next(5, 20 * i));
            }
            catch when (ambient is not null)
            {
                // A refusal leaves nothing half-written in the request's transaction either (own is rolled back on dispose).
                await ambient.RollbackToSavepointAsync(AttemptSavepoint);
                throw;
            }
        }
    }
}
