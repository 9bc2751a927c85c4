using System.Collections.Concurrent;

namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// "Something of this account changed": the in-process feed the web app's open pages listen to.
/// <see cref="Publish"/> is the one entry after a committed save: it delivers in this process at once and, on PostgreSQL,
/// hands the ids to the <see cref="AccountChangesRelay"/>, whose NOTIFY reaches the other instances' LISTEN loop
/// (<see cref="PostgresAccountChanges"/>), which calls <see cref="Deliver"/> there.
/// </summary>
public sealed class AccountChanges(ILogger<AccountChanges> logger, AccountChangesRelay? relay = null)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> _subscribers = new();

    private const string CredentialsPrefix = "credentials:";

    /// <summary>
    /// Every delivered change, beside the pages of its accounts, run at once on the delivering thread (keep it cheap);
    /// null after a gap in the feed from other instances, in which anything may have changed.
    /// </summary>
    public event Action<IReadOnlyCollection<string>?>? Delivered;

    /// <summary>The id published beside the account's when its API keys or users change (the API key cache listens).</summary>
    public static string CredentialsOf(string accountId) => CredentialsPrefix + accountId;

    public static string? AccountOfCredentials(string id) =>
        id.StartsWith(CredentialsPrefix, StringComparison.Ordinal) ? id[CredentialsPrefix.Length..] : null;

    /// <summary>Calls <paramref name="onChange"/> after each committed change of the account, until disposed.</summary>
    public IDisposable Subscribe(string accountId, Func<Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(accountId, _ => new()).TryAdd(id, onChange);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(accountId, out var handlers)) handlers.TryRemove(id, out _);
        });
    }

    public void Publish(IReadOnlyCollection<string> accountIds)
    {
        Deliver(accountIds);
        relay?.Send(accountIds);
    }

    /// <summary>Every open page reloads: after a gap in which other instances' changes may have been missed.</summary>
    public void DeliverAll()
    {
        Delivered?.Invoke(null);
        Deliver([.. _subscribers.Keys]);
    }

    /// <summary>Runs the handlers without waiting for them: a slow page never holds up the save that raised it.</summary>
    public void Deliver(IReadOnlyCollection<string> accountIds)
    {
        Delivered?.Invoke(accountIds);
        foreach (var accountId in accountIds)
        {
            if (!_subscribers.TryGetValue(accountId, out var handlers)) continue;
            foreach (var handler in handlers.Values) _ = RunAsync(handler);
        }
    }

    private async Task RunAsync(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A page failed to refresh after an account change.");
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
