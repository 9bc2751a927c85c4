using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.Shops;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Webhooks;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.IntegrationTests.Invariants;
using ReturnLoop.IntegrationTests.Marketplaces;
using Xunit.Abstractions;

namespace ReturnLoop.IntegrationTests.Crash;

/// <summary>
/// Issue 10, item 5: the server, a real process, is SIGKILLed in the middle of a bulk push, a batch of stock-ins, a batch
/// of refund orders, a batch of receipt confirmations, a webhook delivery batch and a marketplace push batch (the inbox),
/// then started again on the same database; the interrupted requests are retried with the same Idempotency-Key (the pushes:
/// the same signed bytes, as a platform retries). Every operation happened exactly once
/// (no second supplier return, stock-in, refund, settlement or credit), the webhook deliveries left pending resume and
/// reach the receiver at least once each, and <see cref="InvariantChecker"/> passes.
/// "The middle" is hit deterministically: each step sends its batch as concurrent requests and the kill comes as soon
/// as the first of them is visible in the database, so some have committed and the rest are in flight or not yet begun.
/// RETURNLOOP_CRASH_BATCH sets the batch size (default 8) for longer runs.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output, Simulator sim) : IClassFixture<Simulator>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_server_killed_mid_batch_restarts_and_every_retried_operation_happens_exactly_once(DatabaseProvider provider)
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("RETURNLOOP_CRASH_BATCH"), out var size) && size > 0 ? size : 8;
        await using var database = AppFactory.Isolated(provider); // only its new, empty database is used; its host never starts
        await using var receiver = new WebhookReceiver(TimeSpan.FromMilliseconds(150));
        var run = new Run(provider, database.ConnectionString, output);
        try
        {
            await run.StartAsync();
            var (supplier, distributor) = await SetUpAsync(run, receiver, n);

            // 1. A bulk push, in four requests of a quarter each.
            var returnIds = (await run.As(distributor).Get("/api/v1/distribution-returns?status=ToPush&limit=200")).Ok().Items
                .Select(i => i.Str("id")).ToList();
            Assert.Equal(n, returnIds.Count);
            var pushes = returnIds.Chunk(Math.Max(1, n / 4))
                .Select(chunk => (Key: Guid.NewGuid().ToString("N"), Body: (object)new { ids = chunk })).ToList();
            await run.KillMidwayAsync("bulk push", pushes.Select(p => (Func<Task<Reply>>)(() =>
                run.As(distributor).Post("/api/v1/distribution-returns/push", p.Body, p.Key))).ToList(),
                db => db.SupplierReturns.AnyAsync());
            foreach (var p in pushes) (await run.As(distributor).Post("/api/v1/distribution-returns/push", p.Body, p.Key)).Ok();
            await using (var db = run.Db())
            {
                Assert.Equal(n, await db.SupplierReturns.CountAsync());
                Assert.Equal(n, await db.DistributionReturns.CountAsync(r => r.Status == DistributionReturnStatus.Pushed));
            }
            await run.AssertInvariantsAsync();

            // 2. Stock-ins, one request per return, all at once; a third of them with a damaged unit.
            List<(string Id, string Key, object Body)> stockIns;
            await using (var db = run.Db())
                stockIns = (await db.SupplierReturns.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).Select((r, i) => (r.Id,
                    Guid.NewGuid().ToString("N"), (object)new
                    {
                        warehouseId = run.OwnWarehouseId,
                        lines = i % 3 == 0
                            ? new object[]
                            {
                                new { supplierSkuCode = "K", quantity = 1, condition = "Good" },
                                new { supplierSkuCode = "K", quantity = 1, condition = "Damaged" },
                            }
                            : [new { supplierSkuCode = "K", quantity = 2, condition = "Good" }],
                    })).ToList();
            await run.KillMidwayAsync("stock-in", stockIns.Select(s => (Func<Task<Reply>>)(() =>
                run.As(supplier).Post($"/api/v1/supplier/return-stock-ins/{s.Id}/stock-in", s.Body, s.Key))).ToList(),
                db => db.StockMovements.AnyAsync(m => m.Reason == StockMovementReason.ReturnStockIn));
            foreach (var s in stockIns)
                (await run.As(supplier).Post($"/api/v1/supplier/return-stock-ins/{s.Id}/stock-in", s.Body, s.Key)).Ok();
            await using (var db = run.Db())
            {
                Assert.Equal(2 * n, await db.StockMovements.Where(m => m.Reason == StockMovementReason.ReturnStockIn)
                    .SumAsync(m => m.Quantity));
                Assert.Equal(n, await db.SupplierReturns.CountAsync(r => r.Status == SupplierReturnStatus.ReceivedReturn));
            }
            await run.AssertInvariantsAsync();

            // 3. Refund orders by bank transfer, then the distributor's confirmations, each batch killed midway.
            var refunds = stockIns.Select(s => (s.Id, Key: Guid.NewGuid().ToString("N"), Body: (object)new
            {
                exchangeAmount = 0m,
                method = "BankTransfer",
                bankAccount = new { bankName = "Maybank", accountName = "Kedai", accountNumber = "5140-1234" },
            })).ToList();
            await run.KillMidwayAsync("refund create", refunds.Select(r => (Func<Task<Reply>>)(() =>
                run.As(supplier).Post($"/api/v1/supplier/return-stock-ins/{r.Id}/refund-orders", r.Body, r.Key))).ToList(),
                db => db.RefundOrders.AnyAsync());
            var refundIds = new List<string>();
            foreach (var r in refunds)
                refundIds.Add((await run.As(supplier).Post($"/api/v1/supplier/return-stock-ins/{r.Id}/refund-orders", r.Body, r.Key))
                    .Ok().Id);
            Assert.Equal(n, refundIds.Distinct().Count());
            await using (var db = run.Db()) Assert.Equal(n, await db.RefundOrders.CountAsync());
            await run.AssertInvariantsAsync();

            var confirms = refundIds.Select(id => (Id: id, Key: Guid.NewGuid().ToString("N"))).ToList();
            await run.KillMidwayAsync("refund confirm", confirms.Select(c => (Func<Task<Reply>>)(() =>
                run.As(distributor).Post($"/api/v1/after-sales-refunds/{c.Id}/confirm-receipt", null, c.Key))).ToList(),
                db => db.RefundOrders.AnyAsync(r => r.Status == RefundStatus.Completed));
            foreach (var c in confirms)
                (await run.As(distributor).Post($"/api/v1/after-sales-refunds/{c.Id}/confirm-receipt", null, c.Key)).Ok();
            await using (var db = run.Db())
                Assert.Equal(n, await db.RefundOrders.CountAsync(r => r.Status == RefundStatus.Completed));
            await run.AssertInvariantsAsync();

            // 4. A webhook delivery batch: manual credits make a fresh batch of balance.changed events; the receiver is slow, so
            // deliveries are in flight when the server is killed, once the receiver has some of this server's.
            var before = receiver.Requests;
            await Task.WhenAll(Enumerable.Range(0, n).Select(async _ => (await run.As(supplier).Post(
                $"/api/v1/supplier/customer-balances/{run.AccountIds[distributor]}/credits", new { amount = 1m, note = "crash" })).Ok()));
            int pending;
            await using (var db = run.Db()) pending = await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending);
            var watch = Stopwatch.StartNew();
            while (receiver.Requests == before && watch.Elapsed < Patience) await Task.Delay(10);
            await run.KillAsync($"webhook delivery batch ({pending} pending, {receiver.Requests - before} received by this server)");
            await run.StartAsync();

            // Queued work resumes: every delivery succeeds, and the receiver saw every event at least once.
            watch.Restart();
            while (true)
            {
                await using var db = run.Db();
                var left = await db.WebhookDeliveries.CountAsync(d => d.Status != WebhookDeliveryStatus.Succeeded);
                if (left == 0) break;
                Assert.True(watch.Elapsed < Patience, $"{left} webhook deliveries still not delivered after the restart");
                await Task.Delay(200);
            }
            await using (var db = run.Db())
            {
                var events = await db.WebhookEvents.AsNoTracking().ToListAsync();
                Assert.NotEmpty(events);
                Assert.All(events, e =>
                    Assert.True(receiver.Received.ContainsKey(e.Id), $"event {e.Type} {e.Id} never reached the receiver"));
                // Its effects once: one event per change, however often the request that made it was retried.
                foreach (var type in new[] { WebhookEventTypes.SupplierReturnPushed, WebhookEventTypes.SupplierReturnStockedIn,
                             WebhookEventTypes.RefundOrderCreated, WebhookEventTypes.RefundOrderCompleted })
                    Assert.All(events.Where(e => e.Type == type).GroupBy(e => (e.AccountId, e.ResourceId)),
                        g => Assert.True(g.Count() == 1, $"{g.Count()} {type} events for {g.Key.ResourceId}"));
                output.WriteLine($"{events.Count} events, {receiver.Requests} deliveries received "
                    + $"({receiver.Received.Count(r => r.Value > 1)} more than once)");
            }
            // 5. A marketplace push batch: signed TikTok pushes into the inbox, the inbox processor killed while it ingests them.
            var pushIds = await ConnectShopAsync(run, distributor, n);
            await run.KillMidwayAsync("marketplace inbox", pushIds.Select(p => (Func<Task<Reply>>)(() => run.Push(p.Body, p.Signature)))
                .ToList(), db => db.AfterSalesOrders.AnyAsync(a => a.Source == Platform.TikTok));
            foreach (var p in pushIds) Assert.Equal(HttpStatusCode.OK, (await run.Push(p.Body, p.Signature)).Status);
            watch.Restart();
            while (true)
            {
                await using var db = run.Db();
                var left = await db.MarketplacePushes.CountAsync(p => p.Status == MarketplacePushStatus.Pending);
                if (left == 0) break;
                Assert.True(watch.Elapsed < Patience, $"{left} marketplace pushes still pending after the restart");
                await Task.Delay(200);
            }
            await using (var db = run.Db())
            {
                var platformReturns = await db.AfterSalesOrders.AsNoTracking().Where(a => a.Source == Platform.TikTok)
                    .Select(a => a.PlatformReturnId).ToListAsync();
                Assert.Equal(pushIds.Select(p => p.ReturnId).Order(), platformReturns.Order()); // every return once, none twice
                Assert.Equal(n, await db.MarketplacePushes.CountAsync()); // each push stored once, however often it came
            }
            await run.AssertInvariantsAsync();
            output.WriteLine($"{provider}: {run.Kills} kills: {string.Join("; ", run.KillPoints)}");
        }
        finally
        {
            await run.DisposeAsync();
        }
    }

    /// <summary>A supplier and a distributor, a SKU with stock, each with a webhook endpoint at the receiver, and n shipped
    /// orders each with an approved return of 2 units, waiting in To Push.</summary>
    private static async Task<(string Supplier, string Distributor)> SetUpAsync(Run run, WebhookReceiver receiver, int n)
    {
        var supplier = await run.SignUpAsync("Crash supplier");
        var distributor = await run.SignUpAsync("Crash distributor");
        var s = run.As(supplier);
        var d = run.As(distributor);
        var partnership = (await d.Post("/api/v1/partnerships", new { supplierAccountId = run.AccountIds[supplier] })).Ok().Id;
        (await s.Post($"/api/v1/partnerships/{partnership}/accept")).Ok();
        run.OwnWarehouseId = (await s.Post("/api/v1/warehouses", new { code = "OWN", name = "Own", kind = "Own" })).Ok().Id;
        (await s.Post("/api/v1/skus", new { code = "K", name = "K", costPrice = 1m, distributionPrice = 10m })).Ok();
        (await s.Post("/api/v1/inventory/adjustments",
            new { warehouseId = run.OwnWarehouseId, skuCode = "K", quantity = 10 * n, reason = "opening" })).Ok();
        (await d.Post("/api/v1/merchant-skus", new
        {
            code = "M-K",
            name = "K",
            supplierAccountId = run.AccountIds[supplier],
            components = new[] { new { supplierSkuCode = "K", quantity = 1 } },
        })).Ok();
        foreach (var api in new[] { s, d }) (await api.Post("/api/v1/webhook-endpoints", new { url = receiver.Url })).Ok();

        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var order = (await d.Post("/api/v1/distribution-orders", new
            {
                supplierAccountId = run.AccountIds[supplier],
                warehouseId = run.OwnWarehouseId,
                platform = "Shopee",
                shopId = "shop-1",
                marketplaceOrderNo = $"CR-{i}-{Guid.NewGuid():N}",
                lines = new[] { new { merchantSkuCode = "M-K", quantity = 3 } },
            })).Ok().Id;
            (await s.Post($"/api/v1/distribution-orders/{order}/ship", new { })).Ok();
            // Some of it paid, so the refunds settle the rest of the order (a settlement ledger row each).
            (await s.Post($"/api/v1/distribution-orders/{order}/payments", new { amount = 20m, method = "BankTransfer" })).Ok();
            var afterSales = (await d.Post("/api/v1/after-sales-orders", new
            {
                distributionOrderId = order,
                type = "ReturnAndRefund",
                reason = "crash test",
                lines = new[] { new { merchantSkuCode = "M-K", quantity = 2 } },
            })).Ok().Id;
            (await d.Post($"/api/v1/after-sales-orders/{afterSales}/approve")).Ok();
        });
        return (supplier, distributor);
    }

    /// <summary>A TikTok shop of the distributor, connected with the simulator as its API, and n buyer returns there with the
    /// signed push the platform sends for each (not sent yet).</summary>
    private async Task<List<(string ReturnId, string Body, string Signature)>> ConnectShopAsync(Run run, string distributor, int n)
    {
        var c = MarketplaceApps.NewCredentials(Platform.TikTok);
        await sim.ShopAsync(new
        {
            platform = c.Sim, shopId = c.ShopId, region = "MY", key = c.Key, secret = c.Secret, accessToken = c.AccessToken,
            shopCipher = c.Cipher, pushUrl = (string?)null,
        });
        (await run.As(distributor).Post("/api/v1/shops", new
        {
            platform = "TikTok", shopId = c.ShopId, name = "TikTok shop", region = "MY", credentials = c.Api,
            apiBaseUrl = sim.BaseUrl.ToString(),
        })).Ok();
        var pushes = new List<(string, string, string)>();
        for (var i = 0; i < n; i++)
        {
            var id = await sim.ReturnAsync(new
            {
                platform = c.Sim, shopId = c.ShopId, orderNo = $"CRASH{i}", type = "ReturnAndRefund", currency = "MYR",
                lines = new[] { new { sellerSku = "M-K", quantity = 1, unitPrice = 10m } }, push = false,
            });
            var body = MarketplaceApps.ReturnPush(c, id, "REQUESTED", DateTimeOffset.UtcNow, notificationId: "n-" + id);
            pushes.Add((id, body, MarketplaceApps.Sign(c, body, "")));
        }
        return pushes;
    }

    /// <summary>The server process of the moment, its database, and the accounts' keys (they survive restarts).</summary>
    private sealed class Run(DatabaseProvider provider, string connectionString, ITestOutputHelper output) : IAsyncDisposable
    {
        private readonly Dictionary<string, string> _keys = [];
        private ServerProcess? _server;
        private HttpClient? _http;

        public Dictionary<string, string> AccountIds { get; } = [];
        public string OwnWarehouseId { get; set; } = "";
        public int Kills { get; private set; }
        public List<string> KillPoints { get; } = [];

        public async Task StartAsync()
        {
            _server = await ServerProcess.StartAsync(provider, connectionString, new Dictionary<string, string>
            {
                ["Webhooks__AllowPrivateNetworks"] = "true",
                ["Marketplaces__InboxProcessorEnabled"] = "true",
                ["Marketplaces__SyncWorkerEnabled"] = "false",
                ["Marketplaces__InboxPollInterval"] = "00:00:00.100",
                ["Marketplaces__InboxLease"] = "00:00:03",
                ["Marketplaces__InboxRetryDelays"] = "00:00:00.200, 00:00:00.500, 00:00:01, 00:00:01, 00:00:01",
                ["Marketplaces__RetryDelay"] = "00:00:00.010",
                // A killed server's claimed deliveries are taken over after the lease: short, so the test sees it.
                ["Webhooks__Lease"] = "00:00:04",
                ["Webhooks__AttemptTimeout"] = "00:00:03",
                ["Webhooks__PollInterval"] = "00:00:00.200",
                ["Webhooks__RetryDelays"] = "00:00:01, 00:00:01, 00:00:01, 00:00:01, 00:00:01, 00:00:01, 00:00:01, 00:00:01",
            });
            _http?.Dispose();
            _http = new HttpClient { BaseAddress = new Uri(_server.Url), Timeout = TimeSpan.FromSeconds(60) };
        }

        /// <summary>A client for an account's key on the current server.</summary>
        public Api As(string account)
        {
            var http = new HttpClient { BaseAddress = new Uri(_server!.Url), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", _keys[account]);
            return new Api(http);
        }

        public async Task<string> SignUpAsync(string name)
        {
            var reply = (await new Api(_http!).Post("/api/v1/accounts", new
            {
                name,
                currency = "MYR",
                userEmail = $"crash-{Guid.NewGuid():N}@example.com",
                password = "correct horse battery",
            })).Ok();
            _keys[name] = reply.Str("apiKey");
            AccountIds[name] = reply["account"]["id"]!.GetValue<string>();
            return name;
        }

        /// <summary>A platform's push, raw bytes and signature, as the platform sends it.</summary>
        public Task<Reply> Push(string body, string signature)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, MarketplaceApps.Path(Platform.TikTok))
            {
                Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)),
            };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("Authorization", signature);
            return new Api(_http!).Send(request);
        }

        public AppDbContext Db() => InvariantChecker.Open(provider, connectionString);

        public async Task AssertInvariantsAsync()
        {
            await using var db = Db();
            await InvariantChecker.AssertHoldsAsync(db);
        }

        /// <summary>
        /// Sends the batch at once and SIGKILLs the server as soon as <paramref name="firstEffect"/> shows in the database
        /// (or, should the batch finish first, right after it), then starts a new server on the same database.
        /// </summary>
        public async Task KillMidwayAsync(string point, IReadOnlyList<Func<Task<Reply>>> batch, Func<AppDbContext, Task<bool>> firstEffect)
        {
            var answered = 0;
            var sent = batch.Select(async send =>
            {
                try
                {
                    await send();
                    Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
                {
                    // the server died under this request: the test retries it
                }
            }).ToList();
            var all = Task.WhenAll(sent);
            var watch = Stopwatch.StartNew();
            while (!all.IsCompleted && watch.Elapsed < Patience)
            {
                await using var db = Db();
                if (await firstEffect(db)) break;
                await Task.Delay(5);
            }
            await KillAsync($"{point} ({answered} of {batch.Count} answered)");
            await all;
            await StartAsync();
        }

        public async Task KillAsync(string point)
        {
            await _server!.KillAsync();
            Kills++;
            KillPoints.Add(point);
            output.WriteLine($"killed in the middle of: {point}");
        }

        public async ValueTask DisposeAsync()
        {
            _http?.Dispose();
            if (_server is not null) await _server.DisposeAsync();
        }
    }
}
