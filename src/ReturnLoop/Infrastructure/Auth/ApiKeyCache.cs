using System.Collections.Concurrent;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Infrastructure.Web;

namespace ReturnLoop.Infrastructure.Auth;

/// <summary>
/// Who an API key is, kept between requests: an integration sends many requests a second per key, and each cost a query
/// joining the key and its user before the request could start. A committed change of an account's keys or users
/// (revoke, rotate, role change, removal) reaches <see cref="AccountChanges"/> as <see cref="AccountChanges.CredentialsOf"/>
/// — in this process at once, from other instances by their NOTIFY — and forgets that account's keys, so a revoked key
/// stops at once. <see cref="Lifetime"/> bounds what no such change announces (a restore, a hand edit of the database).
/// </summary>
public sealed class ApiKeyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, (ApiKeyHolder Holder, DateTimeOffset Until)> _byHash = new();
    private readonly TimeProvider _clock;
    private long _generation;

    public ApiKeyCache(AccountChanges changes, TimeProvider clock)
    {
        _clock = clock;
        changes.Delivered += Forget;
    }

    /// <summary>Taken before reading a key: <see cref="Keep"/> drops what was read across a change of any credentials.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string hash, out ApiKeyHolder holder)
    {
        if (_byHash.TryGetValue(hash, out var kept) && kept.Until > _clock.GetUtcNow())
        {
            holder = kept.Holder;
            return true;
        }
        holder = null!;
        return false;
    }

    public void Keep(string hash, ApiKeyHolder holder, long generation)
    {
        if (_byHash.Count >= MaxKeys) _byHash.Clear(); // a bound, not an eviction policy: a miss costs one query
        _byHash[hash] = (holder, _clock.GetUtcNow() + Lifetime);
        // A change delivered while the key was read may predate what was read: not kept then.
        if (Generation != generation) _byHash.TryRemove(hash, out _);
    }

    /// <summary>Null: a gap in the feed from other instances, in which anything may have changed.</summary>
    private void Forget(IReadOnlyCollection<string>? ids)
    {
        if (ids is null)
        {
            Interlocked.Increment(ref _generation);
            _byHash.Clear();
            return;
        }
        var accounts = ids.Select(AccountChanges.AccountOfCredentials).OfType<string>().ToHashSet();
        if (accounts.Count == 0) return;
        Interlocked.Increment(ref _generation);
        foreach (var (hash, kept) in _byHash)
        {
            if (accounts.Contains(kept.Holder.AccountId)) _byHash.TryRemove(hash, out _);
        }
    }
}

/// <summary>An API key as the handler needs it: its account, its user and the user's role.</summary>
public sealed record ApiKeyHolder(string KeyId, string AccountId, string UserId, string Email, Role Role, DateTimeOffset? LastUsedAt);
