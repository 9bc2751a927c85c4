using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Marketplaces;
using ReturnLoop.Marketplaces.Lazada;
using ReturnLoop.Marketplaces.Shopee;
using ReturnLoop.Marketplaces.TikTok;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// A platform's push (marketplaces.md §1.6, §2.6, §3.6): the shop it names is found among the connected shops of that
/// platform, the signature over the raw body is checked with that shop's own secret, and the push is stored in the inbox
/// before the platform gets its fast empty 200. Anything not verified stores nothing. A push is only a hint: the inbox
/// processor fetches the return itself from the platform.
/// </summary>
public sealed class ReceivePush(AppDbContext db, ShopCredentials credentials, TimeProvider clock, IOptions<ShopSyncOptions> options,
    PushInboxSignal signal)
{
    public const string InvalidSignatureCode = "push.invalid_signature";
    public const string StaleCode = "push.stale";

    /// <summary>
    /// <paramref name="callbackUrl"/> is the URL the platform called, as it knows it (Shopee signs it);
    /// <paramref name="signature"/> the received signature header. True when a new push was stored, false for a repeat.
    /// </summary>
    public async Task<bool> HandleAsync(Platform platform, byte[] body, string? signature, string callbackUrl, CancellationToken ct)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Invalid(); // nothing to find a shop by, so nothing can be verified either
        }
        var shopField = platform == Platform.Lazada ? "seller_id" : "shop_id";
        var platformShopId = json.ValueKind == JsonValueKind.Object ? json.Text(shopField) : null;
        if (string.IsNullOrWhiteSpace(platformShopId)) throw Invalid();
        var shop = await db.Shops.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Platform == platform && s.PlatformShopId == platformShopId, ct);
        // An unknown shop answers exactly like a bad signature: which shops are connected is nobody else's business.
        if (shop is null || !Verified(platform, credentials.Unprotect(shop.ProtectedCredentials), body, signature, callbackUrl))
            throw Invalid();

        var now = clock.GetUtcNow();
        if (SentAt(json) is { } sentAt && now - sentAt > options.Value.PushMaxAge)
            throw new DomainError(StatusCodes.Status401Unauthorized, StaleCode,
                $"The push was sent at {sentAt:u}, longer ago than {options.Value.PushMaxAge} allows: refused as a replay.");

        var text = Encoding.UTF8.GetString(body);
        MarketplacePush row;
        try
        {
            var push = platform switch
            {
                Platform.Shopee => ShopeeMapping.Push(json),
                Platform.TikTok => TikTokMapping.Push(json),
                _ => LazadaMapping.Push(json),
            };
            row = MarketplacePush.Received(platform, platformShopId, shop.Id, push.DedupeKey, text, push.IsAboutAReturn, now);
        }
        catch (Exception e) when (e is PayloadException or OverflowException or InvalidOperationException)
        {
            row = MarketplacePush.Unreadable(platform, platformShopId, shop.Id, text, e.Message, now);
        }
        db.MarketplacePushes.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ProblemDetailsMapping.IsConflict(e))
        {
            return false; // delivered again (at least once): stored the first time, nothing changes
        }
        if (row.Status == MarketplacePushStatus.Pending) signal.Notify();
        return true;
    }

    private static bool Verified(Platform platform, IReadOnlyDictionary<string, string> secrets, byte[] body, string? signature,
        string callbackUrl)
    {
        string Secret(string name) => secrets.TryGetValue(name, out var v) ? v : "";
        if (string.IsNullOrWhiteSpace(signature)) return false;
        return platform switch
        {
            Platform.Shopee => Secret("partnerKey") is { Length: > 0 } key && ShopeeSigning.VerifyPush(key, callbackUrl, body, signature),
            Platform.TikTok => Secret("appSecret") is { Length: > 0 } secret
                && TikTokSigning.VerifyPush(Secret("appKey"), secret, body, signature),
            Platform.Lazada => Secret("appSecret") is { Length: > 0 } secret
                && LazadaSigning.VerifyPush(Secret("appKey"), secret, body, signature),
            _ => false,
        };
    }

    /// <summary>The envelope's timestamp (seconds, or milliseconds in some Lazada pushes); null when it has none.</summary>
    private static DateTimeOffset? SentAt(JsonElement json)
    {
        try
        {
            return json.Long("timestamp") is > 0 and var t ? PayloadReader.SecondsOrMilliseconds(t) : null;
        }
        catch (Exception e) when (e is PayloadException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DomainError Invalid() => new(StatusCodes.Status401Unauthorized, InvalidSignatureCode,
        "The push is not signed by a connected shop of this platform.");
}
