using ReturnLoop.Marketplaces;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// A shop's sync is claimed with one conditional UPDATE of its row, so only one instance (or one "Sync now") pulls it at a
/// time; the row lock makes the condition race-free on PostgreSQL, the single writer on SQLite. The claim is a lease: a
/// crashed instance's claim lapses at <c>SyncLockedUntil</c>.
/// </summary>
public static class ShopSyncClaims
{
    public static string NewToken()
    {
        var token = $"{Guid.NewGuid():N}:{Environment.MachineName}:{Environment.ProcessId}";
        return token.Length > 100 ? token[..100] : token;
    }

    /// <summary>Claims the shop unless another sync holds it; with <paramref name="dueBefore"/>, only when its last sync is
    /// older.</summary>
    public static async Task<bool> TryClaimAsync(AppDbContext db, string shopId, string token, DateTimeOffset now, TimeSpan lease,
        DateTimeOffset? dueBefore, CancellationToken ct)
    {
        var until = now + lease;
        var query = db.Shops.Where(s => s.Id == shopId && (s.SyncLockedUntil == null || s.SyncLockedUntil < now));
        // a scheduled claim is one per interval across instances: the condition travels with the UPDATE
        if (dueBefore is { } due) query = query.Where(s => (s.LastSyncAt ?? s.CreatedAt) <= due);
        return await query.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SyncLockedBy, token)
            .SetProperty(s => s.SyncLockedUntil, until), ct) == 1;
    }

    /// <summary>Hands a claim back without a result (the instance is stopping).</summary>
    public static Task ReleaseAsync(AppDbContext db, string shopId, string token) =>
        db.Shops.Where(s => s.Id == shopId && s.SyncLockedBy == token).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SyncLockedBy, (string?)null)
            .SetProperty(s => s.SyncLockedUntil, (DateTimeOffset?)null));

    /// <summary>What a platform client needs of a shop: its ids, region, decrypted credentials and base URL.</summary>
    public static ShopConnection Connection(this Shop shop, ShopCredentials credentials) =>
        new(shop.Platform, shop.PlatformShopId, shop.Region, credentials.Unprotect(shop.ProtectedCredentials),
            shop.ApiBaseUrl is { Length: > 0 } url ? new Uri(url) : null);
}
