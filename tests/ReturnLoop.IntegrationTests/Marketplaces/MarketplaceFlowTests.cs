using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Shops;
using ReturnLoop.IntegrationTests.Infrastructure;
using static ReturnLoop.IntegrationTests.Marketplaces.MarketplaceApps;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>
/// End to end through the simulator, per platform and provider: a buyer's return arrives by push as an after-sales order, the
/// platform's approval approves it (and auto-push sends the distribution return to the supplier), a cancellation cancels and
/// recalls it; repeated and late pushes change nothing; a missed push is caught up by a sync; an outage with 500s and 429s is
/// retried and then caught up.
/// </summary>
public sealed class MarketplaceFlowTests(Simulator sim) : IClassFixture<Simulator>
{
    public static TheoryData<DatabaseProvider, Platform> ProvidersAndPlatforms() => MarketplacePushTests.ProvidersAndPlatforms();

    private static string Approved(Platform p) => p switch
    {
        Platform.Shopee => "ACCEPTED",
        Platform.TikTok => "AWAITING_BUYER_SHIP",
        _ => "RTM_SHIPPING_BACK",
    };

    private static string Cancelled(Platform p) => p switch
    {
        Platform.Shopee => "CANCELLED",
        Platform.TikTok => "RETURN_OR_REFUND_REQUEST_CANCEL",
        _ => "REQUEST_CANCEL",
    };

    /// <summary>A distributor with a shipped distribution order sold in the shop, and the shop connected with its push URL.</summary>
    private sealed record Setup(World W, AppFactory App, Credentials Shop, string ShopId, string MerchantSku, string OrderNo);

    private async Task<Setup> SetUpAsync(DatabaseProvider provider, Platform platform, PushRelay? relay)
    {
        var app = relay is null ? MarketplaceApps.For(provider) : MarketplaceApps.LiveFor(provider);
        var w = await World.CreateAsync(app);
        var merchant = await w.Product($"MK{Guid.NewGuid():N}"[..12].ToUpperInvariant(), 40.00m);
        var c = NewCredentials(platform);
        var orderNo = NewShopId() + NewShopId();
        var order = (await w.Distributor.Post("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform = platform.ToString(), shopId = c.ShopId,
            marketplaceOrderNo = orderNo, lines = new[] { new { merchantSkuCode = merchant, quantity = 3 } },
        })).Ok().Id;
        (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/ship", new { })).Ok();
        (await w.Distributor.Put("/api/v1/settings/distribution-returns", new { autoPush = true })).Ok();
        var shopId = await ConnectAsync(w, sim, c, relay?.Url(platform));
        return new Setup(w, app, c, shopId, merchant, orderNo);
    }

    private Task<string> BuyerReturnAsync(Setup s, bool push) => sim.ReturnAsync(new
    {
        platform = s.Shop.Sim, shopId = s.Shop.ShopId, orderNo = s.OrderNo, type = "ReturnAndRefund", currency = "MYR",
        lines = new[] { new { sellerSku = s.MerchantSku, quantity = 1, unitPrice = 40.00m } }, push,
    });

    private static async Task<JsonNode?> AfterSalesAsync(Setup s, string platformReturnId)
    {
        var items = (await s.W.Distributor.Get("/api/v1/after-sales-orders?limit=100")).Ok().Items;
        return items.FirstOrDefault(i => i?["platformReturnId"]?.GetValue<string>() == platformReturnId);
    }

    /// <summary>Waits until the after-sales order of the platform return satisfies <paramref name="done"/>.</summary>
    private static async Task<JsonNode> WaitAsync(Setup s, string platformReturnId, Func<JsonNode, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JsonNode? last = null;
        while (DateTime.UtcNow < until)
        {
            last = await AfterSalesAsync(s, platformReturnId);
            if (last is not null && done(last)) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Timed out; the after-sales order is {last?.ToJsonString() ?? "missing"}");
    }

    private static async Task WaitForInboxAsync(Setup s)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            await using var db = s.App.NewDbContext();
            if (!await db.MarketplacePushes.AnyAsync(p => p.ShopId == s.ShopId && p.Status == MarketplacePushStatus.Pending)) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The inbox did not drain.");
    }

    private static string Status(JsonNode a) => a["status"]!.GetValue<string>();

    private static string? ReturnStatus(JsonNode a) => a["distributionReturn"]?["status"]?.GetValue<string>();

    [Theory, MemberData(nameof(ProvidersAndPlatforms))]
    public async Task A_buyers_return_arrives_by_push_is_approved_and_pushed_then_cancelled_and_recalled(DatabaseProvider provider,
        Platform platform)
    {
        await using var relay = await PushRelay.StartAsync(MarketplaceApps.LiveFor(provider));
        var s = await SetUpAsync(provider, platform, relay);

        var id = await BuyerReturnAsync(s, push: true);
        var requested = await WaitAsync(s, id, a => Status(a) == "ToConfirm");
        Assert.Equal((platform.ToString(), s.OrderNo), (requested["source"]!.GetValue<string>(), requested["marketplaceOrderNo"]!
            .GetValue<string>()));

        await sim.StatusAsync(id, Approved(platform));
        var approved = await WaitAsync(s, id, a => Status(a) == "ConfirmReturn" && ReturnStatus(a) == "Pushed");

        // Every push again, the first (the request) last of all: duplicates and a late push change nothing.
        var pushes = (await sim.Control.GetFromJsonAsync<JsonArray>("/sim/pushes"))!
            .Where(p => p!["shopId"]!.GetValue<string>() == s.Shop.ShopId).Select(p => p!["number"]!.GetValue<int>()).Reverse();
        foreach (var number in pushes)
            Assert.Equal(HttpStatusCode.OK, (await sim.Control.PostAsync($"/sim/pushes/{number}/resend", null)).StatusCode);
        await WaitForInboxAsync(s);
        var after = await AfterSalesAsync(s, id);
        Assert.Equal(("ConfirmReturn", "Pushed", approved["distributionReturn"]!["id"]!.GetValue<string>()),
            (Status(after!), ReturnStatus(after!), after!["distributionReturn"]!["id"]!.GetValue<string>()));

        await sim.StatusAsync(id, Cancelled(platform));
        await WaitAsync(s, id, a => Status(a) == "Cancelled" && ReturnStatus(a) == "Recalled");
        Assert.Single((await s.W.Distributor.Get("/api/v1/after-sales-orders?limit=100")).Ok().Items);
    }

    [Theory, MemberData(nameof(ProvidersAndPlatforms))]
    public async Task A_missed_push_is_caught_up_by_a_sync_and_an_outage_is_retried_then_caught_up(DatabaseProvider provider,
        Platform platform)
    {
        await using var relay = await PushRelay.StartAsync(MarketplaceApps.LiveFor(provider));
        var s = await SetUpAsync(provider, platform, relay);

        var id = await BuyerReturnAsync(s, push: false); // the push never came
        Assert.Null(await AfterSalesAsync(s, id));
        // Shopee's and TikTok's windows are in whole seconds: a change in the current second belongs to the next sync
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var synced = (await s.W.Distributor.Post($"/api/v1/shops/{s.ShopId}/sync")).Ok();
        Assert.Equal(1, synced["summary"]["created"]!.GetValue<int>());
        Assert.Equal("ToConfirm", Status((await AfterSalesAsync(s, id))!));

        // The platform fails the re-fetch of the approval's push a few times (500s): the inbox tries again until it works.
        await sim.OutageAsync(s.Shop.Sim, 5, 500);
        await sim.StatusAsync(id, Approved(platform));
        await WaitAsync(s, id, a => Status(a) == "ConfirmReturn");

        // A cancellation whose push is lost while the platform rate-limits the sync: shown on the shop, then caught up.
        await sim.StatusAsync(id, Cancelled(platform), push: false);
        await sim.OutageAsync(s.Shop.Sim, 50, 429);
        var limited = (await s.W.Distributor.Post($"/api/v1/shops/{s.ShopId}/sync")).Ok();
        await sim.OutageAsync(s.Shop.Sim, 0, 429);
        Assert.Contains("http_429", limited["shop"]["lastSyncError"]!.GetValue<string>());
        Assert.Equal("ConfirmReturn", Status((await AfterSalesAsync(s, id))!));
        await Task.Delay(TimeSpan.FromSeconds(2.1)); // the simulator dates each change a second after the one before
        var caughtUp = (await s.W.Distributor.Post($"/api/v1/shops/{s.ShopId}/sync")).Ok();
        Assert.Null(caughtUp["shop"]["lastSyncError"]);
        var cancelled = await AfterSalesAsync(s, id);
        Assert.Equal(("Cancelled", "Recalled"), (Status(cancelled!), ReturnStatus(cancelled!)));
    }
}
