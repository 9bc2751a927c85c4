using System.Net;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.Webhooks;
using ReturnLoop.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ReturnLoop.IntegrationTests.Webhooks;

/// <summary>api.md "Outbound webhooks": against a real HTTP receiver, on both databases.</summary>
public sealed class WebhookTests(ITestOutputHelper output)
{
    private static async Task<(string Id, string Secret)> Subscribe(Api account, string url, params string[] events)
    {
        var created = (await account.Post("/api/v1/webhook-endpoints", new { url, events = events.Length == 0 ? null : events })).Ok();
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return (created.Id, created.Str("secret"));
    }

    private static async Task<Reply> Deliveries(Api account, string endpointId, string? status = null) =>
        (await account.Get($"/api/v1/webhook-endpoints/{endpointId}/deliveries{(status is null ? "" : $"?status={status}")}")).Ok();

    private static byte[] Pdf => "%PDF-1.4\n% transfer receipt\n"u8.ToArray();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_event_of_the_loop_reaches_the_right_account_signed_with_its_secret(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var w = await World.CreateAsync(WebhookApps.For(provider));
        var (_, supplierSecret) = await Subscribe(w.Supplier, receiver.Url("/supplier"));
        var (_, distributorSecret) = await Subscribe(w.Distributor, receiver.Url("/distributor"));
        var sku = await w.Product("TS-RED", 45.00m);

        // A push that fails a rule (shipped too long ago) is saved in Push Failed: announced, not rolled back.
        var oldOrder = await w.ShippedOrder(DateTimeOffset.UtcNow.AddDays(-92), DateTimeOffset.UtcNow.AddDays(-91), null, (sku, 1));
        var (_, failingReturn) = await w.ApprovedReturn(oldOrder, (sku, 1));
        var refused = await w.Distributor.Post($"/api/v1/distribution-returns/{failingReturn}/push");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);

        var orderId = await w.ShippedOrder((sku, 3));
        (await w.Pay(orderId, (await w.Order(orderId)).Dec("unsettledAmount"), "BankTransfer")).Ok(); // so the refund credits the balance
        var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(orderId, (sku, 2));
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Ok();
        var bank = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Id;
        (await w.Distributor.Post($"/api/v1/after-sales-refunds/{bank}/report-not-received", new { note = "nothing yet" })).Ok();
        (await w.Supplier.Upload($"/api/v1/supplier/refund-orders/{bank}/payment-proof", Pdf, "proof.pdf", "application/pdf")).Ok();
        (await w.Supplier.Post($"/api/v1/supplier/refund-orders/{bank}/void")).Ok();
        var refund = (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();

        var (recalledAfterSales, _, recalledReturn) = await w.PushedReturn(orderId, (sku, 1));
        (await w.Distributor.Post($"/api/v1/after-sales-orders/{recalledAfterSales}/cancel")).Ok();

        string[] toSupplier = ["supplier_return.pushed", "supplier_return.stocked_in", "supplier_return.recalled", "refund_order.created",
            "refund_order.not_received", "refund_order.voided", "refund_order.completed", "balance.changed"];
        string[] toDistributor = ["after_sales.status_changed", "distribution_return.push_failed", "refund_order.created",
            "refund_order.proof_uploaded", "refund_order.voided", "refund_order.completed", "balance.changed"];
        var all = await receiver.WaitAsync(r =>
            toSupplier.All(t => r.Any(x => x.Path == "/supplier" && x.Type == t))
            && toDistributor.All(t => r.Any(x => x.Path == "/distributor" && x.Type == t))
            && r.Count(x => x.Path == "/distributor" && x.Type == "after_sales.status_changed") >= 11);

        Assert.All(all, r =>
            Assert.True(r.IsSignedWith(r.Path == "/supplier" ? supplierSecret : distributorSecret), $"bad signature on {r.Type}"));
        Assert.All(all, r => Assert.Equal("application/json", r.ContentType));
        Assert.Equal(toSupplier.Order(), receiver.At("/supplier").Select(r => r.Type).Distinct().Order());
        Assert.Equal(toDistributor.Order(), receiver.At("/distributor").Select(r => r.Type).Distinct().Order());

        // data is the resource as the API's GET answers it.
        var completed = receiver.At("/distributor").Single(r => r.Type == "refund_order.completed").Data;
        Assert.Equal(refund.Json!.ToJsonString(), completed.ToJsonString());
        var balance = receiver.At("/distributor").Single(r => r.Type == "balance.changed").Data;
        var listed = (await w.Distributor.Get("/api/v1/balances")).Ok().Items.Single()!;
        Assert.Equal(listed.ToJsonString(), balance.ToJsonString());
        var stocked = receiver.At("/supplier").Single(r => r.Type == "supplier_return.stocked_in").Data;
        Assert.Equal(supplierReturnId, stocked.Str("id"));
        Assert.Equal("ReceivedReturn", stocked.Str("status"));
        Assert.Equal(recalledReturn, receiver.At("/supplier").Single(r => r.Type == "supplier_return.recalled").Data.Str("id"));
        // Deliveries run in parallel, so they may arrive out of order; event ids are in the order of the changes.
        var statuses = receiver.At("/distributor").Where(r => r.Type == "after_sales.status_changed" && r.Data.Str("id") == afterSalesId)
            .OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Data.Str("status")).ToList();
        Assert.Equal(["ToConfirm", "ConfirmReturn", "ReceivedReturn", "RefundProcessing", "ReceivedReturn", "Completed"], statuses);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_endpoint_filtered_to_some_types_gets_only_those(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var w = await World.CreateAsync(WebhookApps.For(provider));
        await Subscribe(w.Distributor, receiver.Url("/balance-only"), "balance.changed");
        await Subscribe(w.Distributor, receiver.Url("/everything"));
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 1));
        (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1))).Ok();
        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 10.00m })).Ok();

        await receiver.WaitAsync(r => r.Count(x => x.Path == "/everything") >= 2 && r.Any(x => x.Path == "/balance-only"));
        await Task.Delay(300); // anything else would have arrived by now
        Assert.Equal(["balance.changed"], receiver.At("/balance-only").Select(r => r.Type).Distinct());
        Assert.Equal(10.00m, receiver.At("/balance-only")[0].Data.Dec("balance"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_receiver_that_fails_or_hangs_is_retried_with_the_same_webhook_id_until_it_succeeds(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // First a 500, then no answer within the (test's 2 s) timeout, then 200.
        receiver.Respond = (_, nth) => nth switch
        {
            1 => (TimeSpan.Zero, 500),
            2 => (TimeSpan.FromSeconds(4), 200),
            _ => (TimeSpan.Zero, 200),
        };
        var w = await World.CreateAsync(WebhookApps.For(provider));
        var (endpointId, secret) = await Subscribe(w.Distributor, receiver.Url("/flaky"));

        var ping = (await w.Distributor.Post($"/api/v1/webhook-endpoints/{endpointId}/ping")).Ok();
        Assert.Equal("webhook.ping", ping.Str("type"));
        var got = await receiver.WaitAsync(r => r.Count == 3);
        Assert.Single(got.Select(r => r.Id).Distinct());
        Assert.Equal(ping.Str("eventId"), got[0].Id);
        Assert.All(got, r => Assert.True(r.IsSignedWith(secret)));
        Assert.Equal(endpointId, got[0].Data.Str("endpointId"));

        var log = await WaitForDelivery(w.Distributor, endpointId, ping.Id, "Succeeded");
        Assert.Equal(3, log.Int("attempts"));
        Assert.Equal(200, log.Int("lastStatusCode"));
        Assert.Null(log["nextAttemptAt"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task After_the_last_retry_a_delivery_is_Failed_and_redelivery_sends_it_again_with_the_same_id(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var down = true;
        receiver.Respond = (_, _) => (TimeSpan.Zero, down ? 503 : 200);
        var w = await World.CreateAsync(WebhookApps.For(provider));
        var (endpointId, secret) = await Subscribe(w.Distributor, receiver.Url("/down"));
        var ping = (await w.Distributor.Post($"/api/v1/webhook-endpoints/{endpointId}/ping")).Ok();

        var failed = await WaitForDelivery(w.Distributor, endpointId, ping.Id, "Failed");
        Assert.Equal(4, failed.Int("attempts")); // the first attempt and the three retries of the test schedule
        Assert.Equal(503, failed.Int("lastStatusCode"));
        Assert.Equal(4, receiver.All.Count);
        Assert.Equal(ping.Id, (await Deliveries(w.Distributor, endpointId, "Failed")).Items.Single()!.Str("id"));
        Assert.Empty((await Deliveries(w.Distributor, endpointId, "Pending")).Items);

        down = false;
        var again = (await w.Distributor.Post($"/api/v1/webhook-endpoints/{endpointId}/deliveries/{ping.Id}/redeliver")).Ok();
        Assert.Contains(again.Str("status"), new[] { "Pending", "Succeeded" }); // a worker may have taken it already
        var got = await receiver.WaitAsync(r => r.Count == 5);
        Assert.Equal(ping.Str("eventId"), got[^1].Id);
        Assert.True(got[^1].IsSignedWith(secret));
        await WaitForDelivery(w.Distributor, endpointId, ping.Id, "Succeeded");
        (await w.Distributor.Post($"/api/v1/webhook-endpoints/{endpointId}/deliveries/nope/redeliver"))
            .Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_refused_action_and_a_rolled_back_change_announce_nothing(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = WebhookApps.For(provider);
        var w = await World.CreateAsync(app);
        await Subscribe(w.Distributor, receiver.Url("/distributor"));
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 2));
        var afterSalesId = (await w.CreateAfterSales(orderId, "RefundOnly", (sku, 1))).Ok().Id;
        (await w.Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/approve")).Ok();
        (await w.Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/complete")).Ok();
        await receiver.WaitAsync(r => r.Count == 3);

        (await w.Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/cancel"))
            .Problem(HttpStatusCode.Conflict, "state.not_allowed");

        // A change saved inside a transaction that then rolls back takes its event with it.
        var other = (await w.CreateAfterSales(orderId, "RefundOnly", (sku, 1))).Ok().Id;
        await receiver.WaitAsync(r => r.Count == 4);
        await using (var db = app.NewDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var order = await db.AfterSalesOrders.SingleAsync(a => a.Id == other);
            order.Cancel(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.WebhookEvents.CountAsync(e => e.ResourceId == other)); // created, and now cancelled
            await transaction.RollbackAsync();
        }

        await Task.Delay(500);
        Assert.Equal(4, receiver.All.Count);
        await using var check = app.NewDbContext();
        Assert.Equal(3, await check.WebhookEvents.CountAsync(e => e.ResourceId == afterSalesId));
        Assert.Equal(1, await check.WebhookEvents.CountAsync(e => e.ResourceId == other));
        Assert.Equal("ToConfirm", (await w.Distributor.Get($"/api/v1/after-sales-orders/{other}")).Ok().Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_instances_on_one_database_make_each_attempt_once(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, nth) => (TimeSpan.Zero, nth == 1 ? 500 : 200); // every event once refused, then taken
        await using var first = AppFactory.Isolated(provider, settings: WebhookApps.Settings.ToDictionary());
        var w = await World.CreateAsync(first);
        await using var second = new SecondInstance(first);
        var distributorOnSecond = second.Client(w.Distributor.Http.DefaultRequestHeaders.Authorization!.Parameter!);
        var (endpointId, _) = await Subscribe(w.Distributor, receiver.Url("/shared"));

        const int pings = 30;
        var sent = await Task.WhenAll(Enumerable.Range(0, pings).Select(async i =>
            (await (i % 2 == 0 ? w.Distributor : distributorOnSecond).Post($"/api/v1/webhook-endpoints/{endpointId}/ping"))
                .Ok().Str("eventId")));

        await receiver.WaitAsync(r => r.Count >= 2 * pings);
        await using var db = first.NewDbContext();
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        for (var i = 0; i < 200 && await deliveries.AnyAsync(d => d.Status != WebhookDeliveryStatus.Succeeded); i++) await Task.Delay(100);

        // Every attempt recorded was made once, and nothing was sent that is not recorded: no attempt by two workers.
        // (A slow answer may cost an extra attempt under load; that one is recorded too.)
        var received = receiver.All.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(sent.Order(), received.Keys.Order());
        var recorded = await deliveries.ToListAsync();
        Assert.Equal(pings, recorded.Count);
        Assert.All(recorded, d =>
        {
            Assert.Equal(WebhookDeliveryStatus.Succeeded, d.Status);
            Assert.True(d.Attempts >= 2);
            Assert.Equal(d.Attempts, received[d.EventId]);
            Assert.Null(d.LockedBy);
        });
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_change_is_delivered_within_moments_of_the_answer(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var w = await World.CreateAsync(WebhookApps.For(provider));
        await Subscribe(w.Distributor, receiver.Url("/fast"), "balance.changed");
        var delays = new List<double>();
        for (var i = 1; i <= 5; i++)
        {
            (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 1.00m })).Ok();
            var answered = WebhookReceiver.Clock.ElapsedTicks;
            var got = await receiver.WaitAsync(r => r.Count >= i);
            delays.Add(Math.Max(0, got[^1].Tick - answered) * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
        }
        output.WriteLine($"{provider}: API answer → webhook received: {string.Join(", ", delays.Select(d => $"{d:0.0} ms"))}");
        Assert.True(delays.Order().ElementAt(2) < 1000, $"median {delays.Order().ElementAt(2)} ms");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Endpoints_are_managed_per_account_and_private_addresses_are_refused(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider); // the shared app: the Testing environment keeps private networks refused
        foreach (var url in new[] { "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/", "http://192.168.1.1/",
                     "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/" })
            (await w.Distributor.Post("/api/v1/webhook-endpoints", new { url }))
                .Problem(HttpStatusCode.UnprocessableEntity, "webhook.private_address");
        (await w.Distributor.Post("/api/v1/webhook-endpoints", new { url = "ftp://93.184.216.34/hook" }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        (await w.Distributor.Post("/api/v1/webhook-endpoints", new { url = "https://93.184.216.34/x", events = new[] { "nope" } }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");

        var created = (await w.Distributor.Post("/api/v1/webhook-endpoints",
            new { url = "https://93.184.216.34/hook", events = new[] { "refund_order.completed" }, description = "ERP" })).Ok();
        Assert.StartsWith("whsec_", created.Str("secret"));
        Assert.True(Convert.FromBase64String(created.Str("secret")["whsec_".Length..]).Length >= 24);
        Assert.True(created.Bool("enabled"));
        var id = created.Id;

        var got = (await w.Distributor.Get($"/api/v1/webhook-endpoints/{id}")).Ok();
        Assert.Null(got.Json!["secret"]);
        Assert.Equal(["refund_order.completed"], got.Arr("events").Select(e => e!.GetValue<string>()));
        Assert.Equal([id], (await w.Distributor.Get("/api/v1/webhook-endpoints")).Ok().Items.Ids());
        (await w.Supplier.Get($"/api/v1/webhook-endpoints/{id}")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await w.Supplier.Get("/api/v1/webhook-endpoints")).Ok().Items);

        var changed = (await w.Distributor.Put($"/api/v1/webhook-endpoints/{id}", new { url = "https://93.184.216.35/", enabled = false }))
            .Ok();
        Assert.False(changed.Bool("enabled"));
        Assert.Null(changed.Json!["events"]);
        (await w.Distributor.Put($"/api/v1/webhook-endpoints/{id}", new { url = "http://127.0.0.1/" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "webhook.private_address");
        (await w.Distributor.Post($"/api/v1/webhook-endpoints/{id}/ping")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Empty((await Deliveries(w.Distributor, id)).Items);

        var deleted = await w.Distributor.Send(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhook-endpoints/{id}"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        (await w.Distributor.Get($"/api/v1/webhook-endpoints/{id}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_webhook_routes_are_in_the_OpenAPI_document(DatabaseProvider provider)
    {
        var paths = (await AppFactory.For(provider).Client().Get("/openapi/v1.json")).Ok()["paths"].AsObject()
            .ToDictionary(p => p.Key.TrimEnd('/'), p => p.Value!.AsObject().Select(v => v.Key.ToUpperInvariant()).ToHashSet());
        const string root = "/api/v1/webhook-endpoints";
        foreach (var (path, verb) in new[] { (root, "POST"), (root, "GET"), ($"{root}/{{id}}", "GET"), ($"{root}/{{id}}", "PUT"),
                     ($"{root}/{{id}}", "DELETE"), ($"{root}/{{id}}/ping", "POST"), ($"{root}/{{id}}/deliveries", "GET"),
                     ($"{root}/{{id}}/deliveries/{{deliveryId}}/redeliver", "POST") })
            Assert.True(paths.GetValueOrDefault(path)?.Contains(verb) == true, $"{verb} {path} is not documented");
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForDelivery(Api account, string endpointId, string deliveryId,
        string status)
    {
        for (var i = 0; i < 200; i++)
        {
            var item = World.Find((await Deliveries(account, endpointId)).Items, deliveryId);
            if (item?.Str("status") == status) return item;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Delivery {deliveryId} never became {status}.");
    }
}
