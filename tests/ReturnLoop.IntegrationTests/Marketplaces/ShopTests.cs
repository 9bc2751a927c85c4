using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.Shops;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>Connecting a shop: the platform's credentials are validated, stored only encrypted, and never returned.</summary>
public sealed class ShopTests
{
    private static object Shopee(string shopId, string? partnerKey = "shopee-partner-key-secret") => new
    {
        platform = "Shopee", shopId, name = "Kedai Ali Shopee", region = "my", apiBaseUrl = "http://127.0.0.1:5090",
        credentials = new Dictionary<string, string?>
        {
            ["partnerId"] = "2001234", ["partnerKey"] = partnerKey, ["accessToken"] = "shopee-access-token-secret",
        },
    };

    private static string Text(Reply reply) => Encoding.UTF8.GetString(reply.Body);

    private static string NewShopId() =>
        Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_connected_shop_keeps_its_credentials_encrypted_and_never_returns_them(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var w = await World.CreateAsync(app);
        var shopId = NewShopId();

        var created = await w.Distributor.Post("/api/v1/shops", Shopee(shopId));
        var shop = created.Ok();
        var listed = await w.Distributor.Get("/api/v1/shops");

        foreach (var body in new[] { Text(created), Text(listed), Text(await w.Distributor.Get($"/api/v1/shops/{shop.Id}")) })
        {
            Assert.DoesNotContain("secret", body);
            Assert.DoesNotContain("credentials", body);
        }
        Assert.Equal(("Shopee", shopId, "MY"), (shop.Str("platform"), shop.Str("shopId"), shop.Str("region")));
        Assert.Null(shop.Json?["syncedUntil"]); // never synced yet

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Shops.SingleAsync(s => s.Id == shop.Id);
        Assert.DoesNotContain("secret", stored.ProtectedCredentials); // at rest: encrypted
        var plain = scope.ServiceProvider.GetRequiredService<ShopCredentials>().Unprotect(stored.ProtectedCredentials);
        Assert.Equal("shopee-partner-key-secret", plain["partnerKey"]);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync()); // the keys are in the database, for every instance
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_platforms_credentials_and_ids_are_checked_field_by_field(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(AppFactory.For(provider));

        var missingKey = await w.Distributor.Post("/api/v1/shops", Shopee(NewShopId(), partnerKey: " "));
        missingKey.Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("credentials.partnerKey", Text(missingKey));

        var tiktok = await w.Distributor.Post("/api/v1/shops", new
        {
            platform = "TikTok", shopId = "7494049642642441621", name = "TT", region = "XX",
            credentials = new { appKey = "a", appSecret = "b", accessToken = "c" }, apiBaseUrl = "ftp://example.com",
        });
        tiktok.Problem(HttpStatusCode.BadRequest, "validation.failed");
        foreach (var field in new[] { "credentials.shopCipher", "region", "apiBaseUrl" }) Assert.Contains(field, Text(tiktok));

        var manual = await w.Distributor.Post("/api/v1/shops", new
        {
            platform = "Manual", shopId = "x", name = "M", region = "MY", credentials = new { },
        });
        manual.Problem(HttpStatusCode.BadRequest, "validation.failed");

        var letters = await w.Distributor.Post("/api/v1/shops", Shopee("not-a-number"));
        letters.Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("shopId", Text(letters));
        Assert.Empty((await w.Distributor.Get("/api/v1/shops")).Ok().Items); // nothing half-stored
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_shop_connects_to_one_account_only(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(AppFactory.For(provider));
        var shopId = NewShopId();
        (await w.Distributor.Post("/api/v1/shops", Shopee(shopId))).Ok();

        (await w.Distributor.Post("/api/v1/shops", Shopee(shopId))).Problem(HttpStatusCode.UnprocessableEntity, "shop.already_connected");
        (await w.Supplier.Post("/api/v1/shops", Shopee(shopId))).Problem(HttpStatusCode.UnprocessableEntity, "shop.already_connected");
    }
}
