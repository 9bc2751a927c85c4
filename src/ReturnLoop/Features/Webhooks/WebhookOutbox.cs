using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.SupplierReturns;
using T = ReturnLoop.Features.Webhooks.WebhookEventTypes;

namespace ReturnLoop.Features.Webhooks;

/// <summary>
/// Records webhook events in the same SaveChanges, so in the same transaction, as the change they describe: nothing is
/// announced that did not happen and nothing that happened is lost (api.md). The use cases know nothing of it: it
/// reads the change tracker. Deliveries are fanned out here too, to the endpoints subscribed at the time of the
/// change, so the worker claims from one table; an event nobody is subscribed to is not stored at all.
/// Once the rows are committed it wakes this instance's worker.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock, WebhookSignal signal, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class State
    {
        public List<object> Added { get; } = [];
        public bool WakeOnCommit { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    private sealed record Announcement(string Type, string AccountId, string ResourceId, object Entity);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db) await RecordAsync(db, cancellationToken);
        return result;
    }

    // The app saves asynchronously; a synchronous save is still announced, blocking on the same queries.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db) RecordAsync(db, CancellationToken.None).GetAwaiter().GetResult();
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

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task RecordAsync(AppDbContext db, CancellationToken ct)
    {
        // The save has detected its changes once (AppDbContext.OneChangeScan): the entries are read, not scanned again.
        var announcements = new List<Announcement>();
        foreach (var entry in db.ChangeTracker.Entries()) Inspect(entry, announcements);
        if (announcements.Count == 0) return;

        var accountIds = announcements.Select(a => a.AccountId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => accountIds.Contains(e.AccountId) && e.Enabled).ToListAsync(ct);
        var wanted = announcements
            .Select(a => (a, To: endpoints.Where(e => e.AccountId == a.AccountId && e.Receives(a.Type)).Select(e => e.Id).ToList()))
            .Where(x => x.To.Count > 0).ToList();
        if (wanted.Count == 0) return;

        var payloads = await WebhookPayloads.LoadAsync(db, wanted.Select(x => x.a.Entity).Distinct().ToList(), ct);
        var now = clock.GetUtcNow();
        var data = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        foreach (var (a, to) in wanted)
        {
            if (!data.TryGetValue(a.Entity, out var d)) data[a.Entity] = d = payloads.Data(a.Entity);
            Add(db, new WebhookEvent(a.AccountId, a.Type, a.ResourceId, Body(a.Type, now, d), now), to, now);
        }
    }

    /// <summary>A ping: an event for one endpoint, whatever it is subscribed to.</summary>
    internal WebhookDelivery AddPing(AppDbContext db, WebhookEndpoint endpoint)
    {
        var now = clock.GetUtcNow();
        var e = new WebhookEvent(endpoint.AccountId, T.Ping, endpoint.Id, Body(T.Ping, now, new { endpointId = endpoint.Id }), now);
        return Add(db, e, [endpoint.Id], now)[0];
    }

    private List<WebhookDelivery> Add(AppDbContext db, WebhookEvent e, IReadOnlyList<string> endpointIds, DateTimeOffset now)
    {
        var state = _states.GetOrCreateValue(db);
        db.WebhookEvents.Add(e);
        state.Added.Add(e);
        var deliveries = endpointIds.Select(id => new WebhookDelivery(e, id, now)).ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        state.Added.AddRange(deliveries);
        return deliveries;
    }

    private string Body(string type, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new { type, timestamp = at, data }, json.Value.SerializerOptions);

    /// <summary>Which events one changed entity announces, to whom (api.md "Outbound webhooks").</summary>
    private static void Inspect(EntityEntry entry, List<Announcement> to)
    {
        var added = entry.State == EntityState.Added;
        if (!added && entry.State != EntityState.Modified) return;
        void Announce(string type, string resourceId, params string[] accounts)
        {
            foreach (var account in accounts) to.Add(new Announcement(type, account, resourceId, entry.Entity));
        }
        bool Changed(string property) => entry.Property(property).IsModified;
        TStatus Was<TStatus>() => (TStatus)entry.Property("Status").OriginalValue!;

        switch (entry.Entity)
        {
            case AfterSalesOrder a when added || Changed(nameof(a.Status)):
                Announce(T.AfterSalesStatusChanged, a.Id, a.DistributorAccountId);
                break;
            // Every failed push attempt, a re-push that fails again included.
            case DistributionReturn r when r.Status == DistributionReturnStatus.PushFailed && (added || Changed(nameof(r.PushAttempts))):
                Announce(T.DistributionReturnPushFailed, r.Id, r.DistributorAccountId);
                break;
            case SupplierReturn s when added:
                Announce(T.SupplierReturnPushed, s.Id, s.SupplierAccountId);
                break;
            case SupplierReturn s when Changed(nameof(s.Status)) && s.Status == SupplierReturnStatus.Recalled:
                Announce(T.SupplierReturnRecalled, s.Id, s.SupplierAccountId);
                break;
            case SupplierReturn s when Changed(nameof(s.Status)) && s.Status == SupplierReturnStatus.ReceivedReturn
                                       && Was<SupplierReturnStatus>() == SupplierReturnStatus.PendingStockIn:
                Announce(T.SupplierReturnStockedIn, s.Id, s.SupplierAccountId);
                break;
            case RefundOrder r:
                var statusChanged = added || Changed(nameof(r.Status));
                if (added) Announce(T.RefundOrderCreated, r.Id, r.SupplierAccountId, r.DistributorAccountId);
                if (statusChanged && r.Status == RefundStatus.Completed)
                    Announce(T.RefundOrderCompleted, r.Id, r.SupplierAccountId, r.DistributorAccountId);
                if (statusChanged && r.Status == RefundStatus.Voided)
                    Announce(T.RefundOrderVoided, r.Id, r.SupplierAccountId, r.DistributorAccountId);
                if (statusChanged && r.Status == RefundStatus.NotReceived) Announce(T.RefundOrderNotReceived, r.Id, r.SupplierAccountId);
                if (!added && r.HasPaymentProof && (Changed(nameof(r.HasPaymentProof)) || Changed(nameof(r.PaymentProofUploadedAt))))
                    Announce(T.RefundOrderProofUploaded, r.Id, r.DistributorAccountId);
                break;
            case BalanceLedgerEntry b when added:
                Announce(T.BalanceChanged, b.Id, b.SupplierAccountId, b.DistributorAccountId);
                break;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || state.Added.Count == 0) return;
        state.Added.Clear();
        if (context.Database.CurrentTransaction is null) signal.Notify();
        else state.WakeOnCommit = true; // the worker would not see the rows before the commit
    }

    /// <summary>A failed save leaves its entities tracked: drop our rows so a retry of the use case records afresh.</summary>
    private void Forget(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state)) return;
        foreach (var row in state.Added) context.Entry(row).State = EntityState.Detached;
        state.Added.Clear();
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || !state.WakeOnCommit) return;
        state.WakeOnCommit = false;
        signal.Notify();
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state)) state.WakeOnCommit = false;
    }
}
