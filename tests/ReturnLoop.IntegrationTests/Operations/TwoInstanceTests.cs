using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Webhooks;
using ReturnLoop.Infrastructure.Web;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.IntegrationTests.Marketplaces;
using ReturnLoop.IntegrationTests.Webhooks;
using Xunit.Abstractions;
using static ReturnLoop.IntegrationTests.Marketplaces.MarketplaceApps;

namespace ReturnLoop.IntegrationTests.Operations;

/// <summary>
/// Issue 9, scale-out: two app instances, every background worker on in both, on one PostgreSQL database, driven at once.
/// Background work runs once across them (webhook attempts, marketplace syncs and pushes, auto-push), no return is pushed,
/// stocked in or refunded twice, the ledgers add up, and a page open on one instance hears a change made on the other.
/// </summary>
public sealed class TwoInstanceTests(Simulator sim, ITestOutputHelper output) : IClassFixture<Simulator>
{
    private const int Loops = 16;
    private const int PlatformReturns = 4;
    private const decimal Price = 10.00m;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string?> Settings(AppFactory? first)
    {
        var settings = new Dictionary<string, string?>(WebhookApps.Settings);
        foreach (var (key, value) in MarketplaceApps.Live) settings[key] = value;
        settings["Marketplaces:SyncWorkerEnabled"] = "true";
        settings["Marketplaces:SyncInterval"] = "00:00:01";
        // A slow answer under load would cost an extra (recorded) attempt; that is allowed, but not what this test is about.
        settings["Webhooks:AttemptTimeout"] = "00:00:10";
        if (first is not null)
        {
            settings[$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = first.ConnectionString;
            settings["Storage:Path"] = first.StoragePath;   // one shared volume
        }
        return settings;
    }

    [PostgresFact]
    public async Task Two_instances_under_load_on_one_database_do_each_piece_of_work_once_and_share_live_updates()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var first = AppFactory.Started(AppFactory.Isolated(DatabaseProvider.Postgres, settings: Settings(null)));
        await using var second = AppFactory.Started(AppFactory.Isolated(DatabaseProvider.Postgres, settings: Settings(first)));
        await first.Services.GetRequiredService<PostgresAccountChanges>().Listening.WaitAsync(Patience);
        await second.Services.GetRequiredService<PostgresAccountChanges>().Listening.WaitAsync(Patience);
        var startedUp = started.Elapsed;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var relay = await PushRelay.StartAsync(second);   // the platform pushes to the second, the first syncs too

        var w = await World.CreateAsync(first);
        var w2 = w.On(second);
        var supplierEndpoint = (await w.Supplier.Post("/api/v1/webhook-endpoints", new { url = receiver.Url("/supplier") })).Ok().Id;
        var distributorEndpoint = (await w2.Distributor.Post("/api/v1/webhook-endpoints", new { url = receiver.Url("/distributor") }))
            .Ok().Id;
        (await w2.Distributor.Put("/api/v1/settings/distribution-returns", new { autoPush = true })).Ok();
        var sku = await w.Product("HOT", Price, stock: 1000);

        // A page of the supplier open on the second instance hears a change saved through the first.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (second.Services.GetRequiredService<AccountChanges>().Subscribe(w.SupplierId, () =>
               {
                   heard.TrySetResult();
                   return Task.CompletedTask;
               }))
        {
            (await w.Supplier.Post("/api/v1/warehouses", new { code = "LIVE", name = "Live warehouse", kind = "Own" })).Ok();
            await heard.Task.WaitAsync(Patience);
        }

        // A key revoked through one instance stops on the other at once: the NOTIFY makes it forget who the key was.
        var revoked = (await w.Supplier.Post("/api/v1/api-keys", new { name = "revoked on the first" })).Ok();
        var onSecond = second.Client(revoked.Str("apiKey"));
        (await onSecond.Get("/api/v1/me")).Ok();
        (await w.Supplier.Post($"/api/v1/api-keys/{revoked.Id}/revoke")).Ok();
        var refusedAfter = System.Diagnostics.Stopwatch.StartNew();
        while ((await onSecond.Get("/api/v1/me")).Status != HttpStatusCode.Unauthorized)
        {
            Assert.True(refusedAfter.Elapsed < TimeSpan.FromSeconds(10), "the revoked key still works on the second instance");
            await Task.Delay(50);
        }

        // Marketplace returns: half pushed (to the second instance's inbox), half only found by the syncs both instances run.
        var shop = NewCredentials(Platform.Shopee);
        var platformOrders = new List<string>();
        for (var i = 0; i < PlatformReturns; i++)
        {
            var orderNo = NewShopId() + NewShopId();
            var order = (await w2.Distributor.Post("/api/v1/distribution-orders", new
            {
                supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform = "Shopee", shopId = shop.ShopId,
                marketplaceOrderNo = orderNo, lines = new[] { new { merchantSkuCode = sku, quantity = 1 } },
            })).Ok().Id;
            (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/ship", new { })).Ok();
            platformOrders.Add(orderNo);
        }
        await ConnectAsync(w, sim, shop, relay.Url(Platform.Shopee));

        // Load through both instances at once: half the loops on each, the platform's returns arriving meanwhile.
        var loops = Task.WhenAll(Enumerable.Range(0, Loops).Select(i => LoopAsync(i % 2 == 0 ? w : w2, sku)));
        var platformIds = new List<string>();
        for (var i = 0; i < PlatformReturns; i++)
        {
            platformIds.Add(await sim.ReturnAsync(new
            {
                platform = shop.Sim, shopId = shop.ShopId, orderNo = platformOrders[i], type = "ReturnAndRefund", currency = "MYR",
                lines = new[] { new { sellerSku = sku, quantity = 1, unitPrice = Price } }, push = i % 2 == 0,
            }));
        }
        var supplierReturns = await loops;
        var loopsDone = started.Elapsed;
        await WaitUntilAsync(first, "the platform's returns arrived", async db =>
            await db.AfterSalesOrders.CountAsync(a => a.PlatformReturnId != null && platformIds.Contains(a.PlatformReturnId))
                >= PlatformReturns);
        for (var i = 0; i < PlatformReturns; i++) await sim.StatusAsync(platformIds[i], "ACCEPTED", push: i % 2 == 0);
        // The platform's approval approves the order, and auto-push sends its return to the supplier.
        await WaitUntilAsync(first, "the platform's returns were approved and pushed", async db =>
            await db.DistributionReturns.CountAsync(r => r.SupplierReturnId != null && db.AfterSalesOrders.Any(a =>
                a.Id == r.AfterSalesOrderId && a.PlatformReturnId != null && platformIds.Contains(a.PlatformReturnId))) >= PlatformReturns);
        var platformDone = started.Elapsed;
        var endpoints = new[] { supplierEndpoint, distributorEndpoint };
        await WaitUntilAsync(first, "every webhook was delivered", async db =>
            !await db.WebhookDeliveries.AnyAsync(d => endpoints.Contains(d.EndpointId) && d.Status != WebhookDeliveryStatus.Succeeded));

        await using var check = first.NewDbContext();

        // Each platform return is one after-sales order, approved once, its return pushed once.
        var platformOrdersOf = await check.AfterSalesOrders.AsNoTracking()
            .Where(a => a.PlatformReturnId != null && platformIds.Contains(a.PlatformReturnId)).ToListAsync();
        Assert.Equal(platformIds.Order(), platformOrdersOf.Select(a => a.PlatformReturnId!).Order());

        // No return pushed, stocked in or refunded twice.
        var pushed = await check.SupplierReturns.AsNoTracking().Where(r => r.SupplierAccountId == w.SupplierId)
            .Select(r => r.DistributionReturnId).ToListAsync();
        Assert.Equal(Loops + PlatformReturns, pushed.Count);
        Assert.Equal(pushed.Count, pushed.Distinct().Count());
        var stockIns = await check.StockMovements.AsNoTracking()
            .Where(m => m.WarehouseId == w.OwnWarehouseId && m.SkuCode == "HOT" && m.Reason == StockMovementReason.ReturnStockIn)
            .ToListAsync();
        Assert.Equal(Loops, stockIns.Count);
        var refunds = await check.RefundOrders.AsNoTracking().Where(r => r.SupplierAccountId == w.SupplierId).ToListAsync();
        Assert.Equal(supplierReturns.Order(), refunds.Select(r => r.SupplierReturnId).Order());
        foreach (var api in new[] { w.Distributor, w2.Distributor })
        {
            foreach (var afterSalesId in platformOrdersOf.Select(a => a.Id))
            {
                var timeline = (await api.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Ok().Arr("timeline")
                    .Select(e => e.Str("event")).ToList();
                Assert.Single(timeline, e => e == "Pushed");
            }
        }

        // The ledgers add up: stock is the sum of its movements, the balance the sum of its ledger (one credit per refund).
        var level = await check.StockLevels.AsNoTracking().SingleAsync(s => s.WarehouseId == w.OwnWarehouseId && s.SkuCode == "HOT");
        var movements = await check.StockMovements.AsNoTracking().Where(m => m.WarehouseId == w.OwnWarehouseId && m.SkuCode == "HOT")
            .ToListAsync();
        Assert.Equal(level.OnHand, movements.Where(m => m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity));
        Assert.Equal(1000 - PlatformReturns, level.OnHand);
        var balance = await check.CustomerBalances.AsNoTracking()
            .SingleAsync(b => b.SupplierAccountId == w.SupplierId && b.DistributorAccountId == w.DistributorId);
        var ledger = await check.BalanceLedger.AsNoTracking()
            .Where(e => e.SupplierAccountId == w.SupplierId && e.DistributorAccountId == w.DistributorId).ToListAsync();
        Assert.Equal(Loops, ledger.Count);
        Assert.Equal(Loops * Price, balance.Balance);
        Assert.Equal(balance.Balance, ledger.Sum(e => e.Amount));

        // Every webhook attempt was made by one worker: each attempt recorded was received once, nothing unrecorded was sent.
        var deliveries = await check.WebhookDeliveries.AsNoTracking().Where(d => endpoints.Contains(d.EndpointId)).ToListAsync();
        var received = receiver.All.GroupBy(r => (r.Path, r.Id)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(deliveries.Count, received.Count);
        Assert.All(deliveries, d =>
        {
            var path = d.EndpointId == supplierEndpoint ? "/supplier" : "/distributor";
            Assert.Equal(d.Attempts, received.GetValueOrDefault((path, d.EventId)));
            Assert.Null(d.LockedBy);
        });
        Assert.Contains(receiver.All, r => r.Type == "refund_order.created");
        Assert.Equal(PlatformReturns + Loops,
            receiver.All.Where(r => r.Path == "/supplier" && r.Type == "supplier_return.pushed").Select(r => r.Id).Distinct().Count());

        output.WriteLine($"{Loops} loops and {PlatformReturns} platform returns over two instances, {deliveries.Count} webhooks "
            + $"({deliveries.Sum(d => d.Attempts)} attempts), in {started.Elapsed.TotalSeconds:0.0} s: both started at "
            + $"{startedUp.TotalSeconds:0.0} s, loops done at {loopsDone.TotalSeconds:0.0} s, platform returns pushed at "
            + $"{platformDone.TotalSeconds:0.0} s");
    }

    /// <summary>One loop: ship, pay, after-sales approved (auto-pushed), stock-in, refund to the balance; the supplier return.</summary>
    private static async Task<string> LoopAsync(World w, string sku)
    {
        var orderId = await w.ShippedOrder((sku, 1));
        (await w.Pay(orderId, Price, "BankTransfer")).Ok();
        var afterSalesId = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1))).Ok().Id;
        var approved = (await w.Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/approve")).Ok();
        var returnId = approved["distributionReturn"]["id"]!.GetValue<string>();
        var supplierReturnId = (await w.Distributor.Get($"/api/v1/distribution-returns/{returnId}")).Ok().Str("supplierReturnId");
        Assert.Equal(HttpStatusCode.OK, (await w.StockIn(supplierReturnId, ("HOT", 1, "Good"))).Ok().Status);
        Assert.Equal(HttpStatusCode.Created, (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok().Status);
        return supplierReturnId;
    }

    private static async Task WaitUntilAsync(AppFactory app, string what, Func<AppDbContext, Task<bool>> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            await using var db = app.NewDbContext();
            if (await done(db)) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
    }
}
