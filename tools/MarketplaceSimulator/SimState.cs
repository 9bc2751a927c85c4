using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MarketplaceSimulator;

public enum SimPlatform { Shopee, TikTok, Lazada }

/// <summary>
/// A connected shop as the platform knows it: its id, the credentials ReturnLoop must sign with, and where pushes go.
/// Key and Secret are Shopee's partner_id and partner_key, TikTok's and Lazada's app key and app secret.
/// </summary>
public sealed record SimShop(SimPlatform Platform, string ShopId, string Region, string Key, string Secret,
    string AccessToken, string? ShopCipher, string? PushUrl);

public sealed record SimLine(string SellerSku, int Quantity, decimal UnitPrice);

/// <summary>A buyer's return request on the simulated platform; Status is the platform's own word.</summary>
public sealed class SimReturn
{
    public required string Id { get; init; }
    public required SimPlatform Platform { get; init; }
    public required string ShopId { get; init; }
    public required string OrderNo { get; init; }
    public required string Type { get; init; }
    public required string Reason { get; init; }
    public required string ReasonText { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<SimLine> Lines { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A push the simulator sent (or tried to): kept so a test can send it again, late or twice.</summary>
public sealed record SentPush(int Number, SimPlatform Platform, string ShopId, string Url, byte[] Body, string Signature,
    int? StatusCode);

public sealed class SimState(TimeProvider clock)
{
    public ConcurrentDictionary<(SimPlatform, string), SimShop> Shops { get; } = new();
    public ConcurrentDictionary<string, SimReturn> Returns { get; } = new();
    public ConcurrentQueue<SentPush> Pushes { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();
    private int _pushNumber;

    /// <summary>API calls still to fail, and how (500 or 429), per platform: an outage a test switches on.</summary>
    public ConcurrentDictionary<SimPlatform, (int Remaining, int StatusCode)> Faults { get; } = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public int NextPushNumber() => Interlocked.Increment(ref _pushNumber);

    public SimShop? Shop(SimPlatform platform, string shopId) => Shops.GetValueOrDefault((platform, shopId));

    /// <summary>Ids shaped like each platform's: Shopee alphanumeric return_sn, TikTok and Lazada long numbers as strings.</summary>
    public static string NewId(SimPlatform platform) => platform switch
    {
        SimPlatform.Shopee => $"{DateTime.UtcNow:yyMMdd}{RandomNumberGenerator.GetString("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", 9)}",
        _ => RandomNumberGenerator.GetString("123456789", 1) + RandomNumberGenerator.GetString("0123456789", 17),
    };

    public IEnumerable<SimReturn> ReturnsOf(SimPlatform platform, string shopId) =>
        Returns.Values.Where(r => r.Platform == platform && r.ShopId == shopId);
}
