using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MarketplaceSimulator;

/// <summary>Sends a platform's signed push to the shop's push URL, as the platform would, and keeps it for a resend.</summary>
public sealed class PushSender(HttpClient http, SimState state, ILogger<PushSender> log)
{
    /// <summary>Pushes a return's change; the answer's status code (null when the shop has no push URL or it was unreachable).</summary>
    public async Task<SentPush?> SendAsync(SimReturn ret, string? previousStatus)
    {
        if (state.Shop(ret.Platform, ret.ShopId) is not { PushUrl: { } url } shop) return null;
        IEnumerable<JsonObject> bodies = ret.Platform switch
        {
            SimPlatform.Shopee => [Shapes.ShopeePush(ret, previousStatus)],
            SimPlatform.TikTok => [Shapes.TikTokPush(ret)],
            _ => Shapes.LazadaPushes(ret, shop.Region),
        };
        SentPush? last = null;
        foreach (var json in bodies)
        {
            var body = Encoding.UTF8.GetBytes(json.ToJsonString());
            var signature = shop.Platform == SimPlatform.Shopee ? Signing.ShopeePush(shop, body) : Signing.AppPush(shop, body);
            last = new SentPush(state.NextPushNumber(), shop.Platform, shop.ShopId, url, body, signature, null);
            last = last with { StatusCode = await PostAsync(last) };
            state.Pushes.Enqueue(last);
        }
        return last;
    }

    /// <summary>The same bytes and signature again: a duplicate, or a late push arriving after newer ones.</summary>
    public Task<int?> ResendAsync(SentPush push) => PostAsync(push);

    private async Task<int?> PostAsync(SentPush push)
    {
        using var content = new ByteArrayContent(push.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, push.Url) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", push.Signature);
        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "Push {Number} to {Url} failed", push.Number, push.Url);
            return null;
        }
    }
}
