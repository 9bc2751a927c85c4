using System.Net;
using System.Text.Json;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces;

/// <summary>
/// A connected shop as a platform client needs it: the platform's own shop id, the seller's region (Lazada's host and
/// currency), the decrypted credentials (Shopee partnerId/partnerKey/accessToken; TikTok appKey/appSecret/accessToken/shopCipher;
/// Lazada appKey/appSecret/accessToken) and an optional base URL replacing the platform's scheme and host.
/// </summary>
public sealed record ShopConnection(Platform Platform, string ShopId, string Region, IReadOnlyDictionary<string, string> Credentials,
    Uri? ApiBaseUrl)
{
    public string Credential(string name) =>
        Credentials.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new MarketplaceApiException(Platform, "credentials.missing", $"The shop has no {name}.", transient: false);

    /// <summary>The platform URL of a path: the documented host, or the configured base URL's scheme and host.</summary>
    public Uri Url(Uri defaultHost, string pathAndQuery) =>
        new(new Uri(ApiBaseUrl is { } b ? b.GetLeftPart(UriPartial.Authority) : defaultHost.GetLeftPart(UriPartial.Authority)),
            pathAndQuery);
}

/// <summary>One platform's returns API: what a sync and a push's re-fetch need, nothing more.</summary>
public interface IMarketplaceClient
{
    Platform Platform { get; }

    /// <summary>Every return of the shop changed in [from, to), oldest change first where the platform sorts so.</summary>
    IAsyncEnumerable<PlatformReturn> ChangedReturnsAsync(ShopConnection shop, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct);

    /// <summary>One return's current state (a push is only a hint); null when the platform does not know it (any more).</summary>
    Task<PlatformReturn?> ReturnAsync(ShopConnection shop, string returnId, CancellationToken ct);
}

/// <summary>
/// A platform answered with an error. Transient ones (outage, rate limit, busy) are tried again on the next sync; the others
/// (bad credentials, a parameter the platform refuses) need the seller and are shown on the shop.
/// </summary>
public sealed class MarketplaceApiException(Platform platform, string code, string message, bool transient)
    : Exception($"{platform}: {code}: {message}")
{
    public Platform Platform { get; } = platform;
    public string Code { get; } = code;
    public bool Transient { get; } = transient;
}

public static class MarketplaceHttp
{
    /// <summary>
    /// Sends a platform call and reads its JSON. The resilience handler has already retried outages and 429s by the time an
    /// answer gets here; what is still 5xx/429 is transient, any other answer is read for the platform's own error envelope.
    /// </summary>
    public static async Task<JsonElement> SendAsync(this HttpClient http, HttpRequestMessage request, Platform platform,
        CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            throw new MarketplaceApiException(platform, $"http_{(int)response.StatusCode}", "The platform is unavailable.",
                transient: true);
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new MarketplaceApiException(platform, $"http_{(int)response.StatusCode}", "The platform's answer is not JSON.",
                transient: !response.IsSuccessStatusCode);
        }
    }
}
