using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.Shops;

/// <summary>Connects a Shopee, TikTok Shop or Lazada shop with the platform's own credentials (api.md "Marketplace shops").</summary>
public sealed class ConnectShop(AppDbContext db, ShopCredentials credentials, TimeProvider clock)
{
    public sealed record Request(
        [property: Required] Platform? Platform,
        [property: Required] string? ShopId,
        [property: Required] string? Name,
        [property: Required] string? Region,
        [property: Required] IReadOnlyDictionary<string, string>? Credentials,
        string? ApiBaseUrl);

    public async Task<Shop> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        Validate(request);
        var platform = request.Platform!.Value;
        var shopId = request.ShopId!.Trim();
        if (await db.Shops.AnyAsync(s => s.Platform == platform && s.PlatformShopId == shopId, ct))
            throw DomainError.Rule("shop.already_connected", $"The {platform} shop {shopId} is already connected.");
        var given = ShopCredentials.FieldsOf(platform).ToDictionary(f => f, f => request.Credentials![f].Trim());
        var shop = Shop.Connect(accountId, platform, shopId, request.Name!, request.Region!, request.ApiBaseUrl?.Trim(),
            credentials.Protect(given), clock.GetUtcNow());
        db.Shops.Add(shop);
        await db.SaveChangesAsync(ct);
        return shop;
    }

    private static void Validate(Request r)
    {
        var check = new Check().Required(r.Platform, "platform").Required(r.ShopId, "shopId", 64).Required(r.Name, "name")
            .Required(r.Region, "region", 2).Required(r.Credentials, "credentials");
        check.That(r.Platform is null or Platform.Shopee or Platform.TikTok or Platform.Lazada, "platform", "Shopee, TikTok or Lazada.");
        check.That(r.Region is null || Shop.Regions.Contains(r.Region.ToUpperInvariant()), "region", string.Join(", ", Shop.Regions) + ".");
        check.That(r.Platform != Platform.Shopee || r.ShopId is null || r.ShopId.Trim().All(char.IsAsciiDigit), "shopId",
            "Shopee's shop_id is a number.");
        check.That(r.ApiBaseUrl is null || Uri.TryCreate(r.ApiBaseUrl.Trim(), UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https", "apiBaseUrl", "An absolute http(s) URL.");
        if (r.Platform is { } platform && r.Credentials is { } given)
            foreach (var field in ShopCredentials.FieldsOf(platform))
                check.That(given.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value), $"credentials.{field}",
                    "Required.");
        check.ThrowIfInvalid();
    }
}
