using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReturnLoop.Features.TabCounts;

/// <summary>
/// Keeps the tab counts of <see cref="CountedLists"/> in every save, from the change tracker: a row added, removed or moved
/// to another tab adds its <see cref="TabCount"/> rows to the same save (same transaction), so a count never disagrees with
/// the rows once committed. Registered with the database itself (DatabaseSetup), so every context keeps them: the app's,
/// the tests', the tools'. Counted rows are never changed by ExecuteUpdate/ExecuteDelete (which bypass this).
/// </summary>
public sealed class TabCountInterceptor : SaveChangesInterceptor
{
    public static readonly TabCountInterceptor Instance = new();

    /// <summary>The counts this interceptor added to a context's save that has not succeeded yet.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<TabCount>> _unsaved = new();

    private TabCountInterceptor() { }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Count(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _unsaved.TryGetValue(context, out var counts)) counts.Clear();
    }

    private void Count(DbContext? context)
    {
        if (context is null) return;
        // A save that failed left its counts behind, still to be inserted: they are counted anew below.
        if (_unsaved.TryGetValue(context, out var unsaved))
        {
            foreach (var count in unsaved)
            {
                var left = context.Entry(count);
                if (left.State == EntityState.Added) left.State = EntityState.Detached;
            }
            unsaved.Clear();
        }
        Dictionary<TabKey, int>? changes = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!CountedLists.ByEntity.TryGetValue(entry.Metadata.ClrType, out var lists)) continue;
            foreach (var list in lists)
            {
                switch (entry.State)
                {
                    case EntityState.Added:
                        Add(ref changes, list.KeyOf(n => entry.CurrentValues[n]), 1);
                        break;
                    case EntityState.Deleted:
                        Add(ref changes, list.KeyOf(n => entry.OriginalValues[n]), -1);
                        break;
                    case EntityState.Modified:
                        var before = list.KeyOf(n => entry.OriginalValues[n]);
                        var after = list.KeyOf(n => entry.CurrentValues[n]);
                        if (before == after) break;
                        Add(ref changes, before, -1);
                        Add(ref changes, after, 1);
                        break;
                }
            }
        }
        if (changes is null) return;
        unsaved ??= _unsaved.GetOrCreateValue(context);
        foreach (var (key, count) in changes)
        {
            if (count == 0) continue;
            var row = new TabCount(key.List, key.AccountId, key.PartnerId, key.Status, count);
            context.Add(row);
            unsaved.Add(row);
        }
    }

    private static void Add(ref Dictionary<TabKey, int>? changes, TabKey? key, int count)
    {
        if (key is not { } k) return;
        changes ??= [];
        changes[k] = changes.GetValueOrDefault(k) + count;
    }
}
