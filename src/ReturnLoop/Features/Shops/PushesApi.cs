using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// The platforms' push endpoints (api.md "Marketplace shops and pushes"): anonymous, outside /api/v1, each verified with the
/// connected shop's own secret over the raw body, stored, then answered with an EMPTY 200 at once (Shopee wants no body).
/// </summary>
public static class PushesApi
{
    public static IEndpointRouteBuilder MapMarketplacePushes(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/webhooks").WithTags("Marketplace pushes").AllowAnonymous();
        foreach (var (path, platform) in new[] { ("shopee", Platform.Shopee), ("tiktok", Platform.TikTok), ("lazada", Platform.Lazada) })
        {
            g.MapPost($"/{path}", async Task<Ok> (HttpContext http, ReceivePush useCase, IOptions<ShopSyncOptions> options,
                CancellationToken ct) =>
            {
                var body = await ReadBodyAsync(http.Request, options.Value.MaxPushBytes, ct);
                var signature = http.Request.Headers.Authorization.ToString();
                // TikTok is reported to sign production pushes in x-tt-signature instead (marketplaces.md §2.7): take either.
                if (string.IsNullOrEmpty(signature)) signature = http.Request.Headers["x-tt-signature"].ToString();
                await useCase.HandleAsync(platform, body, signature, CallbackUrl(http.Request, options.Value), ct);
                return TypedResults.Ok();
            }).WithSummary($"A signed push from {platform}: stored, then answered with an empty 200.")
                .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        }
        return app;
    }

    /// <summary>The URL the platform called: a proxy changes the request's own, so a configured public base URL wins.</summary>
    public static string CallbackUrl(HttpRequest request, ShopSyncOptions options) =>
        options.PublicBaseUrl is { Length: > 0 } publicBase
            ? publicBase.TrimEnd('/') + request.Path.ToUriComponent() + request.QueryString.ToUriComponent()
            : request.GetEncodedUrl();

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max) throw TooLarge(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw TooLarge(max);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static DomainError TooLarge(int max) =>
        new(StatusCodes.Status413PayloadTooLarge, "push.too_large", $"A push is at most {max} bytes.");
}
