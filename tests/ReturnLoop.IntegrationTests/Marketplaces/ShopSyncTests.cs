using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using MarketplaceSimulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Shops;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.Marketplaces;
using static ReturnLoop.IntegrationTests.Marketplaces.MarketplaceApps;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>
/// The pull sync (api.md POST /api/v1/shops/{id}/sync): the first one looks back 7 days, later ones start at the cursor; the
/// cursor advances only after a window was stored, and a failing platform leaves it (the error shown on the shop) so the next
/// sync catches up. One sync per shop at a time, across instances.
/// </summary>
public sealed class ShopSyncTests(Simulator sim) : IClassFixture<Simulator>
{
    /// <summary>A platform that records the windows it is asked for, and fails for the shops a test names.</summary>
    private sealed class RecordingClient : IMarketplaceClient
    {
        public static readonly ConcurrentQueue<(string ShopId, DateTimeOffset From, DateTimeOffset To)> Windows = new();
        public static readonly ConcurrentDictionary<string, bool> Failing = new();

        public Platform Platform => Platform.Lazada;

        public async IAsyncEnumerable<PlatformReturn> ChangedReturnsAsync(ShopConnection shop, DateTimeOffset from, DateTimeOffset to,
            [EnumeratorCancellation] CancellationToken ct)
        {
            Windows.Enqueue((shop.ShopId, from, to));
            await Task.Yield();
            if (Failing.ContainsKey(shop.ShopId))
                throw new MarketplaceApiException(Platform.Lazada, "http_503", "The platform is unavailable.", transient: true);
            yield break;
        }

        public Task<PlatformReturn?> ReturnAsync(ShopConnection shop, string returnId, CancellationToken ct) =>
            Task.FromResult<PlatformReturn?>(null);
    }

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<AppFactory>> Recording = new();

    private static AppFactory RecordingApp(DatabaseProvider provider) =>
        Recording.GetOrAdd(provider, p => new Lazy<AppFactory>(() => AppFactory.Started(AppFactory.Isolated(p,
            services: s => s.AddTransient<IReadOnlyDictionary<Platform, IMarketplaceClient>>(_ =>
                Enum.GetValues<Platform>().ToDictionary(x => x, _ => (IMarketplaceClient)new RecordingClient())),
            settings: Manual.ToDictionary())))).Value;

    private static List<(DateTimeOffset From, DateTimeOffset To)> WindowsOf(string shopId) =>
        RecordingClient.Windows.Where(w => w.ShopId == shopId).Select(w => (w.From, w.To)).ToList();

    private static DateTimeOffset At(Reply shop, string property) => shop["shop"][property]!.GetValue<DateTimeOffset>();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_first_sync_looks_back_7_days_a_failure_keeps_the_cursor_and_the_next_sync_catches_up(DatabaseProvider provider)
    {
        var app = RecordingApp(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(Platform.Lazada);
        var shopId = await ConnectAsync(w, sim, c);

        var before = DateTimeOffset.UtcNow;
        var first = (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync")).Ok();
        var window = Assert.Single(WindowsOf(c.ShopId));
        Assert.InRange(window.From, before.AddDays(-7).AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(-7));
        Assert.Equal(window.To, At(first, "syncedUntil"));
        Assert.Null(first["shop"]["lastSyncError"]);
        Assert.Equal(0, first["summary"]["fetched"]!.GetValue<int>());

        RecordingClient.Failing[c.ShopId] = true;
        var failed = (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync")).Ok();
        Assert.Equal(window.To, WindowsOf(c.ShopId)[1].From); // the second sync starts at the cursor
        Assert.Equal(window.To, At(failed, "syncedUntil")); // and a failure leaves it there
        Assert.Contains("http_503", failed["shop"]["lastSyncError"]!.GetValue<string>());
        Assert.Contains("http_503", failed["summary"]["error"]!.GetValue<string>());
        Assert.True(At(failed, "lastSyncAt") > At(first, "lastSyncAt"));

        RecordingClient.Failing.TryRemove(c.ShopId, out _);
        // with an Idempotency-Key too: the sync then runs inside the request's transaction, each return a savepoint
        var caughtUp = (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync", idempotencyKey: Guid.NewGuid().ToString())).Ok();
        var third = WindowsOf(c.ShopId)[2];
        Assert.Equal(window.To, third.From); // asks again for everything since the last stored point
        Assert.Equal(third.To, At(caughtUp, "syncedUntil"));
        Assert.Null(caughtUp["shop"]["lastSyncError"]);
        var shown = (await w.Distributor.Get($"/api/v1/shops/{shopId}")).Ok();
        Assert.Equal(third.To, shown["syncedUntil"]!.GetValue<DateTimeOffset>());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_sync_already_running_is_409_and_the_scheduled_pull_claims_each_due_shop_once(DatabaseProvider provider)
    {
        var app = RecordingApp(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(Platform.Lazada);
        var shopId = await ConnectAsync(w, sim, c);

        await using (var db = app.NewDbContext())
            Assert.True(await ShopSyncClaims.TryClaimAsync(db, shopId, "elsewhere", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), null,
                default));
        (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync")).Problem(HttpStatusCode.Conflict, SyncShop.RunningCode);
        Assert.Empty(WindowsOf(c.ShopId));
        await using (var db = app.NewDbContext())
            await ShopSyncClaims.ReleaseAsync(db, shopId, "elsewhere");

        // Two instances' scheduled passes at once, an interval after the shop was connected: one of them pulls it.
        var later = DateTimeOffset.UtcNow.AddHours(1);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await using var db = app.NewDbContext();
            return await ShopSyncClaims.TryClaimAsync(db, shopId, $"instance-{i}", later, TimeSpan.FromMinutes(5),
                later.AddMinutes(-30), default);
        }));
        Assert.Single(claims, claimed => claimed);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_platform_outage_with_500s_and_429s_is_shown_on_the_shop_and_the_next_sync_catches_up(DatabaseProvider provider)
    {
        var app = MarketplaceApps.For(provider);
        var w = await World.CreateAsync(app);
        var c = NewCredentials(Platform.TikTok);
        var shopId = await ConnectAsync(w, sim, c);
        (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync")).Ok();
        var cursor = (await w.Distributor.Get($"/api/v1/shops/{shopId}")).Ok()["syncedUntil"]!.GetValue<DateTimeOffset>();

        foreach (var status in new[] { 500, 429 })
        {
            await sim.OutageAsync(SimPlatform.TikTok, 50, status); // longer than the client's retries
            var failed = (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync")).Ok();
            await sim.OutageAsync(SimPlatform.TikTok, 0, status);
            Assert.Contains($"http_{status}", failed["shop"]["lastSyncError"]!.GetValue<string>());
            Assert.Equal(cursor, At(failed, "syncedUntil"));
        }

        var caughtUp = (await w.Distributor.Post($"/api/v1/shops/{shopId}/sync")).Ok();
        Assert.Null(caughtUp["shop"]["lastSyncError"]);
        Assert.True(At(caughtUp, "syncedUntil") > cursor);
    }
}
