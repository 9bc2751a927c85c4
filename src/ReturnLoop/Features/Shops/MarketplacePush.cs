using System.Text;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.Shops;

public enum MarketplacePushStatus
{
    /// <summary>Stored, waiting for the inbox processor (or its retry).</summary>
    Pending,

    /// <summary>The return it hinted at was fetched and ingested.</summary>
    Processed,

    /// <summary>Not about a return (order status, authorisation…): kept, nothing to do.</summary>
    Ignored,

    /// <summary>A permanent error (bad credentials, a payload without what it needs): shown, not retried.</summary>
    Failed,
}

/// <summary>
/// A platform's push as received, stored before the fast empty 200 so nothing is lost when processing fails or the app stops
/// (the inbox). One row per (platform, dedupe key): the same push delivered twice is stored once.
/// </summary>
public sealed class MarketplacePush
{
    private MarketplacePush() { }

    public string Id { get; private set; } = Ids.New();
    public Platform Platform { get; private set; }
    public string PlatformShopId { get; private set; } = "";
    public string ShopId { get; private set; } = "";
    public string DedupeKey { get; private set; } = "";

    /// <summary>The raw body, exactly as signed.</summary>
    public string Body { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }
    public MarketplacePushStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LockedBy { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    public static MarketplacePush Received(Platform platform, string platformShopId, string shopId, string dedupeKey, string body,
        bool aboutAReturn, DateTimeOffset now) => new()
    {
        Platform = platform, PlatformShopId = platformShopId, ShopId = shopId,
        DedupeKey = dedupeKey.Length > 200 ? dedupeKey[..200] : dedupeKey, Body = body, ReceivedAt = now,
        Status = aboutAReturn ? MarketplacePushStatus.Pending : MarketplacePushStatus.Ignored,
        NextAttemptAt = aboutAReturn ? now : null, ProcessedAt = aboutAReturn ? null : now,
    };

    /// <summary>
    /// A correctly signed push that lacks what its kind always has: kept as Failed for a person to look at (a retry by the
    /// platform would not make it readable), deduplicated by its body's hash.
    /// </summary>
    public static MarketplacePush Unreadable(Platform platform, string platformShopId, string shopId, string body, string error,
        DateTimeOffset now) => new()
    {
        Platform = platform, PlatformShopId = platformShopId, ShopId = shopId,
        DedupeKey = "body:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))),
        Body = body, ReceivedAt = now, Status = MarketplacePushStatus.Failed, LastError = Trim(error), ProcessedAt = now,
    };

    private static string Trim(string error) => error.Length > 500 ? error[..500] : error;
}
