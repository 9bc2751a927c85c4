using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Audit;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Shops;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.IntegrationTests.Marketplaces;
using ReturnLoop.Marketplaces;

namespace ReturnLoop.IntegrationTests.Audit;

/// <summary>
/// issue 10, item 6: every state change of an account's data leaves an audit entry saying who (user, API key, platform,
/// system), when, from which request and what changed, in the same save; the order's timeline names the same actors;
/// secrets never appear; the owner pages and filters it, and no other account sees it.
/// </summary>
public sealed class AuditTests
{
    private static async Task<List<JsonNode>> Log(Api api, string? query = null) =>
        await Trust.AllItems(api, "/api/v1/audit" + (query is null ? "" : "?" + query));

    private static async Task<string> KeyIdOf(Api api) => Assert.Single((await api.Get("/api/v1/api-keys")).Ok().Items)!.S("id");

    private static bool By(JsonNode e, string type, string? id) => e.S("actorType") == type && e["actorId"]?.GetValue<string>() == id;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_step_of_the_loop_is_audited_with_its_actor_and_request_and_the_timeline_names_the_same_actors(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var supplierKey = await KeyIdOf(w.Supplier);
        var distributorKey = await KeyIdOf(w.Distributor);
        var code = $"AU{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var merchant = await w.Product(code, 30.00m, stock: 20);
        var shipped = await w.ShippedOrder((merchant, 3));
        var afterSalesId = (await w.CreateAfterSales(shipped, "ReturnAndRefund", (merchant, 1))).Ok().Id;

        // The approval comes with a W3C trace context: its entries carry that trace id.
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/after-sales-orders/{afterSalesId}/approve")
        {
            Content = JsonContent.Create(new { }),
        };
        approve.Headers.Add("traceparent", $"00-{traceId}-{"0123456789abcdef"}-01");
        var returnId = (await w.Distributor.Send(approve)).Ok()["distributionReturn"].S("id");
        var supplierReturnId = (await w.Distributor.Post($"/api/v1/distribution-returns/{returnId}/push")).Ok().Str("supplierReturnId");
        (await w.StockIn(supplierReturnId, (code, 1, "Good"))).Ok();
        var refundId = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Id;

        var distributorLog = await Log(w.Distributor);
        var supplierLog = await Log(w.Supplier);
        Assert.All(distributorLog.Concat(supplierLog), e => Assert.Matches("^[0-9a-f]{32}$", e.S("traceId")));

        var ofOrder = distributorLog.Where(e => e.S("entityId") == afterSalesId).ToList();
        Assert.Contains(ofOrder, e => e.S("action") == "Created" && e.S("entityType") == "AfterSalesOrder"
            && By(e, "ApiKey", distributorKey));
        var approved = Assert.Single(ofOrder, e => e.S("traceId") == traceId);
        Assert.True(By(approved, "ApiKey", distributorKey));
        Assert.Contains("ConfirmReturn", approved.S("changes"));
        // The return opened by the approval is in the same request.
        Assert.Contains(distributorLog, e => e.S("entityId") == returnId && e.S("action") == "Created" && e.S("traceId") == traceId);

        // The supplier return: the supplier's row, created by the distributor's push, stocked in by the supplier; the pushing
        // distributor sees its own action on it too.
        Assert.Contains(supplierLog, e => e.S("entityId") == supplierReturnId && e.S("action") == "Created"
            && By(e, "ApiKey", distributorKey));
        Assert.Contains(supplierLog, e => e.S("entityId") == supplierReturnId && e.S("action") == "Updated"
            && By(e, "ApiKey", supplierKey));
        Assert.Contains(distributorLog, e => e.S("entityId") == supplierReturnId && e.S("action") == "Created");
        // Stock and its ledger, the refund order: by the supplier's key.
        Assert.Contains(supplierLog, e => e.S("entityType") == "StockLevel" && e.S("action") == "Updated" && By(e, "ApiKey", supplierKey)
            && e.S("changes").Contains("OnHand"));
        Assert.Contains(supplierLog, e => e.S("entityType") == "StockMovement" && e.S("action") == "Created"
            && By(e, "ApiKey", supplierKey));
        Assert.Contains(supplierLog, e => e.S("entityId") == refundId && e.S("action") == "Created" && By(e, "ApiKey", supplierKey));

        // The timeline names each step's actor as the audit log does.
        var timeline = (await w.AfterSales(afterSalesId)).Ok().Arr("timeline");
        Assert.NotEmpty(timeline);
        foreach (var step in timeline)
        {
            var expected = step.S("side") == "Supplier" ? supplierKey : distributorKey;
            Assert.True(By(step!, "ApiKey", expected), step!.ToJsonString());
        }
        var approvedStep = Assert.Single(timeline, s => s.S("event") == "Approved")!;
        Assert.Equal((approved.S("actorType"), approved.S("actorId")), (approvedStep.S("actorType"), approvedStep.S("actorId")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_signed_in_user_is_the_actor_of_what_the_cookie_session_does(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var email = $"audit-{Guid.NewGuid():N}@example.com";
        (await app.Client().Post("/api/v1/accounts",
            new { name = "Cookie", currency = "MYR", userEmail = email, password = "correct horse battery" })).Ok();
        var browser = app.Client();
        var login = (await browser.Post("/api/v1/auth/login", new { email, password = "correct horse battery" })).Ok();
        var userId = login["user"].S("id");

        var warehouse = (await browser.Post("/api/v1/warehouses", new { code = "CK", name = "Cookie warehouse", kind = "Own" })).Ok().Id;

        var entry = Assert.Single(await Log(browser, $"entityId={warehouse}"));
        Assert.True(By(entry, "User", userId), entry.ToJsonString());
        Assert.Equal(("Created", "Warehouse"), (entry.S("action"), entry.S("entityType")));
        // Signing up is done by the user it creates.
        Assert.Contains(await Log(browser, $"actorId={userId}"), e => e.S("entityType") == "Account" && e.S("action") == "Created");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_marketplace_ingestion_is_audited_as_the_platform_and_its_shop(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product($"AP{Guid.NewGuid():N}"[..10], 45m);
        var shopId = MarketplaceApps.NewShopId();
        (await w.Distributor.Post("/api/v1/shops", new
        {
            platform = "Shopee", shopId, name = "Kedai Audit", region = "MY",
            credentials = new { partnerId = "2001234", partnerKey = "key", accessToken = "token" },
        })).Ok();
        var orderNo = $"2412{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var orderId = (await w.Distributor.Post("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform = "Shopee", shopId, marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = sku, quantity = 2 } },
        })).Ok().Id;
        (await w.Supplier.Post($"/api/v1/distribution-orders/{orderId}/ship", new { })).Ok();

        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var platformReturn = new PlatformReturn(Platform.Shopee, shopId, "AUDIT1", orderNo, AfterSalesType.ReturnAndRefund, "0",
            "REQUESTED", PlatformStage.Requested, "DAMAGED", "arrived broken", "MYR", 45m, at, at, [new PlatformReturnLine(sku, 1, 45m)]);
        IngestResult result;
        await using (var scope = w.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Platform == Platform.Shopee && s.PlatformShopId == shopId);
            result = await scope.ServiceProvider.GetRequiredService<IngestPlatformReturn>().HandleAsync(shop, platformReturn, default);
        }

        var created = Assert.Single(await Log(w.Distributor, $"entityId={result.AfterSalesOrderId}"));
        Assert.True(By(created, "Platform", $"Shopee/{shopId}"), created.ToJsonString());
        Assert.Equal("Created", created.S("action"));
        var step = Assert.Single((await w.AfterSales(result.AfterSalesOrderId!)).Ok().Arr("timeline"), s => s.S("event") == "Created")!;
        Assert.True(By(step, "Platform", $"Shopee/{shopId}"), step.ToJsonString());
    }

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<AppFactory>> WorkerApps = new();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task What_a_background_worker_changes_is_audited_as_the_system_and_the_worker(DatabaseProvider provider)
    {
        // An app of its own: the pass syncs every due shop of its database.
        var app = WorkerApps.GetOrAdd(provider, p => new Lazy<AppFactory>(() =>
            AppFactory.Started(AppFactory.Isolated(p, settings: MarketplaceApps.Manual.ToDictionary())))).Value;
        var w = await World.CreateAsync(app);
        // Nothing answers there: the worker's sync fails and records the error on the shop.
        var shopId = (await w.Distributor.Post("/api/v1/shops", new
        {
            platform = "Lazada", shopId = MarketplaceApps.NewShopId(), name = "Unreachable", region = "MY",
            apiBaseUrl = "http://127.0.0.1:9",
            credentials = new { appKey = "ak", appSecret = "worker-app-secret", accessToken = "worker-access-token" },
        })).Ok().Id;
        await using (var db = app.NewDbContext())
            await db.Shops.Where(s => s.Id == shopId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, DateTimeOffset.UtcNow.AddDays(-1)));

        var worker = ActivatorUtilities.CreateInstance<ShopSyncWorker>(app.Services);
        Assert.True(await worker.SyncDueShopsAsync(default) >= 1);

        var entries = await Log(w.Distributor, $"entityId={shopId}");
        var failed = Assert.Single(entries, e => e.S("action") == "Updated");
        Assert.True(By(failed, "System", nameof(ShopSyncWorker)), failed.ToJsonString());
        Assert.Contains("LastSyncError", failed.S("changes"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Secrets_never_appear_in_the_log(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        const string password = "correct horse battery";
        var signUp = (await app.Client().Post("/api/v1/accounts", new
        {
            name = "Secretive", currency = "MYR", userEmail = $"secret-{Guid.NewGuid():N}@example.com", password,
        })).Ok();
        var firstKey = signUp.Str("apiKey");
        var api = app.Client(firstKey);
        var second = (await api.Post("/api/v1/api-keys", new { name = "script" })).Ok();
        var rotated = (await api.Post($"/api/v1/api-keys/{second.Id}/rotate")).Ok();
        var hook = (await api.Post("/api/v1/webhook-endpoints", new { url = "https://203.0.113.10/audit" })).Ok();
        (await api.Put($"/api/v1/webhook-endpoints/{hook.Id}", new { url = "https://203.0.113.10/audit", enabled = false })).Ok();
        (await api.Post("/api/v1/shops", new
        {
            platform = "Lazada", shopId = MarketplaceApps.NewShopId(), name = "Secret shop", region = "MY",
            credentials = new { appKey = "ak", appSecret = "audit-app-secret-value", accessToken = "audit-access-token-value" },
        })).Ok();

        var log = await Log(api);
        var text = string.Join("\n", log.Select(e => e.ToJsonString()));
        string[] secrets =
        [
            password, firstKey, second.Str("apiKey"), rotated.Str("apiKey"), hook.Str("secret"), "audit-app-secret-value",
            "audit-access-token-value", ApiKeys.Hash(firstKey), ApiKeys.Hash(second.Str("apiKey")), ApiKeys.Hash(rotated.Str("apiKey")),
        ];
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        // That they changed is shown, not what they are.
        bool Hides(string entityType, string property) => log.Any(e => e.S("entityType") == entityType
            && e.S("changes").Contains($"\"{property}\":\"{AuditInterceptor.Hidden}\"", StringComparison.Ordinal));
        Assert.True(Hides("User", "PasswordHash"));
        Assert.True(Hides("ApiKey", "Hash"));
        Assert.True(Hides("WebhookEndpoint", "Secret"));
        Assert.True(Hides("Shop", "ProtectedCredentials"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_log_pages_newest_first_filters_by_entity_and_actor_and_no_other_account_sees_it(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var merchant = await w.Product($"AG{Guid.NewGuid():N}"[..10], 20.00m);
        var shipped = await w.ShippedOrder((merchant, 2));
        var supplierKey = await KeyIdOf(w.Supplier);

        var all = await Log(w.Supplier);
        Assert.True(all.Count > 6, $"only {all.Count} entries");
        var ids = all.Select(e => e.S("id")).ToList();
        Assert.Equal(ids.OrderByDescending(i => i, StringComparer.Ordinal), ids);
        var first = (await w.Supplier.Get("/api/v1/audit?limit=3")).Ok();
        Assert.Equal(ids.Take(3), first.Items.Select(i => i.S("id")));
        var next = (await w.Supplier.Get($"/api/v1/audit?limit=3&cursor={first.Str("nextCursor")}")).Ok();
        Assert.Equal(ids.Skip(3).Take(3), next.Items.Select(i => i.S("id")));

        var ofOrder = await Log(w.Supplier, $"entityId={shipped}");
        Assert.NotEmpty(ofOrder);
        Assert.All(ofOrder, e => Assert.Equal(shipped, e.S("entityId")));
        Assert.Contains(ofOrder, e => e.S("action") == "Updated" && e.S("changes").Contains("Shipped"));
        var byKey = await Log(w.Supplier, $"actorId={supplierKey}");
        Assert.NotEmpty(byKey);
        Assert.All(byKey, e => Assert.True(By(e, "ApiKey", supplierKey)));
        (await w.Supplier.Get("/api/v1/audit?limit=0")).Problem(System.Net.HttpStatusCode.BadRequest, "validation.failed");
        (await w.Supplier.Get("/api/v1/audit?cursor=nope")).Problem(System.Net.HttpStatusCode.BadRequest, "validation.failed");

        // Another account: nothing of the world, even asked by the world's ids.
        var (outsider, outsiderId) = await World.SignUpAsync(w.App, "Outsider");
        Assert.Empty((await outsider.Get($"/api/v1/audit?entityId={shipped}")).Ok().Items);
        Assert.Empty((await outsider.Get($"/api/v1/audit?actorId={supplierKey}")).Ok().Items);
        var own = await Log(outsider);
        Assert.NotEmpty(own);
        var text = string.Join("\n", own.Select(e => e.ToJsonString()));
        foreach (var id in new[] { w.SupplierId, w.DistributorId, shipped, supplierKey })
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        Assert.Contains(own, e => e.S("entityId") == outsiderId);
    }
}
