using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.Shops;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.TabCounts;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.Webhooks;
using ReturnLoop.Infrastructure.Idempotency;

namespace ReturnLoop.Features.Audit;

/// <summary>
/// Writes the audit log from the change tracker, as <see cref="WebhookOutbox"/> writes the outbox: one
/// <see cref="AuditEntry"/> per changed entity per save, added to the same save (same transaction, same batch, no extra
/// round trip); the use cases know nothing of it. A row of two parties (a pushed return, a refund order) is audited for the
/// account that owns it and, when the other party made the change, for that acting account too: each sees what was done
/// to its data. Changes made with ExecuteUpdate/ExecuteDelete bypass it: only bookkeeping uses them (claims, leases,
/// the idempotency sweep).
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>
    /// Bookkeeping, not the account's data: idempotency records, the webhook outbox and its delivery attempts and leases,
    /// the marketplace push inbox and its claims, Data Protection keys, the tab counts; the timeline and the audit log are logs themselves.
    /// </summary>
    private static readonly HashSet<Type> Skipped =
    [
        typeof(AuditEntry), typeof(TimelineEntry), typeof(IdempotencyRecord), typeof(WebhookEvent), typeof(WebhookDelivery),
        typeof(MarketplacePush), typeof(DataProtectionKey), typeof(TabCount),
    ];

    /// <summary>Bookkeeping columns of audited rows: the version, a shop's sync cursor and lease, sign-in counters.</summary>
    private static readonly HashSet<string> Ignored =
    [
        "Version", nameof(Shop.SyncedUntil), nameof(Shop.LastSyncAt), nameof(Shop.SyncLockedBy), nameof(Shop.SyncLockedUntil),
        nameof(User.FailedLogins), "LastUsedAt",
    ];

    /// <summary>Never written, only that they changed: password, key and token hashes, secrets, shop credentials.</summary>
    private static readonly string[] SecretWords = ["Hash", "Password", "Secret", "Token", "Credential"];

    /// <summary>Rows of two parties that the supplier owns; the others belong to their distributor.</summary>
    private static readonly HashSet<Type> SupplierOwned =
        [typeof(SupplierReturn), typeof(RefundOrder), typeof(CustomerBalance), typeof(BalanceLedgerEntry), typeof(OrderSettlement)];

    private static readonly string[] PartyColumns = ["AccountId", "SupplierAccountId", "DistributorAccountId"];

    /// <summary>The audited columns of each entity type, worked out once: every save of a bulk action asks for them per row.</summary>
    private static readonly ConcurrentDictionary<IEntityType, (IProperty Property, bool Secret)[]> AuditedColumns = new();

    public const string Hidden = "[hidden]";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Write(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Write(eventData.Context);
        return result;
    }

    private void Write(DbContext? context)
    {
        if (context is null) return;
        var tracker = context.ChangeTracker;
        // A save that failed left its entries behind: they are written again below, not twice.
        foreach (var stale in tracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
            stale.State = EntityState.Detached;

        var changed = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0) return;
        var actor = ActorOf(changed);
        // By the entity itself: two calls of Entries() give two wrappers of one row.
        var changes = new Dictionary<object, (EntityEntry Entry, Dictionary<string, object?> Diff)>(ReferenceEqualityComparer.Instance);
        Dictionary<object, (EntityEntry Root, string Navigation)>? owners = null;
        foreach (var entry in changed)
        {
            if (entry.Entity is TimelineEntry timeline && entry.State == EntityState.Added)
            {
                // The timeline names the same actor as the audit entry of the same change.
                timeline.ActedBy(actor.Type, actor.Id);
                continue;
            }
            if (Skipped.Contains(entry.Metadata.ClrType)) continue;
            if (!entry.Metadata.IsOwned())
            {
                var diff = Diff(entry);
                if (diff.Count > 0 || entry.State != EntityState.Modified) Merge(changes, entry, diff);
                continue;
            }
            // A line of a JSON column: reported under its parent, e.g. {"Lines":[{"Quantity":[1,2]}]}.
            owners ??= OwnedObjects(tracker);
            if (!owners.TryGetValue(entry.Entity, out var owner) || Skipped.Contains(owner.Root.Metadata.ClrType)) continue;
            var lineDiff = Diff(entry);
            if (lineDiff.Count == 0) continue;
            var parent = Merge(changes, owner.Root, []);
            if (parent.GetValueOrDefault(owner.Navigation) is not List<object?> lines) parent[owner.Navigation] = lines = [];
            lines.Add(lineDiff);
        }
        if (changes.Count == 0) return;

        var now = clock.GetUtcNow();
        var traceId = Activity.Current?.TraceId.ToHexString();
        var log = context.Set<AuditEntry>();
        foreach (var (entry, diff) in changes.Values)
        {
            var action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            };
            var entityType = entry.Metadata.ClrType.Name;
            var entityId = string.Join(":", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Value(entry, p.Name)));
            var text = JsonSerializer.Serialize(diff, Json);
            var owner = OwnerOf(entry) ?? actor.AccountId;
            if (owner is null) continue;
            log.Add(new AuditEntry(owner, now, actor, action, entityType, entityId, traceId, text));
            if (actor.AccountId is { } acting && acting != owner && IsParty(entry, acting))
                log.Add(new AuditEntry(acting, now, actor, action, entityType, entityId, traceId, text));
        }
    }

    private static Dictionary<string, object?> Merge(Dictionary<object, (EntityEntry Entry, Dictionary<string, object?> Diff)> changes,
        EntityEntry entry, Dictionary<string, object?> diff)
    {
        if (!changes.TryGetValue(entry.Entity, out var existing))
        {
            changes[entry.Entity] = (entry, diff);
            return diff;
        }
        foreach (var (k, v) in diff) existing.Diff[k] = v;
        return existing.Diff;
    }

    /// <summary>
    /// The ambient actor (a worker, an ingestion, a page's action); else the request's principal; an anonymous request
    /// (a sign-up, a sign-in) acts as the user it creates or signs in; outside any of these, the app itself.
    /// </summary>
    private AuditActor ActorOf(List<EntityEntry> changed)
    {
        if (AuditActor.Current is { } ambient) return ambient;
        var context = http.HttpContext;
        if (context is null) return AuditActor.System("app");
        if (AuditActor.Of(context.User) is { } principal) return principal;
        return changed.Select(e => e.Entity).OfType<User>().FirstOrDefault() is { } user
            ? new AuditActor(ActorType.User, user.Id, user.AccountId)
            : new AuditActor(ActorType.User, null, null);
    }

    /// <summary>What changed: old and new of each changed column, every value of a row created or deleted.</summary>
    private static Dictionary<string, object?> Diff(EntityEntry entry)
    {
        var columns = AuditedColumns.GetOrAdd(entry.Metadata, Columns);
        var diff = new Dictionary<string, object?>(entry.State == EntityState.Modified ? 4 : columns.Length);
        var values = entry.State == EntityState.Deleted ? entry.OriginalValues : entry.CurrentValues;
        foreach (var (property, secret) in columns)
        {
            switch (entry.State)
            {
                case EntityState.Added or EntityState.Deleted when values[property] is { } value:
                    diff[property.Name] = Safe(secret, value);
                    break;
                case EntityState.Modified when entry.Property(property).IsModified
                                               && entry.OriginalValues[property] is var was && !Equals(was, values[property]):
                    diff[property.Name] = new[] { Safe(secret, was), Safe(secret, values[property]) };
                    break;
            }
        }
        return diff;
    }

    // Shadow columns are keys, ordinals and versions of EF's own; the id is the entry's entityId.
    private static (IProperty, bool)[] Columns(IEntityType type) =>
    [
        .. type.GetProperties()
            .Where(p => !p.IsShadowProperty() && !p.IsPrimaryKey() && !Ignored.Contains(p.Name))
            .Select(p => (p, p.ClrType == typeof(byte[]) || SecretWords.Any(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))),
    ];

    private static object? Safe(bool secret, object? value) => value is null ? null : secret || value is byte[] ? Hidden : value;

    private static string? Value(EntityEntry entry, string name) =>
        (entry.State == EntityState.Deleted ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue)?.ToString();

    private static string? StringColumn(EntityEntry entry, string name) =>
        entry.Metadata.FindProperty(name) is { ClrType: var t } && t == typeof(string) ? Value(entry, name) : null;

    /// <summary>The account whose data the row is: its own account, else the supplier or the distributor by the row's kind.</summary>
    private static string? OwnerOf(EntityEntry entry)
    {
        if (entry.Entity is Account account) return account.Id;
        if (StringColumn(entry, "AccountId") is { Length: > 0 } own) return own;
        var supplier = StringColumn(entry, "SupplierAccountId");
        var distributor = StringColumn(entry, "DistributorAccountId");
        return SupplierOwned.Contains(entry.Metadata.ClrType) ? supplier ?? distributor : distributor ?? supplier;
    }

    private static bool IsParty(EntityEntry entry, string accountId) =>
        PartyColumns.Any(c => StringColumn(entry, c) == accountId);

    /// <summary>Every owned object (a line of a JSON column) of the tracked rows, with its row and the navigation holding it.</summary>
    private static Dictionary<object, (EntityEntry Root, string Navigation)> OwnedObjects(ChangeTracker tracker)
    {
        var map = new Dictionary<object, (EntityEntry, string)>(ReferenceEqualityComparer.Instance);
        foreach (var root in tracker.Entries())
        {
            if (root.Metadata.IsOwned()) continue;
            foreach (var navigation in root.Navigations)
            {
                if (navigation.Metadata is not INavigation { TargetEntityType: var target } || !target.IsOwned()) continue;
                switch (navigation.CurrentValue)
                {
                    case null:
                        break;
                    case IEnumerable items:
                        foreach (var item in items) if (item is not null) map[item] = (root, navigation.Metadata.Name);
                        break;
                    case var single:
                        map[single] = (root, navigation.Metadata.Name);
                        break;
                }
            }
        }
        return map;
    }
}
