using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// Collects the accounts whose rows a SaveChanges touches and publishes them once the change is committed: at once
/// without an explicit transaction, at the commit with one (the idempotency middleware wraps a request in one).
/// </summary>
public sealed class AccountChangesInterceptor(AccountChanges changes) : SaveChangesInterceptor
{
    private static readonly string[] AccountProperties = ["AccountId", "SupplierAccountId", "DistributorAccountId"];

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

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

    /// <summary>Registered beside this one: publishes what the transaction's saves collected when it commits.</summary>
    public DbTransactionInterceptor Transactions => _hook ??= new TransactionHook(this);

    private TransactionHook? _hook;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var ids = _pending.GetOrCreateValue(context);
        lock (ids)
        {
            foreach (var entry in context.ChangeTracker.Entries())
            {
                // Kept tab counts follow a change already published with its own rows; their folding every few seconds
                // is no change of the account, and publishing it would reload every open page of every busy account.
                if (entry.Entity is TabCount) continue;
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) AddAccounts(entry, ids);
            }
        }
    }

    private static void AddAccounts(EntityEntry entry, HashSet<string> ids)
    {
        if (entry.Entity is Account account) ids.Add(account.Id);
        if (entry.Entity is ApiKey key) ids.Add(AccountChanges.CredentialsOf(key.AccountId));
        if (entry.Entity is User user) ids.Add(AccountChanges.CredentialsOf(user.AccountId));
        foreach (var name in AccountProperties)
        {
            var property = entry.Metadata.FindProperty(name);
            if (property is null || property.ClrType != typeof(string)) continue;
            if (entry.Property(name).CurrentValue is string id && id.Length > 0) ids.Add(id);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null) return;
        Flush(context);
    }

    private void Flush(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var ids)) return;
        string[] snapshot;
        lock (ids)
        {
            snapshot = [.. ids];
            ids.Clear();
        }
        if (snapshot.Length > 0) changes.Publish(snapshot);
    }

    private void Drop(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var ids)) lock (ids) ids.Clear();
    }

    private sealed class TransactionHook(AccountChangesInterceptor owner) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context) owner.Flush(context);
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (eventData.Context is { } context) owner.Flush(context);
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            owner.Drop(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            owner.Drop(eventData.Context);
    }
}
