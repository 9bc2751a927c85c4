using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces.Shopee;

/// <summary>Shopee Open Platform v2 returns API (marketplaces.md §1): signed GETs, 15-day update windows, 0-based pages.</summary>
public sealed class ShopeeClient(HttpClient http, TimeProvider clock) : IMarketplaceClient
{
    public static readonly Uri Host = new("https://partner.shopeemobile.com");
    private const string ListPath = "/api/v2/returns/get_return_list";
    private const string DetailPath = "/api/v2/returns/get_return_detail";
    private const int PageSize = 100;

    /// <summary>Shopee refuses update windows over 15 days: longer spans are asked in slices.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(15) - TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> TransientErrors =
        ["error_server", "error_busy", "error_limit", "error_rate_limit", "error_inner"];

    public Platform Platform => Platform.Shopee;

    public async IAsyncEnumerable<PlatformReturn> ChangedReturnsAsync(ShopConnection shop, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        for (var start = from; start < to; start += MaxWindow)
        {
            var end = start + MaxWindow < to ? start + MaxWindow : to;
            for (var page = 0; ; page++)
            {
                var envelope = await GetAsync(shop, ListPath,
                    $"&page_no={page}&page_size={PageSize}&update_time_from={start.ToUnixTimeSeconds()}" +
                    $"&update_time_to={end.ToUnixTimeSeconds() - 1}", ct);
                var (returns, more) = ShopeeMapping.ListPage(envelope!.Value, shop.ShopId);
                foreach (var r in returns) yield return r;
                if (!more || returns.Count == 0) break;
            }
        }
    }

    public async Task<PlatformReturn?> ReturnAsync(ShopConnection shop, string returnId, CancellationToken ct)
    {
        var envelope = await GetAsync(shop, DetailPath, $"&return_sn={Uri.EscapeDataString(returnId)}", ct, notFoundIsNull: true);
        return envelope is { } e ? ShopeeMapping.Detail(e, shop.ShopId) : null;
    }

    /// <summary>A signed call; null only for a return the platform does not know when <paramref name="notFoundIsNull"/>.</summary>
    private async Task<JsonElement?> GetAsync(ShopConnection shop, string path, string query, CancellationToken ct,
        bool notFoundIsNull = false)
    {
        var partnerId = long.Parse(shop.Credential("partnerId"), CultureInfo.InvariantCulture);
        var shopId = long.Parse(shop.ShopId, CultureInfo.InvariantCulture);
        var token = shop.Credential("accessToken");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var sign = ShopeeSigning.SignRequest(shop.Credential("partnerKey"), partnerId, path, timestamp, token, shopId);
        var url = shop.Url(Host, $"{path}?partner_id={partnerId}&timestamp={timestamp}&access_token={Uri.EscapeDataString(token)}" +
            $"&shop_id={shopId}&sign={sign}{query}");
        var envelope = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), Platform, ct);
        if (ShopeeMapping.ErrorOf(envelope) is not { } error) return envelope;
        if (notFoundIsNull && error.Contains("not_found", StringComparison.Ordinal)) return null;
        throw new MarketplaceApiException(Platform, error, envelope.Text("message") ?? "", TransientErrors.Contains(error));
    }
}
