using MarketplaceSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Marketplaces;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>
/// The three platform clients against the simulator over HTTP: signed calls the simulator accepts (its signing is written
/// apart from ReturnLoop's), paging, detail re-fetch, wrong credentials, and outages and rate limits through the resilience pipeline.
/// </summary>
public sealed class MarketplaceClientTests(Simulator sim) : IClassFixture<Simulator>
{
    private readonly IReadOnlyDictionary<Platform, IMarketplaceClient> _clients = new ServiceCollection()
        .AddLogging()
        .AddMarketplaceClients(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketplaces:RetryDelay"] = "00:00:00.010", ["Marketplaces:RetryAttempts"] = "3",
        }).Build())
        .BuildServiceProvider()
        .GetRequiredService<IReadOnlyDictionary<Platform, IMarketplaceClient>>();

    private static string NewShopId() =>
        Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<ShopConnection> ShopAsync(Platform platform, string region = "MY")
    {
        var shopId = NewShopId();
        var credentials = platform switch
        {
            Platform.Shopee => new Dictionary<string, string>
                { ["partnerId"] = "2001234", ["partnerKey"] = "pk-" + shopId, ["accessToken"] = "at-" + shopId },
            Platform.TikTok => new Dictionary<string, string>
            {
                ["appKey"] = "ak-" + shopId, ["appSecret"] = "as-" + shopId, ["accessToken"] = "at-" + shopId,
                ["shopCipher"] = "ROW_" + shopId,
            },
            _ => new Dictionary<string, string>
                { ["appKey"] = "ak-" + shopId, ["appSecret"] = "as-" + shopId, ["accessToken"] = "at-" + shopId },
        };
        await sim.ShopAsync(new
        {
            platform = Enum.Parse<SimPlatform>(platform.ToString()), shopId, region,
            key = credentials.GetValueOrDefault("partnerId") ?? credentials["appKey"],
            secret = credentials.GetValueOrDefault("partnerKey") ?? credentials["appSecret"],
            accessToken = credentials["accessToken"], shopCipher = credentials.GetValueOrDefault("shopCipher"),
        });
        return new ShopConnection(platform, shopId, region, credentials, sim.BaseUrl);
    }

    private Task<string> BuyerReturnAsync(ShopConnection shop, string orderNo, string type = "ReturnAndRefund", string currency = "MYR") =>
        sim.ReturnAsync(new
        {
            platform = Enum.Parse<SimPlatform>(shop.Platform.ToString()), shopId = shop.ShopId, orderNo, type, currency,
            lines = new[]
            {
                new { sellerSku = "SHP-TS-RED-M", quantity = 2, unitPrice = 45.90m },
                new { sellerSku = "SHP-CAP", quantity = 1, unitPrice = 19.99m },
            },
            push = false,
        });

    private async Task<List<PlatformReturn>> ChangedAsync(ShopConnection shop)
    {
        var now = DateTimeOffset.UtcNow;
        var list = new List<PlatformReturn>();
        await foreach (var r in _clients[shop.Platform].ChangedReturnsAsync(shop, now.AddHours(-1), now.AddHours(1), default)) list.Add(r);
        return list;
    }

    [Theory]
    [InlineData(Platform.Shopee)]
    [InlineData(Platform.TikTok)]
    [InlineData(Platform.Lazada)]
    public async Task A_buyers_return_is_listed_and_fetched_with_its_lines_and_exact_amounts(Platform platform)
    {
        var shop = await ShopAsync(platform);
        var id = await BuyerReturnAsync(shop, "ORD-" + NewShopId());

        var listed = Assert.Single(await ChangedAsync(shop));
        var fetched = await _clients[platform].ReturnAsync(shop, id, default);

        foreach (var r in new[] { listed, fetched! })
        {
            Assert.Equal((id, AfterSalesType.ReturnAndRefund, PlatformStage.Requested), (r.ReturnId, r.Type, r.Stage));
            Assert.Equal(("MYR", 111.79m), (r.Currency, r.RefundAmount));
            Assert.Equal([new PlatformReturnLine("SHP-TS-RED-M", 2, 91.80m), new PlatformReturnLine("SHP-CAP", 1, 19.99m)], r.Lines);
        }
    }

    [Theory]
    [InlineData(Platform.Shopee, 230)]
    [InlineData(Platform.TikTok, 120)]
    [InlineData(Platform.Lazada, 120)]
    public async Task Every_page_is_read(Platform platform, int count)
    {
        var shop = await ShopAsync(platform);
        for (var i = 0; i < count; i++) await BuyerReturnAsync(shop, $"ORD-{i}");

        var returns = await ChangedAsync(shop);

        Assert.Equal(count, returns.Select(r => r.ReturnId).Distinct().Count());
    }

    [Theory]
    [InlineData(Platform.Shopee)]
    [InlineData(Platform.TikTok)]
    [InlineData(Platform.Lazada)]
    public async Task Wrong_credentials_are_a_lasting_error_not_a_retry(Platform platform)
    {
        var shop = await ShopAsync(platform);
        var wrong = shop with
        {
            Credentials = shop.Credentials.ToDictionary(c => c.Key, c => c.Key == "accessToken" ? "stolen" : c.Value),
        };

        var error = await Assert.ThrowsAsync<MarketplaceApiException>(() => ChangedAsync(wrong));

        Assert.False(error.Transient);
    }

    [Theory]
    [InlineData(Platform.Shopee, 500)]
    [InlineData(Platform.TikTok, 429)]
    [InlineData(Platform.Lazada, 503)]
    public async Task A_short_outage_or_rate_limit_is_retried_by_the_pipeline(Platform platform, int statusCode)
    {
        var shop = await ShopAsync(platform);
        await BuyerReturnAsync(shop, "ORD-1");
        var before = await sim.RequestCountAsync(Enum.Parse<SimPlatform>(platform.ToString()));
        await sim.OutageAsync(Enum.Parse<SimPlatform>(platform.ToString()), 2, statusCode);

        Assert.Single(await ChangedAsync(shop));
        Assert.Equal(before + 3, await sim.RequestCountAsync(Enum.Parse<SimPlatform>(platform.ToString())));
    }

    [Fact]
    public async Task A_long_outage_is_a_transient_error_for_the_next_sync()
    {
        var shop = await ShopAsync(Platform.Shopee);
        await sim.OutageAsync(SimPlatform.Shopee, 20, 500);

        var error = await Assert.ThrowsAsync<MarketplaceApiException>(() => ChangedAsync(shop));

        Assert.True(error.Transient);
        await sim.OutageAsync(SimPlatform.Shopee, 0, 500);
    }
}
