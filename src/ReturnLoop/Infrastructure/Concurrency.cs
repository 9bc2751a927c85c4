using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using ReturnLoop.Infrastructure.Observability;

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
        // Inside a deferred writer the save takes the gate itself (it is not reentrant).
        if (!db.Database.IsSqlite() || db.DeferredWriter is not null) return null;
        return await TakeAsync(GateOf(db), ct);
    }

    /// <summary>Takes a writer gate, timing the wait; the <see cref="Release"/> times the hold (both are metrics).</summary>
    private static async Task<Release> TakeAsync(SemaphoreSlim gate, CancellationToken ct)
    {
        var waiting = Stopwatch.GetTimestamp();
        await gate.WaitAsync(ct);
        LoopMetrics.WriterWaited(waiting);
        return new Release(gate);
    }

    private static Release Take(SemaphoreSlim gate)
    {
        var waiting = Stopwatch.GetTimestamp();
        gate.Wait();
        LoopMetrics.WriterWaited(waiting);
        return new Release(gate);
    }

    private static SemaphoreSlim GateOf(AppDbContext db) =>
        SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Starts the writing part of a use case: on SQLite, the deferred writer of <see cref="RetryOnConflictAsync{T}"/> takes
    /// the process's writer gate and begins its transaction now. Called by the first save and by the hot-row locks.
    /// </summary>
    public static async Task BeginWritingAsync(this AppDbContext db, CancellationToken ct = default)
    {
        if (db.DeferredWriter is { } writer) await writer.BeginAsync(ct);
    }

    /// <summary>
    /// SQLite: a use case's reads and decisions go on beside other writers, outside any transaction; the writer is
    /// taken at its first write (its SaveChanges, or a hot-row lock of <see cref="RowLocks"/>) and held to the commit.
    /// A row changed by another writer since it was read fails its version check and the attempt runs again, as on
    /// PostgreSQL (whose reads are READ COMMITTED, not a snapshot, either). Only the writes queue on the one writer.
    /// </summary>
    public sealed class DeferredWriter : IAsyncDisposable
    {
        private readonly AppDbContext _db;
        private Release? _writer;
        private IDbContextTransaction? _transaction;

        public DeferredWriter(AppDbContext db)
        {
            _db = db;
            db.DeferredWriter = this;
        }

        public async Task BeginAsync(CancellationToken ct)
        {
            if (_transaction is not null) return;
            _writer = await TakeAsync(GateOf(_db), ct);
            _transaction = await _db.Database.BeginTransactionAsync(ct);
        }

        public void Begin()
        {
            if (_transaction is not null) return;
            _writer = Take(GateOf(_db));
            _transaction = _db.Database.BeginTransaction();
        }

        public Task CommitAsync() => _transaction?.CommitAsync() ?? Task.CompletedTask;

        /// <summary>Rolls back what was not committed and lets the next writer in.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_db.DeferredWriter == this) _db.DeferredWriter = null;
            try
            {
                if (_transaction is not null) await _transaction.DisposeAsync();
            }
            finally
            {
                _transaction = null;
                _writer?.Dispose();
                _writer = null;
            }
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private readonly long _held = Stopwatch.GetTimestamp();
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            LoopMetrics.WriterHeld(_held);
            gate.Release();
        }
    }

    /// <summary>
    /// Runs a use case's load-change-save in one transaction, again when a concurrent writer won the race (a
    /// version or unique conflict): the second push of a return then finds it pushed and reports the existing
    /// supplier return. After the last attempt the conflict surfaces as 409 <c>conflict</c>.
    /// <para>
    /// The short row locks of <see cref="RowLocks"/> (stock, balances) are held from their read to the commit: hot rows
    /// serialise instead of losing optimistic races. On SQLite the transaction begins at the first write
    /// (<see cref="DeferredWriter"/>). Inside a request's
    /// own transaction (an Idempotency-Key) each attempt is a savepoint, so a lost race never spoils the request.
    /// </para>
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this AppDbContext db, Func<Task<T>> attempt, int attempts = 6)
    {
        for (var i = 1; ; i++)
        {
            // Inside a deferred writer of an outer use case, this one is part of its transaction: begin it.
            await db.BeginWritingAsync();
            var ambient = db.Database.CurrentTransaction;
            // SQLite: the writer is taken at the first write, held until this attempt ends, before its back-off.
            await using var deferred = ambient is null && db.Database.IsSqlite() ? new DeferredWriter(db) : null;
            await using var own = ambient is null && deferred is null ? await db.Database.BeginTransactionAsync() : null;
            if (ambient is not null) await ambient.CreateSavepointAsync(AttemptSavepoint);
            try
            {
                var result = await attempt();
                if (deferred is not null) await deferred.CommitAsync();
                else if (own is not null) await own.CommitAsync();
                else await ambient!.ReleaseSavepointAsync(AttemptSavepoint);
                return result;
            }
            catch (Exception e) when (i < attempts && ProblemDetailsMapping.IsConflict(e))
            {
                if (deferred is not null) await deferred.DisposeAsync(); // rolled back: the others go on while this one backs off
                else if (own is not null) await own.RollbackAsync();
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
