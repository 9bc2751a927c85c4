using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// A distributor's shop on a marketplace, connected once with the platform's own credentials so that its after-sales orders
/// flow in by themselves. The credentials are kept only encrypted (<see cref="ShopCredentials"/>) and never returned.
/// </summary>
public sealed class Shop
{
    private Shop() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public Platform Platform { get; private set; }

    /// <summary>The platform's own id: Shopee shop_id, TikTok's numeric shop_id, Lazada seller_id. One account per shop.</summary>
    public string PlatformShopId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The seller's country (SG, MY, PH, TH, ID, VN): Lazada's host and currency.</summary>
    public string Region { get; private set; } = "";

    /// <summary>Replaces the scheme and host of the platform's URLs (sandboxes, test hosts, the simulator).</summary>
    public string? ApiBaseUrl { get; private set; }

    public string ProtectedCredentials { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The sync cursor: every change before it is stored. Null until the first sync (which looks back 7 days).</summary>
    public DateTimeOffset? SyncedUntil { get; private set; }

    public DateTimeOffset? LastSyncAt { get; private set; }
    public string? LastSyncError { get; private set; }

    /// <summary>The instance syncing this shop now, and until when its claim holds (one sync per shop across instances).</summary>
    public string? SyncLockedBy { get; private set; }

    public DateTimeOffset? SyncLockedUntil { get; private set; }

    public static readonly IReadOnlyList<string> Regions = ["SG", "MY", "PH", "TH", "ID", "VN"];

    public static Shop Connect(string accountId, Platform platform, string platformShopId, string name, string region,
        string? apiBaseUrl, string protectedCredentials, DateTimeOffset now) => new()
    {
        AccountId = accountId, Platform = platform, PlatformShopId = platformShopId.Trim(), Name = name.Trim(),
        Region = region.ToUpperInvariant(), ApiBaseUrl = apiBaseUrl, ProtectedCredentials = protectedCredentials, CreatedAt = now,
    };

    /// <summary>A sync stored everything changed before <paramref name="until"/>: the cursor moves on, never back.</summary>
    public void Synced(DateTimeOffset until, DateTimeOffset now)
    {
        if (SyncedUntil is null || until > SyncedUntil) SyncedUntil = until;
        LastSyncAt = now;
        LastSyncError = null;
    }

    /// <summary>A sync that failed leaves the cursor where it was, so the next one asks again.</summary>
    public void SyncFailed(string error, DateTimeOffset now)
    {
        LastSyncAt = now;
        LastSyncError = error.Length > 500 ? error[..500] : error;
    }

    /// <summary>The sync that claimed the shop is done (claims are taken by one conditional UPDATE, see ShopSyncClaims).</summary>
    public void SyncReleased()
    {
        SyncLockedBy = null;
        SyncLockedUntil = null;
    }
}
