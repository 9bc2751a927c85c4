using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Infrastructure;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The quick path after a peak sale: many pushed returns stocked in at once (as expected, all good), then a refund order for
/// each at once. A result per id; a return that cannot go fails on its own with its code and the others still go; every
/// stock and balance change has its ledger row, as the one-by-one routes write them.
/// </summary>
public sealed class BulkSupplierReturnTests
{
    private const decimal Price = 10.00m;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bulk_stock_in_then_bulk_refund_each_return_with_its_ledger_rows_and_failures_on_their_own(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var hot = await w.Product("HOT", Price, stock: 100);
        await w.Sku("B", 5.00m, stock: 100);
        await w.MerchantSku("M-COMBO", ("HOT", 1), ("B", 2));
        var pushed = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var orderId = await w.ShippedOrder((hot, 2), ("M-COMBO", 1));
            (await w.Pay(orderId, 2 * Price + Price + 2 * 5.00m, "BankTransfer")).Ok();
            pushed.Add((await w.PushedReturn(orderId, (hot, 2), ("M-COMBO", 1))).SupplierReturnId);
        }
        // One already stocked in by hand (damaged), so the bulk refuses it; and an id that is not the supplier's.
        (await w.StockIn(pushed[3], ("HOT", 3, "Damaged"), ("B", 2, "Damaged"))).Ok();
        var stockBefore = (await w.Stock("HOT"), await w.Stock("B"));

        var stockIns = (await w.Supplier.Post("/api/v1/supplier-returns/stock-in",
            new { ids = new[] { pushed[0], pushed[1], pushed[3], "nope", pushed[2], pushed[0] }, warehouseId = w.OwnWarehouseId })).Ok();
        var results = (JsonArray)stockIns["results"];
        Assert.Equal([pushed[0], pushed[1], pushed[3], "nope", pushed[2]], results.Select(r => r!.Str("id")));
        foreach (var id in new[] { pushed[0], pushed[1], pushed[2] })
        {
            Assert.Equal("ReceivedReturn", results.Single(id).Str("status"));
            Assert.Null(results.Single(id)["error"]);
        }
        Assert.Equal("state.not_allowed", results.Single(pushed[3])["error"]!.Str("code"));
        Assert.Equal("not_found", results.Single("nope")["error"]!.Str("code"));

        // Each return as expected and all good: 3 HOT and 2 B each.
        Assert.Equal((stockBefore.Item1.OnHand + 9, stockBefore.Item1.Damaged), await w.Stock("HOT"));
        Assert.Equal((stockBefore.Item2.OnHand + 6, stockBefore.Item2.Damaged), await w.Stock("B"));
        var received = await w.SupplierReturn(pushed[0]);
        Assert.All(received.Arr("lines"), l => Assert.Equal(l.Int("expectedQuantity"), l.Int("receivedQuantity")));
        Assert.All(received.Arr("lines"), l => Assert.Equal(0, l.Int("damagedQuantity")));
        var afterSalesId = received.Str("afterSalesOrderId");
        Assert.Equal("ReceivedReturn", (await w.AfterSales(afterSalesId)).Str("status"));
        Assert.Contains((await w.AfterSales(afterSalesId)).Arr("timeline"), e => e.Str("event") == "StockedIn");

        await using (var db = w.App.NewDbContext())
        {
            var movements = await db.StockMovements.AsNoTracking()
                .Where(m => m.WarehouseId == w.OwnWarehouseId && m.Reason == StockMovementReason.ReturnStockIn).ToListAsync();
            foreach (var id in pushed.Take(3))
            {
                Assert.Equal(3, movements.Where(m => m.Reference == id && m.SkuCode == "HOT").Sum(m => m.Quantity));
                Assert.Equal(2, movements.Where(m => m.Reference == id && m.SkuCode == "B").Sum(m => m.Quantity));
            }
            var levels = await db.StockLevels.AsNoTracking().Where(s => s.WarehouseId == w.OwnWarehouseId).ToListAsync();
            foreach (var level in levels)
            {
                var all = await db.StockMovements.AsNoTracking()
                    .Where(m => m.WarehouseId == w.OwnWarehouseId && m.SkuCode == level.SkuCode).ToListAsync();
                Assert.Equal(level.OnHand, all.Where(m => m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity));
                Assert.Equal(level.Damaged, all.Where(m => m.Bucket == StockBucket.Damaged).Sum(m => m.Quantity));
            }
        }

        // A bank transfer needs the bank account: refused as a whole, before anything.
        (await w.Supplier.Post("/api/v1/supplier-returns/refund-orders", new { ids = pushed, method = "BankTransfer" }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        (await w.Supplier.Post("/api/v1/supplier-returns/refund-orders", new { ids = Array.Empty<string>(), method = "CustomerBalance" }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");

        // One by hand first: the bulk then refuses it with the single route's code.
        (await w.CreateRefund(pushed[3], "CustomerBalance")).Ok();
        var balanceBefore = await w.Balance();
        var refunds = (await w.Supplier.Post("/api/v1/supplier-returns/refund-orders",
            new { ids = new[] { pushed[2], pushed[3], pushed[0], pushed[1] }, method = "CustomerBalance" })).Ok();
        var refundResults = (JsonArray)refunds["results"];
        Assert.Equal([pushed[2], pushed[3], pushed[0], pushed[1]], refundResults.Select(r => r!.Str("id")));
        Assert.Equal("refund.already_exists", refundResults.Single(pushed[3])["error"]!.Str("code"));
        var expected = 0m;
        foreach (var id in new[] { pushed[0], pushed[1], pushed[2] })
        {
            var r = refundResults.Single(id);
            Assert.Null(r["error"]);
            Assert.Equal("Completed", r.Str("status"));
            // The same refund order the single route would make: returned goods at their shipped prices, nothing unsettled.
            Assert.Equal(2 * Price + Price + 2 * 5.00m, r.Dec("refundableAmount"));
            var refund = await w.SupplierRefund(r.Str("refundOrderId"));
            Assert.Equal(r.Dec("refundableAmount"), refund.Dec("refundableAmount"));
            Assert.Equal("Completed", (await w.SupplierReturn(id)).Str("status"));
            expected += r.Dec("refundableAmount");
        }
        Assert.Equal(balanceBefore + expected, await w.Balance());
        await using (var db = w.App.NewDbContext())
        {
            var ledger = await db.BalanceLedger.AsNoTracking()
                .Where(e => e.SupplierAccountId == w.SupplierId && e.DistributorAccountId == w.DistributorId).ToListAsync();
            Assert.Equal(4, ledger.Count);
            Assert.Equal(await w.Balance(), ledger.Sum(e => e.Amount));
            Assert.Equal(await w.Balance(), ledger.Max(e => e.BalanceAfter));
        }

        // Once more: every one already has its refund, none gets a second.
        var again = (await w.Supplier.Post("/api/v1/supplier-returns/refund-orders",
            new { ids = pushed, method = "CustomerBalance" })).Ok();
        Assert.All((JsonArray)again["results"], r => Assert.Equal("refund.already_exists", r!["error"]!.Str("code")));
        Assert.Equal(balanceBefore + expected, await w.Balance());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_batch_longer_than_a_slice_pushes_stocks_in_and_refunds_each_return_and_answers_in_request_order(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var hot = await w.Product("HOT", Price, stock: 100);
        var approved = new List<string>();
        foreach (var orderId in await PaidOrdersAsync(w, hot, 3)) approved.Add((await w.ApprovedReturn(orderId, (hot, 1))).ReturnId);
        // 3 returns among 600 unknown ids: each in its own slice of the batch (BulkSlices.Size), the last one first by id.
        var missing = Enumerable.Range(0, 600).Select(i => $"missing-{i:D3}").ToList();
        string[] Batch(IReadOnlyList<string> real) =>
            [real[2], .. missing.Take(250), real[0], .. missing.Skip(250).Take(250), real[1], .. missing.Skip(500)];
        Assert.True(Batch(approved).Length > 2 * BulkSlices.Size);

        var pushes = (JsonArray)(await w.Distributor.Post("/api/v1/distribution-returns/push", new { ids = Batch(approved) }))
            .Ok()["results"]!;
        Assert.Equal(Batch(approved), pushes.Select(r => r!.Str("id")));
        Assert.All(approved, id => Assert.Equal("Pushed", pushes.Single(id).Str("status")));
        Assert.All(missing, id => Assert.Equal("not_found", pushes.Single(id)["error"]!.Str("code")));
        var pushed = approved.Select(id => pushes.Single(id).Str("supplierReturnId")).ToList();
        var stockBefore = await w.Stock("HOT");

        var stockIns = (JsonArray)(await w.Supplier.Post("/api/v1/supplier-returns/stock-in",
            new { ids = Batch(pushed), warehouseId = w.OwnWarehouseId })).Ok()["results"]!;
        Assert.Equal(Batch(pushed), stockIns.Select(r => r!.Str("id")));
        Assert.All(pushed, id => Assert.Equal("ReceivedReturn", stockIns.Single(id).Str("status")));
        Assert.All(missing, id => Assert.Equal("not_found", stockIns.Single(id)["error"]!.Str("code")));
        Assert.Equal((stockBefore.OnHand + 3, stockBefore.Damaged), await w.Stock("HOT"));

        var balanceBefore = await w.Balance();
        var refunds = (JsonArray)(await w.Supplier.Post("/api/v1/supplier-returns/refund-orders",
            new { ids = Batch(pushed), method = "CustomerBalance" })).Ok()["results"]!;
        Assert.Equal(Batch(pushed), refunds.Select(r => r!.Str("id")));
        Assert.All(pushed, id => Assert.Equal("Completed", refunds.Single(id).Str("status")));
        Assert.All(missing, id => Assert.Equal("not_found", refunds.Single(id)["error"]!.Str("code")));
        Assert.Equal(balanceBefore + 3 * Price, await w.Balance());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bulk_action_run_again_refuses_the_returns_already_done_and_does_the_new_one_beside_them(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var hot = await w.Product("AGAIN", Price, stock: 100);
        var returns = new List<string>();
        foreach (var orderId in await PaidOrdersAsync(w, hot, 3)) returns.Add((await w.PushedReturn(orderId, (hot, 1))).SupplierReturnId);
        var (done, fresh) = (returns.Take(2).ToList(), returns[2]);
        var stockBefore = await w.Stock("AGAIN");

        (await w.Supplier.Post("/api/v1/supplier-returns/stock-in", new { ids = done, warehouseId = w.OwnWarehouseId })).Ok();
        // The whole batch again with one more: the two done are refused on their own, the new one is stocked in beside them.
        var stockIns = (JsonArray)(await w.Supplier.Post("/api/v1/supplier-returns/stock-in",
            new { ids = returns, warehouseId = w.OwnWarehouseId })).Ok()["results"]!;
        Assert.All(done, id => Assert.Equal("state.not_allowed", stockIns.Single(id)["error"]!.Str("code")));
        Assert.Equal("ReceivedReturn", stockIns.Single(fresh).Str("status"));
        Assert.Equal((stockBefore.OnHand + 3, stockBefore.Damaged), await w.Stock("AGAIN")); // one unit each, never twice

        var balanceBefore = await w.Balance();
        (await w.Supplier.Post("/api/v1/supplier-returns/refund-orders", new { ids = done, method = "CustomerBalance" })).Ok();
        var refunds = (JsonArray)(await w.Supplier.Post("/api/v1/supplier-returns/refund-orders",
            new { ids = returns, method = "CustomerBalance" })).Ok()["results"]!;
        Assert.All(done, id => Assert.Equal("refund.already_exists", refunds.Single(id)["error"]!.Str("code")));
        Assert.Equal("Completed", refunds.Single(fresh).Str("status"));
        Assert.Equal(balanceBefore + 3 * Price, await w.Balance());
        await using var db = w.App.NewDbContext();
        Assert.Equal(3, await db.RefundOrders.CountAsync(r => returns.Contains(r.SupplierReturnId)));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_supplier_cannot_stock_in_or_refund_the_worlds_returns_in_bulk(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var hot = await w.Product("HOT", Price);
        var orderId = await w.ShippedOrder((hot, 1));
        var pushed = (await w.PushedReturn(orderId, (hot, 1))).SupplierReturnId;
        var other = await World.CreateAsync(w.App);

        (await other.Supplier.Post("/api/v1/supplier-returns/stock-in", new { ids = new[] { pushed }, warehouseId = w.OwnWarehouseId }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        var stockIn = (await other.Supplier.Post("/api/v1/supplier-returns/stock-in",
            new { ids = new[] { pushed }, warehouseId = other.OwnWarehouseId })).Ok();
        var result = Assert.Single((JsonArray)stockIn["results"])!;
        Assert.Equal("not_found", result["error"]!.Str("code"));
        Assert.Null(result["status"]);
        var refund = (await other.Supplier.Post("/api/v1/supplier-returns/refund-orders",
            new { ids = new[] { pushed }, method = "CustomerBalance" })).Ok();
        Assert.Equal("not_found", Assert.Single((JsonArray)refund["results"])!["error"]!.Str("code"));
        Assert.Equal("PendingStockIn", (await w.SupplierReturn(pushed)).Str("status"));
    }

    /// <summary>Shipped orders of one unit of the product each, paid in full: their refunds credit the balance.</summary>
    private static async Task<List<string>> PaidOrdersAsync(World w, string product, int count)
    {
        var orders = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var orderId = await w.ShippedOrder((product, 1));
            (await w.Pay(orderId, Price, "BankTransfer")).Ok();
            orders.Add(orderId);
        }
        return orders;
    }
}
