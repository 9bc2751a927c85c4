using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces.TikTok;

/// <summary>TikTok Shop Partner API returns search (marketplaces.md §2): signed POSTs, the shop cipher, cursor pages.</summary>
public sealed class TikTokClient(HttpClient http, TimeProvider clock) : IMarketplaceClient
{
    public static readonly Uri Host = new("https://open-api.tiktokglobalshop.com");
    private const string SearchPath = "/return_refund/202309/returns/search";
    private const int PageSize = 50;

    // 36009003 is TikTok's rate-limit code; the 5xxxxxxx family are its internal errors
    private static bool IsTransient(string code) => code is "36009003" || code.StartsWith('5');

    public Platform Platform => Platform.TikTok;

    public async IAsyncEnumerable<PlatformReturn> ChangedReturnsAsync(ShopConnection shop, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { update_time_ge = from.ToUnixTimeSeconds(), update_time_lt = to.ToUnixTimeSeconds() });
        string? token = null;
        do
        {
            var (returns, next) = TikTokMapping.SearchPage(await SearchAsync(shop, body, token, ct), shop.ShopId);
            foreach (var r in returns) yield return r;
            token = next;
        }
        while (token is not null);
    }

    public async Task<PlatformReturn?> ReturnAsync(ShopConnection shop, string returnId, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { return_ids = new[] { returnId } });
        var (returns, _) = TikTokMapping.SearchPage(await SearchAsync(shop, body, null, ct), shop.ShopId);
        return returns.FirstOrDefault(r => r.ReturnId == returnId);
    }

    private async Task<JsonElement> SearchAsync(ShopConnection shop, string body, string? pageToken, CancellationToken ct)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("app_key", shop.Credential("appKey")),
            new("timestamp", clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("shop_cipher", shop.Credential("shopCipher")),
            new("page_size", PageSize.ToString(CultureInfo.InvariantCulture)),
            new("page_token", pageToken),
        };
        var sign = TikTokSigning.SignRequest(shop.Credential("appSecret"), SearchPath, query, body);
        var queryString = string.Join("&", query.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        var request = new HttpRequestMessage(HttpMethod.Post, shop.Url(Host, $"{SearchPath}?{queryString}&sign={sign}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-tts-access-token", shop.Credential("accessToken"));
        var envelope = await http.SendAsync(request, Platform, ct);
        if (TikTokMapping.ErrorOf(envelope) is { } error)
            throw new MarketplaceApiException(Platform, error.Code, error.Message ?? "", IsTransient(error.Code));
        return envelope;
    }
}
