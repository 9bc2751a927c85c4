using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces.Lazada;

/// <summary>Lazada Open Platform reverse orders (marketplaces.md §3): per-country hosts, every parameter signed in the query.</summary>
public sealed class LazadaClient(HttpClient http, TimeProvider clock) : IMarketplaceClient
{
    private const string ListPath = "/reverse/getreverseordersforseller";
    private const string DetailPath = "/order/reverse/return/detail/list";
    private const int PageSize = 50;

    private static readonly HashSet<string> TransientErrors = ["ApiCallLimit", "ServiceTimeout", "InternalError", "ISP.ServiceUnavailable"];

    public Platform Platform => Platform.Lazada;

    public static Uri HostOf(string region) => new(region.ToUpperInvariant() switch
    {
        "SG" => "https://api.lazada.sg", "MY" => "https://api.lazada.com.my", "PH" => "https://api.lazada.com.ph",
        "TH" => "https://api.lazada.co.th", "ID" => "https://api.lazada.co.id", "VN" => "https://api.lazada.vn",
        _ => throw new MarketplaceApiException(Platform.Lazada, "region.unknown", $"Lazada has no region {region}.", transient: false),
    });

    public async IAsyncEnumerable<PlatformReturn> ChangedReturnsAsync(ShopConnection shop, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var currency = LazadaMapping.CurrencyOf(shop.Region);
        for (var page = 1; ; page++)
        {
            var envelope = await GetAsync(shop, ListPath, ct,
                ("page_no", page.ToString(CultureInfo.InvariantCulture)), ("page_size", PageSize.ToString(CultureInfo.InvariantCulture)),
                ("ReverseOrderLineModifiedTimeRangeStart", from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                ("ReverseOrderLineModifiedTimeRangeEnd", (to.ToUnixTimeMilliseconds() - 1).ToString(CultureInfo.InvariantCulture)));
            var (returns, total, items) = LazadaMapping.ListPage(envelope, shop.ShopId, currency);
            foreach (var r in returns) yield return r;
            // `total` can exceed what the pages hold: a short page is the last one
            if (items < PageSize || page * PageSize >= total) break;
        }
    }

    public async Task<PlatformReturn?> ReturnAsync(ShopConnection shop, string returnId, CancellationToken ct)
    {
        var envelope = await GetAsync(shop, DetailPath, ct, ("reverse_order_id", returnId));
        return LazadaMapping.Detail(envelope, shop.ShopId, LazadaMapping.CurrencyOf(shop.Region));
    }

    private async Task<JsonElement> GetAsync(ShopConnection shop, string apiPath, CancellationToken ct,
        params (string Key, string Value)[] business)
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = shop.Credential("appKey"),
            ["timestamp"] = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["access_token"] = shop.Credential("accessToken"),
            ["sign_method"] = "sha256",
        };
        foreach (var (key, value) in business) parameters[key] = value;
        parameters["sign"] = LazadaSigning.SignRequest(shop.Credential("appSecret"), apiPath, parameters);
        var query = string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var url = shop.Url(HostOf(shop.Region), $"/rest{apiPath}?{query}");
        var envelope = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), Platform, ct);
        if (LazadaMapping.ErrorOf(envelope) is { } error)
            throw new MarketplaceApiException(Platform, error.Code, error.Message ?? "", TransientErrors.Contains(error.Code));
        return envelope;
    }
}
