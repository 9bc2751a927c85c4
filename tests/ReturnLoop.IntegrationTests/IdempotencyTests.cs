using System.Net;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// api.md, Idempotency-Key: per account, the same key and body return the first successful answer again; the same
/// key with another body is 422 idempotency.key_reused; failed answers are not stored, so a retry runs again.
/// </summary>
public sealed class IdempotencyTests
{
    private const string Replayed = "Idempotent-Replayed";

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private static object AfterSales(string orderId, string sku, int quantity) => new
    {
        distributionOrderId = orderId,
        type = "ReturnAndRefund",
        reason = "idempotency",
        lines = new[] { new { merchantSkuCode = sku, quantity } },
    };

    private static async Task<int> AfterSalesCount(World w, string orderId) =>
        (await Trust.AllItems(w.Distributor, $"/api/v1/after-sales-orders?q={orderId}")).Count;

    private static void AssertFresh(Reply reply) =>
        Assert.False(reply.Headers.ContainsKey(Replayed), $"Unexpected {Replayed} on a fresh answer.");

    private static void AssertReplayOf(Reply replay, Reply original)
    {
        Assert.Equal(original.Status, replay.Status);
        Assert.Equal("true", replay.Headers.GetValueOrDefault(Replayed));
        Assert.Equal(original.MediaType, replay.MediaType);
        Assert.Equal(original.Headers.GetValueOrDefault("Location"), replay.Headers.GetValueOrDefault("Location"));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(original.Body), System.Text.Encoding.UTF8.GetString(replay.Body));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_key_and_body_return_the_first_answer_and_create_nothing_twice(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("ID-1", 10.00m);
        var order = await w.ShippedOrder((sku, 5));
        var key = NewKey();

        var first = (await w.Distributor.Post("/api/v1/after-sales-orders", AfterSales(order, sku, 1), key)).Ok();
        Assert.Equal(HttpStatusCode.Created, first.Status);
        AssertFresh(first);

        var again = await w.Distributor.Post("/api/v1/after-sales-orders", AfterSales(order, sku, 1), key);
        AssertReplayOf(again, first);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await AfterSalesCount(w, order));

        // The first answer, even after the order moved on: the replay is the stored answer, not a fresh read.
        (await w.Distributor.Post($"/api/v1/after-sales-orders/{first.Id}/approve")).Ok();
        var later = await w.Distributor.Post("/api/v1/after-sales-orders", AfterSales(order, sku, 1), key);
        AssertReplayOf(later, first);
        Assert.Equal("ToConfirm", later.Str("status"));
        Assert.Equal(1, await AfterSalesCount(w, order));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_replayed_payment_settles_and_debits_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("ID-2", 50.00m);
        var order = await w.ShippedOrder((sku, 2));
        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 80.00m })).Ok();
        var key = NewKey();
        var payment = new { amount = 30.00m, method = "CustomerBalance" };

        var first = (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", payment, key)).Ok();
        AssertFresh(first);
        for (var i = 0; i < 3; i++) AssertReplayOf(await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", payment, key),
            first);

        Assert.Equal(30.00m, (await w.Supplier.Get($"/api/v1/distribution-orders/{order}")).Ok().Dec("settledAmount"));
        Assert.Single((await w.Supplier.Get($"/api/v1/distribution-orders/{order}/settlements")).Ok().Items);
        Assert.Equal(50.00m, Assert.Single((await w.Distributor.Get("/api/v1/balances")).Ok().Items)!.D("balance"));
        Assert.Equal(2, (await w.Distributor.Get($"/api/v1/balances/{w.SupplierId}/ledger")).Ok().Items.Count);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_key_with_another_body_or_route_is_422_key_reused(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("ID-3", 10.00m);
        var order = await w.ShippedOrder((sku, 5));
        var key = NewKey();
        (await w.Distributor.Post("/api/v1/after-sales-orders", AfterSales(order, sku, 1), key)).Ok();

        (await w.Distributor.Post("/api/v1/after-sales-orders", AfterSales(order, sku, 2), key))
            .Problem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        (await w.Distributor.Post("/api/v1/merchant-skus", new { code = "OTHER", name = "Other", supplierAccountId = w.SupplierId,
            components = new[] { new { supplierSkuCode = "ID-3", quantity = 1 } } }, key))
                .Problem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");

        Assert.Equal(1, await AfterSalesCount(w, order));
        Assert.Single((await w.Distributor.Get("/api/v1/merchant-skus")).Ok().Items);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Keys_are_per_account(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (first, _) = await World.SignUpAsync(app, "KeyOne");
        var (second, _) = await World.SignUpAsync(app, "KeyTwo");
        var key = NewKey();
        var warehouse = new { code = "MAIN", name = "Main", kind = "Own" };

        var mine = (await first.Post("/api/v1/warehouses", warehouse, key)).Ok();
        var theirs = (await second.Post("/api/v1/warehouses", warehouse, key)).Ok();

        AssertFresh(theirs);
        Assert.Equal(HttpStatusCode.Created, theirs.Status);
        Assert.NotEqual(mine.Id, theirs.Id);
        Assert.Equal(theirs.Id, Assert.Single((await second.Get("/api/v1/warehouses")).Ok().Items)!.S("id"));
        Assert.Equal(mine.Id, Assert.Single((await first.Get("/api/v1/warehouses")).Ok().Items)!.S("id"));
        // Each account's key replays its own answer.
        AssertReplayOf(await first.Post("/api/v1/warehouses", warehouse, key), mine);
        AssertReplayOf(await second.Post("/api/v1/warehouses", warehouse, key), theirs);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failed_answer_is_not_stored_and_the_retry_runs_again(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("ID-4", 50.00m);
        var order = await w.ShippedOrder((sku, 1));
        var key = NewKey();
        var payment = new { amount = 40.00m, method = "CustomerBalance" };

        // Refused by a rule: nothing kept, the same request may run again once the cause is gone.
        var refused = await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", payment, key);
        refused.Problem(HttpStatusCode.UnprocessableEntity, "balance.insufficient");
        AssertFresh(refused);
        (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", payment, key))
            .Problem(HttpStatusCode.UnprocessableEntity, "balance.insufficient");

        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 100.00m })).Ok();
        var paid = (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", payment, key)).Ok();
        Assert.Equal(HttpStatusCode.Created, paid.Status);
        AssertFresh(paid);
        AssertReplayOf(await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", payment, key), paid);
        Assert.Equal(60.00m, Assert.Single((await w.Distributor.Get("/api/v1/balances")).Ok().Items)!.D("balance"));
        Assert.Equal(40.00m, (await w.Supplier.Get($"/api/v1/distribution-orders/{order}")).Ok().Dec("settledAmount"));

        // A bad request is not stored either: the key is free for the corrected body.
        var other = NewKey();
        (await w.Supplier.Post("/api/v1/warehouses", new { code = "", name = "Spare", kind = "Own" }, other))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        var fixedUp = (await w.Supplier.Post("/api/v1/warehouses", new { code = "SPARE", name = "Spare", kind = "Own" }, other)).Ok();
        AssertFresh(fixedUp);
        Assert.Equal(3, (await w.Supplier.Get("/api/v1/warehouses")).Ok().Items.Count);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_requests_with_one_key_create_one_resource_and_all_get_its_answer(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("ID-5", 10.00m);
        var order = await w.ShippedOrder((sku, 20));
        var clients = Trust.Clients(w.App, w.Distributor, 8);

        for (var round = 1; round <= 3; round++)
        {
            var key = NewKey();
            var replies = await Trust.AtOnce(clients.Select(c => (Func<Task<Reply>>)(() =>
                c.Post("/api/v1/after-sales-orders", AfterSales(order, sku, 1), key))).ToArray());

            // A request that arrives while the first still runs waits for it, then replays its answer.
            Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
            Assert.Single(replies.Select(r => r.Id).Distinct());
            Assert.Equal(1, replies.Count(r => !r.Headers.ContainsKey(Replayed)));
            Assert.Equal(round, await AfterSalesCount(w, order));
        }
        await using var db = w.App.NewDbContext();
        Assert.Equal(3, await db.AfterSalesOrders.CountAsync(a => a.DistributionOrderId == order));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_key_longer_than_255_characters_is_400(DatabaseProvider provider)
    {
        var (client, _) = await World.SignUpAsync(AppFactory.For(provider), "LongKey");

        (await client.Post("/api/v1/warehouses", new { code = "W", name = "W", kind = "Own" }, new string('k', 256)))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");

        Assert.Empty((await client.Get("/api/v1/warehouses")).Ok().Items);
    }
}
