using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.SupplierReturns;

namespace ReturnLoop.Infrastructure.Observability;

/// <summary>
/// Counts the loop's actions from the change tracker, as <see cref="Features.Webhooks.WebhookOutbox"/> announces them:
/// the use cases know nothing of it. A count is added only once its change is committed: at once after a save without
/// a transaction, at the commit with one; a rollback, or a rollback to a savepoint (a retried attempt of
/// RetryOnConflictAsync, EF Core's own savepoint around a failed save), forgets what it undid.
/// </summary>
public sealed class LoopMetricsInterceptor(LoopMetrics metrics) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly record struct Count(Counter<long> Counter, string? TagName = null, object? TagValue = null)
    {
        public void Add()
        {
            if (TagName is null) Counter.Add(1);
            else Counter.Add(1, new KeyValuePair<string, object?>(TagName, TagValue));
        }
    }

    private sealed class State
    {
        /// <summary>What the save under way would count.</summary>
        public List<Count> Saving { get; } = [];

        /// <summary>What saves inside the open transaction counted, waiting for its commit.</summary>
        public List<Count> Uncommitted { get; } = [];

        /// <summary>The length of <see cref="Uncommitted"/> at each open savepoint, innermost last.</summary>
        public Stack<int> Savepoints { get; } = new();

        /// <summary>
        /// The transaction ended. What the save under way collected stays: a save without a transaction of the caller's
        /// commits its own inside SaveChanges, before <see cref="SavedChanges"/> publishes it.
        /// </summary>
        public void EndTransaction()
        {
            Uncommitted.Clear();
            Savepoints.Clear();
        }
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => StateOf(eventData.Context)?.Saving.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        StateOf(eventData.Context)?.Saving.Clear();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        StateOf(eventData.Context)?.EndTransaction();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        StateOf(eventData.Context)?.EndTransaction();
        return Task.CompletedTask;
    }

    public void CreatedSavepoint(DbTransaction transaction, TransactionEventData eventData) => SavepointCreated(eventData.Context);

    public Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        CancellationToken cancellationToken = default)
    {
        SavepointCreated(eventData.Context);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) =>
        RolledBackToSavepoint(eventData.Context);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        CancellationToken cancellationToken = default)
    {
        RolledBackToSavepoint(eventData.Context);
        return Task.CompletedTask;
    }

    public void ReleasedSavepoint(DbTransaction transaction, TransactionEventData eventData) => SavepointReleased(eventData.Context);

    public Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        CancellationToken cancellationToken = default)
    {
        SavepointReleased(eventData.Context);
        return Task.CompletedTask;
    }

    private State? StateOf(DbContext? context) => context is not null && _states.TryGetValue(context, out var state) ? state : null;

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var state = _states.GetOrCreateValue(context);
        state.Saving.Clear();
        foreach (var entry in context.ChangeTracker.Entries()) Inspect(entry, state.Saving);
    }

    /// <summary>Which of the loop's actions one changed entity is.</summary>
    private void Inspect(EntityEntry entry, List<Count> to)
    {
        var added = entry.State == EntityState.Added;
        if (!added && entry.State != EntityState.Modified) return;
        bool StatusChanged() => !added && entry.Property("Status").IsModified;
        TStatus Was<TStatus>() => (TStatus)entry.Property("Status").OriginalValue!;

        switch (entry.Entity)
        {
            case AfterSalesOrder a:
                if (added) to.Add(new(metrics.AfterSalesCreated, "type", a.Type.ToString()));
                if (!StatusChanged()) break;
                if (a.Status == AfterSalesStatus.Cancelled) to.Add(new(metrics.AfterSalesCancelled));
                else if (Was<AfterSalesStatus>() == AfterSalesStatus.ToConfirm) to.Add(new(metrics.AfterSalesApproved));
                break;
            case DistributionReturn r:
                if (r.Status == DistributionReturnStatus.Pushed && (added || StatusChanged())) to.Add(new(metrics.ReturnsPushed));
                // Every failed attempt, a re-push that fails again included.
                if (r.Status == DistributionReturnStatus.PushFailed && (added || entry.Property(nameof(r.PushAttempts)).IsModified))
                    to.Add(new(metrics.PushFailures, "code", r.PushFailure?.Code ?? "unknown"));
                break;
            case SupplierReturn s when StatusChanged() && s.Status == SupplierReturnStatus.ReceivedReturn
                                       && Was<SupplierReturnStatus>() == SupplierReturnStatus.PendingStockIn:
                to.Add(new(metrics.StockIns));
                break;
            case RefundOrder r:
                if (added) to.Add(new(metrics.RefundsCreated, "method", r.Method.ToString()));
                if (r.Status == RefundStatus.Completed && (added || StatusChanged()))
                    to.Add(new(metrics.RefundsCompleted, "method", r.Method.ToString()));
                break;
        }
    }

    private void Saved(DbContext? context)
    {
        if (StateOf(context) is not { } state || state.Saving.Count == 0) return;
        if (context!.Database.CurrentTransaction is null) Publish(state.Saving);
        else state.Uncommitted.AddRange(state.Saving);
        state.Saving.Clear();
    }

    private void Committed(DbContext? context)
    {
        if (StateOf(context) is not { } state) return;
        Publish(state.Uncommitted);
        state.EndTransaction();
    }

    private void SavepointCreated(DbContext? context)
    {
        if (context is null) return;
        var state = _states.GetOrCreateValue(context);
        state.Savepoints.Push(state.Uncommitted.Count);
    }

    /// <summary>
    /// The interceptor is not told the savepoint's name: savepoints nest, and a rolled-back one is not used again
    /// (EF Core's and RetryOnConflictAsync's), so the innermost is the one rolled back to, and it is done with.
    /// Without one known, everything uncommitted is forgotten: a count missed rather than a count of what did not happen.
    /// </summary>
    private void RolledBackToSavepoint(DbContext? context)
    {
        if (StateOf(context) is not { } state) return;
        var mark = state.Savepoints.TryPop(out var m) ? m : 0;
        if (mark < state.Uncommitted.Count) state.Uncommitted.RemoveRange(mark, state.Uncommitted.Count - mark);
    }

    private void SavepointReleased(DbContext? context) => StateOf(context)?.Savepoints.TryPop(out _);

    private static void Publish(List<Count> counts)
    {
        foreach (var count in counts) count.Add();
    }
}
