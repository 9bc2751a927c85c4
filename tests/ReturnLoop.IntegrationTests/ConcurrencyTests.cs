using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.Inventory;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Real parallel requests over separate HTTP clients, released together: the invariants of domain.md hold whoever
/// wins — a push is exactly once, a return is stocked in and refunded once, a balance never goes below 0 and is the
/// sum of its ledger, stock is the sum of its movements.
/// </summary>
public sealed class ConcurrencyTests
{
    private static Func<Task<Reply>>[] Each(IEnumerable<Api> clients, Func<Api, int, Task<Reply>> call) =>
        clients.Select((c, i) => (Func<Task<Reply>>)(() => call(c, i))).ToArray();

    private static async Task AssertStockIsTheSumOfItsMovements(World w, string sku, string? warehouseId = null)
    {
        warehouseId ??= w.OwnWarehouseId;
        await using var db = w.App.NewDbContext();
        var level = await db.StockLevels.AsNoTracking().SingleAsync(s => s.WarehouseId == warehouseId && s.SkuCode == sku);
        var movements = await db.StockMovements.AsNoTracking().Where(m => m.WarehouseId == warehouseId && m.SkuCode == sku).ToListAsync();
        Assert.Equal(level.OnHand, movements.Where(m => m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity));
        Assert.Equal(level.Damaged, movements.Where(m => m.Bucket == StockBucket.Damaged).Sum(m => m.Quantity));
        Assert.True(level.OnHand >= 0 && level.Damaged >= 0);
    }

    /// <summary>The balance row equals the sum of its ledger, is never negative, and the API shows the same figure.</summary>
    private static async Task<(decimal Balance, List<BalanceLedgerEntry> Ledger)> AssertBalanceIsTheSumOfItsLedger(World w)
    {
        await using var db = w.App.NewDbContext();
        var balance = await db.CustomerBalances.AsNoTracking()
            .SingleOrDefaultAsync(b => b.SupplierAccountId == w.SupplierId && b.DistributorAccountId == w.DistributorId);
        var ledger = await db.BalanceLedger.AsNoTracking()
            .Where(e => e.SupplierAccountId == w.SupplierId && e.DistributorAccountId == w.DistributorId).ToListAsync();
        if (balance is null)
        {
            // Never credited: no ledger, nothing shown.
            Assert.Empty(ledger);
            Assert.Empty((await w.Distributor.Get("/api/v1/balances")).Ok().Items);
            return (0m, ledger);
        }
        Assert.Equal(balance.Balance, ledger.Sum(e => e.Amount));
        Assert.True(balance.Balance >= 0, $"The customer balance went negative: {balance.Balance}");
        var shown = Assert.Single((await w.Distributor.Get("/api/v1/balances")).Ok().Items);
        Assert.Equal(balance.Balance, shown.D("balance"));
        return (balance.Balance, ledger);
    }

    private static async Task<int> TimelineCount(World w, string afterSalesId, string @event) =>
        ((JsonArray)(await w.Distributor.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Ok()["timeline"])
            .Count(t => t.S("event") == @event);

    private static async Task<List<JsonNode>> MovementsOf(World w, string sku, string reference) =>
        (await Trust.AllItems(w.Supplier, $"/api/v1/inventory/movements?skuCode={sku}"))
            .Where(m => m["reference"]?.GetValue<string>() == reference).ToList();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_pushes_of_one_return_create_exactly_one_supplier_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("CP-1", 20.00m);
        var order = await w.ShippedOrder((sku, 6));
        var clients = Trust.Clients(w.App, w.Distributor, 8);

        for (var round = 0; round < 3; round++)
        {
            var (afterSalesId, returnId) = await w.ApprovedReturn(order, (sku, 2));

            var replies = await Trust.AtOnce(Each(clients, (c, _) => c.Post($"/api/v1/distribution-returns/{returnId}/push")));

            Assert.All(replies, r =>
            {
                r.Ok();
                Assert.Equal(HttpStatusCode.OK, r.Status);
                Assert.Equal("Pushed", r.Str("status"));
            });
            var supplierReturnId = Assert.Single(replies.Select(r => r.Str("supplierReturnId")).Distinct());
            var atSupplier = (await Trust.AllItems(w.Supplier, "/api/v1/supplier/return-stock-ins"))
                .Where(r => r.S("distributionReturnId") == returnId).ToList();
            Assert.Equal(supplierReturnId, Assert.Single(atSupplier).S("id"));
            await using (var db = w.App.NewDbContext())
                Assert.Equal(1, await db.SupplierReturns.CountAsync(r => r.DistributionReturnId == returnId));
            Assert.Equal(1, await TimelineCount(w, afterSalesId, "Pushed"));
        }
        Assert.Equal(3, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Json.I("PendingStockIn"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_bulk_pushes_over_overlapping_ids_push_each_return_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("BP-1", 20.00m);
        var order = await w.ShippedOrder((sku, 6));
        var ids = new List<string>();
        for (var i = 0; i < 6; i++) ids.Add((await w.ApprovedReturn(order, (sku, 1))).ReturnId);
        int[][] batches = [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [5, 0, 1], [4, 2, 0], [0, 1, 2, 3, 4, 5], [5, 3, 1]];
        var clients = Trust.Clients(w.App, w.Distributor, batches.Length);

        var replies = await Trust.AtOnce(Each(clients, (c, i) =>
            c.Post("/api/v1/distribution-returns/push", new { ids = batches[i].Select(b => ids[b]).ToArray() })));

        var reported = new Dictionary<string, HashSet<string>>();
        for (var i = 0; i < replies.Length; i++)
        {
            var results = (JsonArray)replies[i].Ok()["results"];
            Assert.Equal(batches[i].Select(b => ids[b]), results.Select(r => r.S("id")));
            foreach (var r in results)
            {
                Assert.True(r!["error"] is null && r.S("status") == "Pushed", $"Batch {i}: {r.ToJsonString()}");
                if (!reported.TryGetValue(r.S("id"), out var set)) reported[r.S("id")] = set = [];
                set.Add(r.S("supplierReturnId"));
            }
        }
        Assert.Equal(6, reported.Count);
        Assert.All(reported.Values, set => Assert.Single(set));

        var atSupplier = await Trust.AllItems(w.Supplier, "/api/v1/supplier/return-stock-ins");
        Assert.Equal(6, atSupplier.Count);
        Assert.Equal(ids.Order(), atSupplier.Select(r => r.S("distributionReturnId")).Order());
        Assert.Equal(reported.Values.Select(s => s.Single()).Order(), atSupplier.Select(r => r.S("id")).Order());
        Assert.Equal(6, (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok().Json.I("Pushed"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_stock_ins_of_one_return_receive_it_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("SI-1", 20.00m, stock: 100);
        var order = await w.ShippedOrder((sku, 9));
        var clients = Trust.Clients(w.App, w.Supplier, 4);
        var onHand = 91;
        var damaged = 0;

        for (var round = 0; round < 3; round++)
        {
            var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(order, (sku, 3));

            var replies = await Trust.AtOnce(Each(clients, (c, _) =>
                c.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/stock-in", new
            {
                warehouseId = w.OwnWarehouseId,
                lines = new[] { new { supplierSkuCode = "SI-1", quantity = 2, condition = "Good" },
                    new { supplierSkuCode = "SI-1", quantity = 1, condition = "Damaged" } },
            })));

            var won = Assert.Single(replies, r => r.IsSuccess());
            Assert.Equal("ReceivedReturn", won.Str("status"));
            Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("state.not_allowed", "conflict"));

            onHand += 2;
            damaged += 1;
            var stock = Assert.Single((await w.Supplier.Get($"/api/v1/inventory?warehouseId={w.OwnWarehouseId}&skuCode=SI-1")).Ok().Items);
            Assert.Equal(onHand, stock.I("onHand"));
            Assert.Equal(damaged, stock.I("damaged"));
            var movements = await MovementsOf(w, "SI-1", supplierReturnId);
            Assert.Equal(2, movements.Count);
            Assert.Equal(2, movements.Single(m => m.S("bucket") == "Sellable").I("quantity"));
            Assert.Equal(1, movements.Single(m => m.S("bucket") == "Damaged").I("quantity"));

            var line = Assert.Single((JsonArray)(await w.Supplier.Get($"/api/v1/supplier/return-stock-ins/{supplierReturnId}"))
                .Ok()["lines"]);
            Assert.Equal(3, line.I("receivedQuantity"));
            Assert.Equal(1, line.I("damagedQuantity"));
            Assert.Equal("ReceivedReturn", (await w.Distributor.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Ok().Str("status"));
            Assert.Equal(1, await TimelineCount(w, afterSalesId, "StockedIn"));
            await AssertStockIsTheSumOfItsMovements(w, "SI-1");
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_refund_orders_for_one_return_create_one(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("RF-1", 20.00m);
        var order = await w.ShippedOrder((sku, 8));
        // Fully paid, so the whole return amount is refundable and a balance refund credits it.
        (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/payments", new { amount = 160.00m, method = "BankTransfer" })).Ok();
        var clients = Trust.Clients(w.App, w.Supplier, 4);
        var credited = 0m;

        for (var round = 0; round < 4; round++)
        {
            var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(order, (sku, 2));
            (await w.StockIn(supplierReturnId, ("RF-1", 2, "Good"))).Ok();

            // Half of the racers refund to the customer balance, half by bank transfer.
            var replies = await Trust.AtOnce(Each(clients, (c, i) =>
                c.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/refund-orders", new
            {
                exchangeAmount = 0m,
                method = i % 2 == 0 ? "CustomerBalance" : "BankTransfer",
                bankAccount = new { bankName = "Maybank", accountName = "Distributor", accountNumber = "1" },
            })));

            var won = Assert.Single(replies, r => r.IsSuccess());
            Assert.Equal(HttpStatusCode.Created, won.Status);
            Assert.Equal(40.00m, won.Dec("refundableAmount"));
            Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("refund.already_exists", "state.not_allowed", "conflict"));

            await using (var db = w.App.NewDbContext())
                Assert.Equal(won.Id,
                    Assert.Single(await db.RefundOrders.AsNoTracking().Where(r => r.SupplierReturnId == supplierReturnId).Select(r => r.Id)
                        .ToListAsync()));
            var supplierReturn = (await w.Supplier.Get($"/api/v1/supplier/return-stock-ins/{supplierReturnId}")).Ok();
            Assert.Equal(won.Id, supplierReturn.Str("refundOrderId"));
            var byBalance = won.Str("method") == "CustomerBalance";
            Assert.Equal(byBalance ? "Completed" : "RefundProcessing", supplierReturn.Str("status"));
            Assert.Equal(byBalance ? "Completed" : "RefundProcessing",
                (await w.Distributor.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Ok().Str("status"));

            if (byBalance) credited += 40.00m;
            var (balance, ledger) = await AssertBalanceIsTheSumOfItsLedger(w);
            Assert.Equal(credited, balance);
            Assert.Equal(byBalance ? 1 : 0, ledger.Count(e => e.Reference == won.Id));
        }
        Assert.Equal(4, (await w.Supplier.Get("/api/v1/supplier/refund-orders")).Ok().Items.Count);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_balance_payments_never_take_the_balance_below_zero(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("BL-1", 30.00m);
        var orders = new List<string>();
        for (var i = 0; i < 6; i++) orders.Add(await w.ShippedOrder((sku, 1)));
        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 100.00m })).Ok();
        var clients = Trust.Clients(w.App, w.Supplier, orders.Count);

        // 6 × 30.00 asked of a balance of 100.00: three at most can be paid.
        var replies = await Trust.AtOnce(Each(clients, (c, i) =>
            c.Post($"/api/v1/distribution-orders/{orders[i]}/payments", new { amount = 30.00m, method = "CustomerBalance" })));

        var paid = replies.Count(r => r.IsSuccess());
        Assert.All(replies.Where(r => !r.IsSuccess()), r =>
            r.AssertProblemOneOf((HttpStatusCode.UnprocessableEntity, "balance.insufficient"), (HttpStatusCode.Conflict, "conflict")));
        Assert.InRange(paid, 1, 3);
        var (balance, ledger) = await AssertBalanceIsTheSumOfItsLedger(w);
        Assert.Equal(100.00m - 30.00m * paid, balance);
        // Every debit saw the balance its predecessor left: no two debits read the same figure.
        var debits = ledger.Where(e => e.Type == BalanceEntryType.OrderPayment).ToList();
        Assert.Equal(paid, debits.Count);
        Assert.Equal(Enumerable.Range(1, paid).Select(k => 100.00m - 30.00m * k), debits.Select(e => e.BalanceAfter).OrderDescending());
        for (var i = 0; i < orders.Count; i++)
            Assert.Equal(replies[i].IsSuccess() ? 30.00m : 0m, (await w.Supplier.Get($"/api/v1/distribution-orders/{orders[i]}")).Ok()
                .Dec("settledAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_payments_of_one_order_never_settle_more_than_its_amount(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("PO-1", 30.00m);
        var order = await w.ShippedOrder((sku, 2));
        var clients = Trust.Clients(w.App, w.Supplier, 6);

        // 6 × 25.00 against 60.00 unsettled: two at most.
        var replies = await Trust.AtOnce(Each(clients, (c, _) =>
            c.Post($"/api/v1/distribution-orders/{order}/payments", new { amount = 25.00m, method = "BankTransfer" })));

        var paid = replies.Count(r => r.IsSuccess());
        Assert.InRange(paid, 1, 2);
        Assert.All(replies.Where(r => !r.IsSuccess()), r =>
            r.AssertProblemOneOf((HttpStatusCode.UnprocessableEntity, "payment.exceeds_unsettled"), (HttpStatusCode.Conflict, "conflict")));
        var after = (await w.Supplier.Get($"/api/v1/distribution-orders/{order}")).Ok();
        Assert.Equal(25.00m * paid, after.Dec("settledAmount"));
        Assert.Equal(60.00m - 25.00m * paid, after.Dec("unsettledAmount"));
        var settlements = (await w.Supplier.Get($"/api/v1/distribution-orders/{order}/settlements")).Ok().Items;
        Assert.Equal(paid, settlements.Count);
        Assert.Equal(after.Dec("settledAmount"), settlements.Sum(s => s.D("amount")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_manual_after_sales_orders_never_exceed_the_shipped_quantity(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("AS-1", 20.00m);
        var clients = Trust.Clients(w.App, w.Distributor, 6);

        foreach (var (shipped, each) in new[] { (3, 1), (3, 2) })
        {
            var order = await w.ShippedOrder((sku, shipped));

            // Any type counts against what was shipped (domain.md), RefundOnly included.
            var replies = await Trust.AtOnce(Each(clients, (c, i) => c.Post("/api/v1/after-sales-orders", new
            {
                distributionOrderId = order,
                type = i % 2 == 0 ? "ReturnAndRefund" : "RefundOnly",
                reason = "race",
                lines = new[] { new { merchantSkuCode = sku, quantity = each } },
            })));

            var created = replies.Count(r => r.IsSuccess());
            Assert.InRange(created, 1, shipped / each);
            Assert.All(replies.Where(r => !r.IsSuccess()), r =>
                r.AssertProblemOneOf((HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped"),
                    (HttpStatusCode.Conflict, "conflict")));
            var onOrder = (await Trust.AllItems(w.Distributor, $"/api/v1/after-sales-orders?q={order}"))
                .Where(a => a.S("status") != "Cancelled").ToList();
            Assert.Equal(created, onOrder.Count);
            var quantity = onOrder.SelectMany(a => (JsonArray)a["lines"]!).Sum(l => l.I("quantity"));
            Assert.Equal(created * each, quantity);
            Assert.True(quantity <= shipped, $"{quantity} in after-sales orders, {shipped} shipped");
        }
    }

    /// <summary>How the two calls of a round reach the server: released together, or one after the other.</summary>
    private enum Sending { AtOnce, FirstThenSecond, SecondThenFirst }

    private static async Task<(Reply First, Reply Second)> Send(Sending order, Func<Task<Reply>> first, Func<Task<Reply>> second)
    {
        switch (order)
        {
            case Sending.AtOnce:
                var replies = await Trust.AtOnce(first, second);
                return (replies[0], replies[1]);
            case Sending.FirstThenSecond:
                var f = await first();
                return (f, await second());
            default:
                var s = await second();
                return (await first(), s);
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cancel_racing_a_stock_in_ends_recalled_or_recall_failed_never_half_way(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("CS-1", 20.00m, stock: 100);
        var order = await w.ShippedOrder((sku, 8));
        var distributor = w.App.Client(Trust.KeyOf(w.Distributor));
        var supplier = w.App.Client(Trust.KeyOf(w.Supplier));
        var onHand = 92;

        // One round: whichever call wins, the cancellation stands and the return ends one way, never half way.
        async Task<string> Round(Sending sending)
        {
            var (afterSalesId, returnId, supplierReturnId) = await w.PushedReturn(order, (sku, 2));

            var (cancel, stockIn) = await Send(sending,
                () => distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/cancel"),
                () => supplier.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/stock-in",
                    new { warehouseId = w.OwnWarehouseId,
                        lines = new[] { new { supplierSkuCode = "CS-1", quantity = 2, condition = "Good" } } }));

            // The buyer's word is final: the cancellation always stands (domain.md, Recall).
            Assert.Equal("Cancelled", cancel.Ok().Str("status"));
            var ret = (await w.Distributor.Get($"/api/v1/distribution-returns/{returnId}")).Ok();
            var atSupplier = (await w.Supplier.Get($"/api/v1/supplier/return-stock-ins/{supplierReturnId}")).Ok();
            var movements = await MovementsOf(w, "CS-1", supplierReturnId);
            string outcome;
            if (stockIn.IsSuccess())
            {
                outcome = "RecallFailed";
                onHand += 2;
                Assert.Equal("RecallFailed", ret.Str("status"));
                Assert.Equal("recall.already_stocked_in", ret["recallFailure"].S("code"));
                Assert.Equal("ReceivedReturn", atSupplier.Str("status"));
                Assert.True(atSupplier["needsAttention"].GetValue<bool>());
                Assert.Equal(2, Assert.Single(movements).I("quantity"));
            }
            else
            {
                outcome = "Recalled";
                stockIn.AssertConflict("state.not_allowed", "conflict");
                Assert.Equal("Recalled", ret.Str("status"));
                Assert.Null(ret.Json?["recallFailure"]);
                Assert.Equal("Recalled", atSupplier.Str("status"));
                Assert.False(atSupplier["needsAttention"].GetValue<bool>());
                Assert.Empty(movements);
                Assert.All((JsonArray)atSupplier["lines"], l => Assert.Equal(0, l.I("receivedQuantity")));
            }
            var stock = Assert.Single((await w.Supplier.Get($"/api/v1/inventory?warehouseId={w.OwnWarehouseId}&skuCode=CS-1")).Ok().Items);
            Assert.Equal(onHand, stock.I("onHand"));
            await AssertStockIsTheSumOfItsMovements(w, "CS-1");
            return outcome;
        }

        for (var round = 0; round < 4; round++) await Round(Sending.AtOnce);

        // Both ends are reachable and each is checked as above: a cancel first recalls, a stock-in first makes the recall fail.
        Assert.Equal("Recalled", await Round(Sending.FirstThenSecond));
        Assert.Equal("RecallFailed", await Round(Sending.SecondThenFirst));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cancel_racing_a_push_ends_cancelled_or_recalled_with_no_pending_supplier_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("CU-1", 20.00m);
        var order = await w.ShippedOrder((sku, 4));
        var canceller = w.App.Client(Trust.KeyOf(w.Distributor));
        var pusher = w.App.Client(Trust.KeyOf(w.Distributor));

        for (var round = 0; round < 4; round++)
        {
            var (afterSalesId, returnId) = await w.ApprovedReturn(order, (sku, 1));

            var replies = await Trust.AtOnce(
                () => canceller.Post($"/api/v1/after-sales-orders/{afterSalesId}/cancel"),
                () => pusher.Post($"/api/v1/distribution-returns/{returnId}/push"));
            var (cancel, push) = (replies[0], replies[1]);

            Assert.Equal("Cancelled", cancel.Ok().Str("status"));
            var ret = (await w.Distributor.Get($"/api/v1/distribution-returns/{returnId}")).Ok();
            await using var db = w.App.NewDbContext();
            var supplierReturns = await db.SupplierReturns.AsNoTracking().Where(r => r.DistributionReturnId == returnId).ToListAsync();
            if (push.IsSuccess())
            {
                // Pushed first, then recalled by the cancellation.
                Assert.Equal("Recalled", ret.Str("status"));
                Assert.Equal(Features.SupplierReturns.SupplierReturnStatus.Recalled, Assert.Single(supplierReturns).Status);
            }
            else
            {
                push.AssertConflict("state.not_allowed", "conflict");
                Assert.Equal("Cancelled", ret.Str("status"));
                Assert.Empty(supplierReturns);
            }
        }
        Assert.Equal(0, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Json.I("PendingStockIn"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_approvals_of_one_after_sales_order_open_one_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("AP-1", 20.00m);
        var order = await w.ShippedOrder((sku, 3));
        var clients = Trust.Clients(w.App, w.Distributor, 6);

        for (var round = 0; round < 3; round++)
        {
            var afterSalesId = (await w.CreateAfterSales(order, "ReturnAndRefund", (sku, 1))).Ok().Id;

            var replies = await Trust.AtOnce(Each(clients, (c, _) => c.Post($"/api/v1/after-sales-orders/{afterSalesId}/approve")));

            var won = Assert.Single(replies, r => r.IsSuccess());
            Assert.Equal("ConfirmReturn", won.Str("status"));
            Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("state.not_allowed", "conflict"));
            var returns = (await w.Distributor.Get($"/api/v1/distribution-returns?afterSalesOrderId={afterSalesId}")).Ok().Items;
            Assert.Equal(won["distributionReturn"]["id"]!.GetValue<string>(), Assert.Single(returns).S("id"));
            Assert.Equal(1, await TimelineCount(w, afterSalesId, "Approved"));
        }
        Assert.Equal(3, (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok().Json.I("ToPush"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_stock_ins_of_different_returns_into_one_new_stock_row_all_count(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("NS-1", 20.00m);
        var order = await w.ShippedOrder((sku, 6));
        // A second own warehouse that has never held NS-1: every stock-in races to create its stock row.
        var spare = (await w.Supplier.Post("/api/v1/warehouses", new { code = "OWN2", name = "Second", kind = "Own" })).Ok().Id;
        var returns = new List<string>();
        for (var i = 0; i < 6; i++) returns.Add((await w.PushedReturn(order, (sku, 1))).SupplierReturnId);
        var clients = Trust.Clients(w.App, w.Supplier, returns.Count);

        var replies = await Trust.AtOnce(Each(clients, (c, i) => c.Post($"/api/v1/supplier/return-stock-ins/{returns[i]}/stock-in",
            new { warehouseId = spare,
                lines = new[] { new { supplierSkuCode = "NS-1", quantity = 1, condition = i % 2 == 0 ? "Good" : "Damaged" } } })));

        Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("conflict"));
        var good = Enumerable.Range(0, returns.Count).Count(i => replies[i].IsSuccess() && i % 2 == 0);
        var damaged = Enumerable.Range(0, returns.Count).Count(i => replies[i].IsSuccess() && i % 2 == 1);
        Assert.True(good + damaged >= 1);
        var rows = (await w.Supplier.Get($"/api/v1/inventory?warehouseId={spare}&skuCode=NS-1")).Ok().Items;
        var row = Assert.Single(rows);
        Assert.Equal(good, row.I("onHand"));
        Assert.Equal(damaged, row.I("damaged"));
        for (var i = 0; i < returns.Count; i++)
        {
            var status = (await w.Supplier.Get($"/api/v1/supplier/return-stock-ins/{returns[i]}")).Ok().Str("status");
            Assert.Equal(replies[i].IsSuccess() ? "ReceivedReturn" : "PendingStockIn", status);
            Assert.Equal(replies[i].IsSuccess() ? 1 : 0, (await MovementsOf(w, "NS-1", returns[i])).Count);
        }
        await AssertStockIsTheSumOfItsMovements(w, "NS-1", spare);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_first_credits_open_one_balance_that_is_the_sum_of_its_ledger(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var clients = Trust.Clients(w.App, w.Supplier, 6);

        var replies = await Trust.AtOnce(Each(clients, (c, i) =>
            c.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 10.00m + i })));

        Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("conflict"));
        var credited = Enumerable.Range(0, replies.Length).Where(i => replies[i].IsSuccess()).Sum(i => 10.00m + i);
        Assert.True(credited > 0);
        var (balance, ledger) = await AssertBalanceIsTheSumOfItsLedger(w);
        Assert.Equal(credited, balance);
        Assert.Equal(replies.Count(r => r.IsSuccess()), ledger.Count);
        // Credits only: in the order they were applied, each balance-after is the running sum (no credit was lost).
        var running = 0m;
        foreach (var entry in ledger.OrderBy(e => e.BalanceAfter))
        {
            running += entry.Amount;
            Assert.Equal(running, entry.BalanceAfter);
        }
        await using var db = w.App.NewDbContext();
        Assert.Equal(1,
            await db.CustomerBalances.CountAsync(b => b.SupplierAccountId == w.SupplierId && b.DistributorAccountId == w.DistributorId));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_confirmed_receipt_racing_a_void_ends_one_way_only(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("CV-1", 20.00m);
        var distributor = w.App.Client(Trust.KeyOf(w.Distributor));
        var supplier = w.App.Client(Trust.KeyOf(w.Supplier));

        // 160.00 shipped, 120.00 paid: each refund settles what is still unsettled first.
        async Task<string> PaidOrder()
        {
            var id = await w.ShippedOrder((sku, 8));
            (await w.Supplier.Post($"/api/v1/distribution-orders/{id}/payments", new { amount = 120.00m, method = "BankTransfer" })).Ok();
            return id;
        }

        // One round: exactly one of the two wins, and the refund, the supplier return, the after-sales order and the
        // order's settlement ledger all agree with it.
        async Task<string> Round(string order, Sending sending)
        {
            var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(order, (sku, 2));
            (await w.StockIn(supplierReturnId, ("CV-1", 2, "Good"))).Ok();
            var refund = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Id;

            var (confirm, voided) = await Send(sending,
                () => distributor.Post($"/api/v1/after-sales-refunds/{refund}/confirm-receipt"),
                () => supplier.Post($"/api/v1/supplier/refund-orders/{refund}/void"));

            Assert.True(confirm.IsSuccess() ^ voided.IsSuccess(),
                $"confirm {(int)confirm.Status}, void {(int)voided.Status}: exactly one may win");
            Assert.All(new[] { confirm, voided }.Where(r => !r.IsSuccess()), r => r.AssertConflict("state.not_allowed", "conflict"));
            var status = (await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refund}")).Ok().Str("status");
            var atSupplier = (await w.Supplier.Get($"/api/v1/supplier/return-stock-ins/{supplierReturnId}")).Ok();
            var afterSales = (await w.Distributor.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Ok();
            string outcome;
            if (confirm.IsSuccess())
            {
                outcome = "Completed";
                Assert.Equal("Completed", status);
                Assert.Equal("Completed", atSupplier.Str("status"));
                Assert.Equal("Completed", afterSales.Str("status"));
            }
            else
            {
                outcome = "Voided";
                Assert.Equal("Voided", status);
                Assert.Equal("ReceivedReturn", atSupplier.Str("status"));
                Assert.Null(atSupplier.Json?["refundOrderId"]);
                Assert.Equal("ReceivedReturn", afterSales.Str("status"));
            }
            // The settlement ledger of the order agrees with its settled amount, whichever side won.
            var after = (await w.Supplier.Get($"/api/v1/distribution-orders/{order}")).Ok();
            var settlements = (await w.Supplier.Get($"/api/v1/distribution-orders/{order}/settlements")).Ok().Items;
            Assert.Equal(after.Dec("settledAmount"), settlements.Sum(x => x.D("amount")));
            Assert.InRange(after.Dec("settledAmount"), 120.00m, 160.00m);
            return outcome;
        }

        var raced = await PaidOrder();
        for (var round = 0; round < 4; round++) await Round(raced, Sending.AtOnce);

        // Both ends are reachable and each is checked as above: a receipt confirmed first completes, a void first voids.
        var sequenced = await PaidOrder();
        Assert.Equal("Completed", await Round(sequenced, Sending.FirstThenSecond));
        Assert.Equal("Voided", await Round(sequenced, Sending.SecondThenFirst));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_applications_to_one_supplier_make_one_open_partnership(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (_, supplierId) = await World.SignUpAsync(app, "Sought");
        var (distributor, _) = await World.SignUpAsync(app, "Eager");
        var clients = Trust.Clients(app, distributor, 6);

        var replies = await Trust.AtOnce(Each(clients, (c, _) => c.Post("/api/v1/partnerships", new { supplierAccountId = supplierId })));

        var won = Assert.Single(replies, r => r.IsSuccess());
        Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("conflict"));
        Assert.Equal(won.Id, Assert.Single((await distributor.Get("/api/v1/partnerships")).Ok().Items).S("id"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_imports_of_one_marketplace_order_record_it_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("MO-1", 20.00m);
        var clients = Trust.Clients(w.App, w.Distributor, 6);
        var orderNo = $"SO-{Guid.NewGuid():N}";

        var replies = await Trust.AtOnce(Each(clients, (c, _) => c.Post("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId,
            warehouseId = w.OwnWarehouseId,
            platform = "Shopee",
            shopId = "shop-1",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = sku, quantity = 1 } },
        })));

        var won = Assert.Single(replies, r => r.IsSuccess());
        Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("conflict"));
        var orders = (await Trust.AllItems(w.Distributor, "/api/v1/distribution-orders")).Where(o => o.S("marketplaceOrderNo") == orderNo)
            .ToList();
        Assert.Equal(won.Id, Assert.Single(orders).S("id"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_shipments_of_one_order_lower_stock_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("SH-1", 20.00m, stock: 50);
        var clients = Trust.Clients(w.App, w.Supplier, 4);
        var onHand = 50;

        for (var round = 0; round < 3; round++)
        {
            var order = (await w.CreateOrder((sku, 3))).Ok().Id;

            var replies = await Trust.AtOnce(Each(clients, (c, _) => c.Post($"/api/v1/distribution-orders/{order}/ship", new { })));

            Assert.Equal("Shipped", Assert.Single(replies, r => r.IsSuccess()).Str("status"));
            Assert.All(replies.Where(r => !r.IsSuccess()), r => r.AssertConflict("state.not_allowed", "conflict"));
            onHand -= 3;
            Assert.Equal(onHand,
                Assert.Single((await w.Supplier.Get($"/api/v1/inventory?warehouseId={w.OwnWarehouseId}&skuCode=SH-1")).Ok().Items)
                    .I("onHand"));
            Assert.Equal(-3, Assert.Single(await MovementsOf(w, "SH-1", order)).I("quantity"));
            await AssertStockIsTheSumOfItsMovements(w, "SH-1");
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_shipments_of_different_orders_never_take_stock_below_zero(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("SH-2", 20.00m, stock: 5);
        var orders = new List<string>();
        for (var i = 0; i < 6; i++) orders.Add((await w.CreateOrder((sku, 2))).Ok().Id);
        var clients = Trust.Clients(w.App, w.Supplier, orders.Count);

        // 6 × 2 asked of 5 in stock: two shipments at most.
        var replies = await Trust.AtOnce(Each(clients, (c, i) => c.Post($"/api/v1/distribution-orders/{orders[i]}/ship", new { })));

        var shipped = replies.Count(r => r.IsSuccess());
        Assert.InRange(shipped, 1, 2);
        Assert.All(replies.Where(r => !r.IsSuccess()), r =>
            r.AssertProblemOneOf((HttpStatusCode.UnprocessableEntity, "stock.insufficient"), (HttpStatusCode.Conflict, "conflict")));
        Assert.Equal(5 - 2 * shipped, Assert.Single((await w.Supplier.Get("/api/v1/inventory?skuCode=SH-2")).Ok().Items).I("onHand"));
        for (var i = 0; i < orders.Count; i++)
            Assert.Equal(replies[i].IsSuccess() ? "Shipped" : "Created",
                (await w.Distributor.Get($"/api/v1/distribution-orders/{orders[i]}")).Ok().Str("status"));
        await AssertStockIsTheSumOfItsMovements(w, "SH-2");
    }
}
