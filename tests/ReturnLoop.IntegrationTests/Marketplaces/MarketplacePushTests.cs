using System.Net;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Shops;
using ReturnLoop.IntegrationTests.Infrastructure;
using static ReturnLoop.IntegrationTests.Marketplaces.MarketplaceApps;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>
/// The platforms' pushes (api.md "Marketplace shops and pushes", marketplaces.md §1.6/§1.7, §2.6/§2.7, §3.6/§3.7): a push
/// signed with the connected shop's own secret over the raw body is stored in the inbox and answered with an empty 200; a
/// repeat is stored once; anything not verified (tampered, wrong key, no header, unknown shop, stale) is 401 and stores nothing.
/// </summary>
public sealed class MarketplacePushTests(Simulator sim) : IClassFixture<Simulator>
{
    // the test server's own address: what Shopee signs when no public base URL is configured
    private const string AppBase = "http://localhost";

    public static TheoryData<DatabaseProvider, Platform> ProvidersAndPlatforms()
    {
        var data = new TheoryData<DatabaseProvider, Platform>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var platform in new[] { Platform.Shopee, Platform.TikTok, Platform.Lazada })
                data.Add(provider, platform);
        return data;
    }

    private static async Task<List<MarketplacePush>> InboxAsync(AppFactory app, Credentials c)
    {
        await using var db = app.NewDbContext();
        return await db.MarketplacePushes.AsNoTracking().Where(p => p.Platform == c.Platform && p.PlatformShopId == c.ShopId)
            .ToListAsync();
    }

    [Theory, MemberData(nameof(ProvidersAndPlatforms))]
    public async Task A_signed_push_is_stored_once_and_answered_with_an_empty_200(DatabaseProvider provider, Platform platform)
    {
        var app = MarketplaceApps.For(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(platform);
        var shopId = await ConnectAsync(w, sim, c);
        var body = ReturnPush(c, NewShopId(), "REQUESTED", DateTimeOffset.UtcNow, notificationId: "n-" + NewShopId());
        var signature = Sign(c, body, AppBase + Path(platform));

        var first = await PushAsync(app, platform, body, signature);
        var again = await PushAsync(app, platform, body, signature); // delivered at least once: the same push twice

        foreach (var reply in new[] { first, again })
        {
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Empty(reply.Body);
        }
        var row = Assert.Single(await InboxAsync(app, c));
        Assert.Equal((shopId, MarketplacePushStatus.Pending, body), (row.ShopId, row.Status, row.Body));
    }

    [Theory, MemberData(nameof(ProvidersAndPlatforms))]
    public async Task A_push_not_signed_by_the_shop_is_refused_and_stores_nothing(DatabaseProvider provider, Platform platform)
    {
        var app = MarketplaceApps.For(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(platform);
        await ConnectAsync(w, sim, c);
        var url = AppBase + Path(platform);
        var body = ReturnPush(c, NewShopId(), "REQUESTED", DateTimeOffset.UtcNow);
        var signature = Sign(c, body, url);

        var tampered = body.Replace("REQUESTED", "ACCEPTED", StringComparison.Ordinal);
        var wrongKey = Sign(c with { Secret = "another-secret" }, body, url);
        var stranger = NewCredentials(platform); // a shop nobody connected, signing its own push correctly
        var strangerBody = ReturnPush(stranger, NewShopId(), "REQUESTED", DateTimeOffset.UtcNow);

        (await PushAsync(app, platform, tampered, signature)).Problem(HttpStatusCode.Unauthorized, ReceivePush.InvalidSignatureCode);
        (await PushAsync(app, platform, body, wrongKey)).Problem(HttpStatusCode.Unauthorized, ReceivePush.InvalidSignatureCode);
        (await PushAsync(app, platform, body, null)).Problem(HttpStatusCode.Unauthorized, ReceivePush.InvalidSignatureCode);
        (await PushAsync(app, platform, strangerBody, Sign(stranger, strangerBody, url)))
            .Problem(HttpStatusCode.Unauthorized, ReceivePush.InvalidSignatureCode);
        if (platform == Platform.Shopee) // Shopee signs the callback URL too: another URL is another signature
            (await PushAsync(app, platform, body, Sign(c, body, "https://elsewhere.example.com/webhooks/shopee")))
                .Problem(HttpStatusCode.Unauthorized, ReceivePush.InvalidSignatureCode);

        var staleBody = ReturnPush(c, NewShopId(), "REQUESTED", DateTimeOffset.UtcNow.AddDays(-2));
        (await PushAsync(app, platform, staleBody, Sign(c, staleBody, url))).Problem(HttpStatusCode.Unauthorized, ReceivePush.StaleCode);

        Assert.Empty(await InboxAsync(app, c));
        Assert.Empty(await InboxAsync(app, stranger));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_push_about_something_else_is_kept_as_ignored_and_an_oversized_one_refused(DatabaseProvider provider)
    {
        var app = MarketplaceApps.For(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(Platform.Shopee);
        await ConnectAsync(w, sim, c);
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var orderStatus = $$$"""
            {"data":{"ordersn":"ORD9","status":"SHIPPED","update_time":{{{t}}}},"shop_id":{{{c.ShopId}}},"code":3,"timestamp":{{{t}}}}
            """;

        var reply = await PushAsync(app, Platform.Shopee, orderStatus, Sign(c, orderStatus, AppBase + Path(Platform.Shopee)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(MarketplacePushStatus.Ignored, Assert.Single(await InboxAsync(app, c)).Status);
        var huge = ReturnPush(c, NewShopId(), "REQUESTED", DateTimeOffset.UtcNow).Replace("ORD1", new string('x', 300 * 1024),
            StringComparison.Ordinal);
        (await PushAsync(app, Platform.Shopee, huge, Sign(c, huge, AppBase + Path(Platform.Shopee))))
            .Problem(HttpStatusCode.RequestEntityTooLarge, "push.too_large");
        Assert.Single(await InboxAsync(app, c));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Behind_a_proxy_Shopee_signs_the_configured_public_url_not_the_one_the_app_sees(DatabaseProvider provider)
    {
        const string publicBase = "https://returnloop.example.com/";
        await using var app = AppFactory.Isolated(provider,
            settings: new Dictionary<string, string?>(Manual) { ["Marketplaces:PublicBaseUrl"] = publicBase });
        var w = await World.CreateAsync(app);
        var c = NewCredentials(Platform.Shopee);
        await ConnectAsync(w, sim, c);
        var body = ReturnPush(c, NewShopId(), "REQUESTED", DateTimeOffset.UtcNow);

        (await PushAsync(app, Platform.Shopee, body, Sign(c, body, AppBase + Path(Platform.Shopee))))
            .Problem(HttpStatusCode.Unauthorized, ReceivePush.InvalidSignatureCode);
        var reply = await PushAsync(app, Platform.Shopee, body, Sign(c, body, "https://returnloop.example.com/webhooks/shopee"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Single(await InboxAsync(app, c));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_processors_claim_each_pending_push_once(DatabaseProvider provider)
    {
        var app = MarketplaceApps.For(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(Platform.TikTok);
        await ConnectAsync(w, sim, c);
        for (var i = 0; i < 12; i++)
        {
            var body = ReturnPush(c, NewShopId(), "RETURN_OR_REFUND_REQUEST_PENDING", DateTimeOffset.UtcNow);
            Assert.Equal(HttpStatusCode.OK, (await PushAsync(app, Platform.TikTok, body, Sign(c, body, ""))).Status);
        }
        var mine = (await InboxAsync(app, c)).Select(p => p.Id).ToHashSet();

        var now = DateTimeOffset.UtcNow.AddSeconds(1);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await using var db = app.NewDbContext();
            return await PushInboxClaims.ClaimAsync(db, $"worker-{i}", 100, now, TimeSpan.FromMinutes(5), default);
        }));

        var claimed = claims.SelectMany(batch => batch.Select(p => p.Id)).Where(mine.Contains).ToList();
        Assert.Equal(mine.Count, claimed.Count);
        Assert.Equal(mine.Order(), claimed.Order()); // every push claimed, none twice
        await using (var db = app.NewDbContext())
        {
            var later = await PushInboxClaims.ClaimAsync(db, "worker-late", 100, now.AddSeconds(1), TimeSpan.FromMinutes(5), default);
            Assert.DoesNotContain(later, p => mine.Contains(p.Id)); // a lease holds until it lapses
            var afterLease = await PushInboxClaims.ClaimAsync(db, "worker-next", 100, now.AddMinutes(6), TimeSpan.FromMinutes(5), default);
            Assert.Equal(mine.Count, afterLease.Count(p => mine.Contains(p.Id))); // a crashed worker's pushes are taken over
        }
    }
}
