using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MarketplaceSimulator;

/// <summary>The three platforms' returns APIs: the documented paths, paging, time windows, signing and error envelopes.</summary>
public static class PlatformApis
{
    private static readonly TimeSpan ShopeeTimestampLife = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ShopeeMaxWindow = TimeSpan.FromDays(15);

    public static void MapShopee(this WebApplication app)
    {
        app.MapGet("/api/v2/returns/get_return_list", (HttpRequest http, SimState state) =>
        {
            if (ShopeeAuth(http, state, "/api/v2/returns/get_return_list") is { } error) return error;
            var q = http.Query;
            var from = Long(q["update_time_from"]);
            var to = Long(q["update_time_to"]);
            if (to - from > (long)ShopeeMaxWindow.TotalSeconds) return ShopeeError("error_param", "The time window is over 15 days.");
            var pageNo = (int)Long(q["page_no"]);
            var pageSize = Math.Clamp((int)(Long(q["page_size"]) is > 0 and var s ? s : 40), 1, 100);
            var all = state.ReturnsOf(SimPlatform.Shopee, q["shop_id"]!)
                .Where(r => q["update_time_from"].Count == 0 || r.UpdatedAt.ToUnixTimeSeconds() >= from)
                .Where(r => q["update_time_to"].Count == 0 || r.UpdatedAt.ToUnixTimeSeconds() <= to)
                .OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).ToList();
            var page = all.Skip(pageNo * pageSize).Take(pageSize).Select(r => (JsonNode)Shapes.Shopee(r)).ToArray();
            return ShopeeOk(new JsonObject { ["more"] = all.Count > (pageNo + 1) * pageSize, ["return"] = new JsonArray(page) });
        });
        app.MapGet("/api/v2/returns/get_return_detail", (HttpRequest http, SimState state) =>
        {
            if (ShopeeAuth(http, state, "/api/v2/returns/get_return_detail") is { } error) return error;
            return state.Returns.TryGetValue(http.Query["return_sn"].ToString(), out var r) && r.Platform == SimPlatform.Shopee
                ? ShopeeOk(Shapes.Shopee(r))
                : ShopeeError("error_not_found", "Return not found.");
        });
    }

    private static IResult? ShopeeAuth(HttpRequest http, SimState state, string path)
    {
        var q = http.Query;
        if (state.Shop(SimPlatform.Shopee, q["shop_id"].ToString()) is not { } shop || q["partner_id"] != shop.Key)
            return ShopeeError("error_auth", "Invalid partner_id or shop_id.", 403);
        if (q["access_token"] != shop.AccessToken) return ShopeeError("error_auth", "Invalid access_token.", 403);
        var timestamp = Long(q["timestamp"]);
        if (Math.Abs(state.Now.ToUnixTimeSeconds() - timestamp) > ShopeeTimestampLife.TotalSeconds)
            return ShopeeError("error_auth", "The timestamp has expired.", 403);
        var expected = Signing.ShopeeRequest(shop, path, q["timestamp"]!);
        return Signing.Same(expected, q["sign"]) ? null : ShopeeError("error_auth", "Wrong sign.", 403);
    }

    private static IResult ShopeeOk(JsonObject response) => Results.Json(new JsonObject
    {
        ["request_id"] = Guid.NewGuid().ToString("N"), ["error"] = "", ["message"] = "", ["response"] = response,
    });

    private static IResult ShopeeError(string error, string message, int status = 200) => Results.Json(new JsonObject
    {
        ["request_id"] = Guid.NewGuid().ToString("N"), ["error"] = error, ["message"] = message,
    }, statusCode: status);

    public static void MapTikTok(this WebApplication app) =>
        app.MapPost("/return_refund/202309/returns/search", async (HttpRequest http, SimState state) =>
        {
            var body = await new StreamReader(http.Body, Encoding.UTF8).ReadToEndAsync();
            var q = http.Query;
            var shop = state.Shops.Values.FirstOrDefault(s => s.Platform == SimPlatform.TikTok && s.Key == q["app_key"]
                && s.ShopCipher == q["shop_cipher"]);
            if (shop is null || http.Headers["x-tts-access-token"] != shop.AccessToken)
                return TikTokError(105002, "Invalid access token or shop cipher.", 401);
            if (!Signing.Same(Signing.TikTokRequest(shop, http.Path, q, body), q["sign"])) return TikTokError(106001, "Invalid sign.", 401);
            var filter = body.Length > 0 ? JsonNode.Parse(body)!.AsObject() : [];
            long? ge = filter["update_time_ge"]?.GetValue<long>(), lt = filter["update_time_lt"]?.GetValue<long>();
            var ids = filter["return_ids"]?.AsArray().Select(i => i!.GetValue<string>()).ToHashSet();
            var all = state.ReturnsOf(SimPlatform.TikTok, shop.ShopId)
                .Where(r => ge is null || r.UpdatedAt.ToUnixTimeSeconds() >= ge)
                .Where(r => lt is null || r.UpdatedAt.ToUnixTimeSeconds() < lt)
                .Where(r => ids is null || ids.Contains(r.Id))
                .OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).ToList();
            var offset = q["page_token"].ToString() is { Length: > 0 } token
                ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture)
                : 0;
            var size = Math.Clamp((int)(Long(q["page_size"]) is > 0 and var s ? s : 20), 1, 100);
            var data = new JsonObject
            {
                ["total_count"] = all.Count,
                ["return_orders"] = new JsonArray(all.Skip(offset).Take(size).Select(r => (JsonNode)Shapes.TikTok(r)).ToArray()),
            };
            // the last page has no next_page_token at all, as recorded
            if (offset + size < all.Count)
                data["next_page_token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset + size}"));
            return Results.Json(new JsonObject
            {
                ["code"] = 0, ["message"] = "Success", ["request_id"] = Guid.NewGuid().ToString("N"), ["data"] = data,
            });
        });

    private static IResult TikTokError(int code, string message, int status) =>
        Results.Json(new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = Guid.NewGuid().ToString("N") },
            statusCode: status);

    public static void MapLazada(this WebApplication app)
    {
        app.MapGet("/rest/reverse/getreverseordersforseller", (HttpRequest http, SimState state) =>
        {
            if (LazadaAuth(http, state, "/reverse/getreverseordersforseller", out var shop) is { } error) return error;
            var q = http.Query;
            var start = OptionalLong(q["ReverseOrderLineModifiedTimeRangeStart"]);
            var end = OptionalLong(q["ReverseOrderLineModifiedTimeRangeEnd"]);
            var all = state.ReturnsOf(SimPlatform.Lazada, shop!.ShopId)
                .Where(r => start is null || r.UpdatedAt.ToUnixTimeMilliseconds() >= start)
                .Where(r => end is null || r.UpdatedAt.ToUnixTimeMilliseconds() <= end)
                .OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).ToList();
            var pageNo = Math.Max((int)Long(q["page_no"]), 1);
            var size = Math.Clamp((int)(Long(q["page_size"]) is > 0 and var s ? s : 10), 1, 100);
            return Results.Json(new JsonObject
            {
                ["code"] = "0", ["request_id"] = Guid.NewGuid().ToString("N"),
                ["result"] = new JsonObject
                {
                    ["total"] = all.Count.ToString(CultureInfo.InvariantCulture), ["success"] = "true",
                    ["page_no"] = pageNo.ToString(CultureInfo.InvariantCulture),
                    ["page_size"] = size.ToString(CultureInfo.InvariantCulture),
                    ["items"] = new JsonArray(all.Skip((pageNo - 1) * size).Take(size)
                        .Select(r => (JsonNode)Shapes.Lazada(r, false)).ToArray()),
                },
            });
        });
        app.MapGet("/rest/order/reverse/return/detail/list", (HttpRequest http, SimState state) =>
        {
            if (LazadaAuth(http, state, "/order/reverse/return/detail/list", out _) is { } error) return error;
            return state.Returns.TryGetValue(http.Query["reverse_order_id"].ToString(), out var r) && r.Platform == SimPlatform.Lazada
                ? Results.Json(new JsonObject
                {
                    ["code"] = "0", ["request_id"] = Guid.NewGuid().ToString("N"), ["data"] = Shapes.Lazada(r, true),
                })
                : LazadaError("ReverseOrderNotFound", "No such reverse order.");
        });
    }

    // Lazada tokens belong to one seller: the access token names the shop.
    private static IResult? LazadaAuth(HttpRequest http, SimState state, string apiPath, out SimShop? shop)
    {
        var q = http.Query;
        shop = state.Shops.Values.FirstOrDefault(s => s.Platform == SimPlatform.Lazada && s.Key == q["app_key"]
            && s.AccessToken == q["access_token"]);
        if (shop is null) return LazadaError("IllegalAccessToken", "The access token is invalid.");
        if (Math.Abs(state.Now.ToUnixTimeMilliseconds() - Long(q["timestamp"])) > 7_200_000)
            return LazadaError("InvalidTimestamp", "The timestamp is out of range.");
        return Signing.Same(Signing.LazadaRequest(shop, apiPath, q), q["sign"])
            ? null
            : LazadaError("IncompleteSignature", "Wrong sign.");
    }

    private static IResult LazadaError(string code, string message) =>
        Results.Json(new JsonObject
        {
            ["code"] = code, ["type"] = "ISV", ["message"] = message, ["request_id"] = Guid.NewGuid().ToString("N"),
        });

    private static long? OptionalLong(Microsoft.Extensions.Primitives.StringValues value) => value.Count > 0 ? Long(value) : null;

    private static long Long(Microsoft.Extensions.Primitives.StringValues value) =>
        long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

}
