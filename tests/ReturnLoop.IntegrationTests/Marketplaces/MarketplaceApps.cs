using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MarketplaceSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>
/// Apps for the marketplace transport tests: the platform clients retry in milliseconds, the sync has no safety margin, and the
/// workers are off (the tests drive the inbox and the sync by hand) or, for the end-to-end app, the inbox processor polls fast.
/// </summary>
public static class MarketplaceApps
{
    public static readonly IReadOnlyDictionary<string, string?> Manual = new Dictionary<string, string?>
    {
        ["Marketplaces:RetryDelay"] = "00:00:00.010",
        ["Marketplaces:RetryAttempts"] = "2",
        ["Marketplaces:SyncSafetyMargin"] = "00:00:00",
        ["Marketplaces:InboxProcessorEnabled"] = "false",
        ["Marketplaces:SyncWorkerEnabled"] = "false",
    };

    public static readonly IReadOnlyDictionary<string, string?> Live = new Dictionary<string, string?>(Manual)
    {
        ["Marketplaces:InboxProcessorEnabled"] = "true",
        ["Marketplaces:InboxPollInterval"] = "00:00:00.100",
        ["Marketplaces:InboxRetryDelays"] = "00:00:00.200, 00:00:00.200, 00:00:00.200, 00:00:00.500, 00:00:01",
    };

    private static readonly ConcurrentDictionary<(DatabaseProvider, bool), Lazy<AppFactory>> Shared = new();

    /// <summary>Workers off: pushes stay Pending in the inbox until a test processes them.</summary>
    public static AppFactory For(DatabaseProvider provider) => Get(provider, live: false);

    /// <summary>The inbox processor on, polling every 100 ms, retrying a failed fetch within a second or two.</summary>
    public static AppFactory LiveFor(DatabaseProvider provider) => Get(provider, live: true);

    private static AppFactory Get(DatabaseProvider provider, bool live) =>
        Shared.GetOrAdd((provider, live), k => new Lazy<AppFactory>(() =>
            AppFactory.Started(AppFactory.Isolated(k.Item1, settings: (k.Item2 ? Live : Manual).ToDictionary())))).Value;

    public static string NewShopId() => Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A shop's credentials as the platform issued them: Key and Secret sign the pushes.</summary>
    public sealed record Credentials(Platform Platform, string ShopId, string Key, string Secret, string AccessToken, string? Cipher)
    {
        public object Api => Platform switch
        {
            Platform.Shopee => new { partnerId = Key, partnerKey = Secret, accessToken = AccessToken },
            Platform.TikTok => new { appKey = Key, appSecret = Secret, accessToken = AccessToken, shopCipher = Cipher },
            _ => (object)new { appKey = Key, appSecret = Secret, accessToken = AccessToken },
        };

        public SimPlatform Sim => Enum.Parse<SimPlatform>(Platform.ToString());

        public SimShop SimShop(string? pushUrl) => new(Sim, ShopId, "MY", Key, Secret, AccessToken, Cipher, pushUrl);
    }

    public static Credentials NewCredentials(Platform platform)
    {
        var shopId = NewShopId();
        return new Credentials(platform, shopId, platform == Platform.Shopee ? "2001234" : "ak-" + shopId, "secret-" + shopId,
            "at-" + shopId, platform == Platform.TikTok ? "ROW_" + shopId : null);
    }

    /// <summary>Connects the shop in ReturnLoop (the simulator as its API host) and on the simulator; ReturnLoop's shop id.</summary>
    public static async Task<string> ConnectAsync(World w, Simulator sim, Credentials c, string? pushUrl = null)
    {
        await sim.ShopAsync(new
        {
            platform = c.Sim, shopId = c.ShopId, region = "MY", key = c.Key, secret = c.Secret, accessToken = c.AccessToken,
            shopCipher = c.Cipher, pushUrl,
        });
        return (await w.Distributor.Post("/api/v1/shops", new
        {
            platform = c.Platform.ToString(), shopId = c.ShopId, name = $"{c.Platform} shop", region = "MY",
            credentials = c.Api, apiBaseUrl = sim.BaseUrl.ToString(),
        })).Ok().Id;
    }

    /// <summary>Posts a raw push with an Authorization header (none when null), as the platform would.</summary>
    public static Task<Reply> PushAsync(AppFactory app, Platform platform, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path(platform))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation("Authorization", signature);
        return app.Client().Send(request);
    }

    public static string Path(Platform platform) => $"/webhooks/{platform.ToString().ToLowerInvariant()}";

    /// <summary>The platform's push signature, computed with the simulator's own (independent) signing code.</summary>
    public static string Sign(Credentials c, string body, string callbackUrl) =>
        c.Platform == Platform.Shopee
            ? Signing.ShopeePush(c.SimShop(callbackUrl), Encoding.UTF8.GetBytes(body))
            : Signing.AppPush(c.SimShop(null), Encoding.UTF8.GetBytes(body));

    /// <summary>A push about a return, in each platform's envelope (marketplaces.md §1.6, §2.6, §3.6).</summary>
    public static string ReturnPush(Credentials c, string returnId, string status, DateTimeOffset at, string? notificationId = null)
    {
        var t = at.ToUnixTimeSeconds();
        return c.Platform switch
        {
            Platform.Shopee => $$$"""
                {"data":{"order_sn":"ORD1","return_sn":"{{{returnId}}}","updated_values":[{"update_field":"return_status",
                "old_value":"","new_value":"{{{status}}}","update_time":{{{t}}}}]},"shop_id":{{{c.ShopId}}},"code":29,"timestamp":{{{t}}}}
                """,
            Platform.TikTok => $$$"""
                {"type":12,"tts_notification_id":"{{{notificationId ?? NewShopId()}}}","shop_id":"{{{c.ShopId}}}","timestamp":{{{t}}},
                "data":{"order_id":"ORD1","return_role":"BUYER","return_type":"REFUND","return_status":"{{{status}}}",
                "return_id":"{{{returnId}}}","create_time":{{{t}}},"update_time":{{{t}}}}}
                """,
            _ => $$$"""
                {"seller_id":"{{{c.ShopId}}}","message_type":10,"data":{"reverse_order_id":{{{returnId}}},"reverse_status":"{{{status}}}",
                "trade_order_id":"ORD1","trade_order_line_id":"ORD10","buyer_id":1,"seller_id":"{{{c.ShopId}}}",
                "reverse_order_line_id":"{{{returnId}}}0","status_update_time":{{{t}}}},"timestamp":{{{t}}},"site":"lazada_my"}
                """,
        };
    }
}

/// <summary>
/// A real HTTP address for the simulator's pushes, relaying each one, byte for byte with its headers, into the in-memory test
/// server under the same absolute URL (so the Shopee signature over the callback URL holds).
/// </summary>
public sealed class PushRelay : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PushRelay(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First().TrimEnd('/');

    public string Url(Platform platform) => BaseUrl + MarketplaceApps.Path(platform);

    public static async Task<PushRelay> StartAsync(AppFactory target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var client = target.CreateClient();
        app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var url = $"http://{http.Request.Host}{http.Request.Path}{http.Request.QueryString}";
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.Request.ContentType ?? "application/json");
            if (http.Request.Headers.Authorization.Count > 0)
                request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
            using var response = await client.SendAsync(request);
            http.Response.StatusCode = (int)response.StatusCode;
            await http.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync());
        });
        await app.StartAsync();
        return new PushRelay(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
