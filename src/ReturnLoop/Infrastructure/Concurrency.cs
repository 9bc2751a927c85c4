namespace ReturnLoop.Infrastructure;

public static class Concurrency
{
    private const string AttemptSavepoint = "write_attempt";

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
