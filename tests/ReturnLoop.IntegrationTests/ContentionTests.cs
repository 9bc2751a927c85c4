using System.Net;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Infrastructure;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Independent returns of one hot SKU into one warehouse, and independent refunds into one customer balance, do not
/// truly conflict: each waits its turn on the shared row instead of losing an optimistic race. Every request succeeds
/// (no 409) and the totals equal the sums of their ledgers.
/// </summary>
public sealed class ContentionTests
{
    private const int Parallel = 32;
    private const decimal Price = 10.00m;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Parallel_stock_ins_of_one_sku_and_balance_refunds_all_succeed_and_add_up(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("HOT", Price, stock: 1000);
        var supplierReturns = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            var orderId = await w.ShippedOrder((sku, 1));
            (await w.Pay(orderId, Price, "BankTransfer")).Ok();
            return (await w.PushedReturn(orderId, (sku, 1))).SupplierReturnId;
        }));

        var stockIns = await Task.WhenAll(supplierReturns.Select(id => w.StockIn(id, ("HOT", 1, "Good"))));
        Assert.All(stockIns, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal((1000, 0), await w.Stock("HOT"));

        var refunds = await Task.WhenAll(supplierReturns.Select(id => w.CreateRefund(id, "CustomerBalance")));
        Assert.All(refunds, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.All(refunds, r => Assert.Equal(Price, r.Dec("refundableAmount")));

        Assert.Equal(Parallel * Price, await w.Balance());
        await using var db = w.App.NewDbContext();
        var ledger = await db.BalanceLedger.AsNoTracking()
            .Where(e => e.SupplierAccountId == w.SupplierId && e.DistributorAccountId == w.DistributorId).ToListAsync();
        Assert.Equal(Parallel, ledger.Count);
        Assert.Equal(Parallel * Price, ledger.Sum(e => e.Amount));
        Assert.Equal(Parallel * Price, ledger.Max(e => e.BalanceAfter));

        var movements = await db.StockMovements.AsNoTracking()
            .Where(m => m.WarehouseId == w.OwnWarehouseId && m.SkuCode == "HOT").ToListAsync();
        Assert.Equal(1000, movements.Sum(m => m.Quantity));
        Assert.Equal(Parallel, movements.Count(m => m.Reason == StockMovementReason.ReturnStockIn));
        // Each movement was made holding the row: in the order they were written, every one starts where the last ended.
        var running = 0;
        foreach (var m in movements.Where(m => m.Bucket == StockBucket.Sellable).OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            running += m.Quantity;
            Assert.Equal(running, m.QuantityAfter);
        }
    }

    /// <summary>
    /// Whole loops at once, every one on the same SKU and warehouse and the same customer balance (the peak-sale load of
    /// issue 9): create → approve → push → stock-in → refund. None answers 409; stock, balance and their ledgers add up.
    /// </summary>
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Parallel_whole_loops_on_one_hot_sku_all_succeed_and_add_up(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("HOT", Price, stock: 1000);
        var orders = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            var orderId = await w.ShippedOrder((sku, 1));
            (await w.Pay(orderId, Price, "BankTransfer")).Ok();
            return orderId;
        }));

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task<Reply> Step(string what, Func<Task<Reply>> call)
        {
            var reply = await call();
            if ((int)reply.Status >= 300) failures.Add($"{what}: {(int)reply.Status} {reply.Json?.ToJsonString()}");
            return reply;
        }
        await Task.WhenAll(orders.Select(async orderId =>
        {
            var created = await Step("create", () => w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1)));
            if (failures.Count > 0) return;
            var approved = await Step("approve", () => w.Approve(created.Id));
            if (failures.Count > 0) return;
            var pushed = await Step("push", () => w.Push(approved["distributionReturn"]["id"]!.GetValue<string>()));
            if (failures.Count > 0) return;
            var supplierReturnId = pushed.Str("supplierReturnId");
            await Step("stock-in", () => w.StockIn(supplierReturnId, ("HOT", 1, "Good")));
            await Step("refund", () => w.CreateRefund(supplierReturnId, "CustomerBalance"));
        }));
        Assert.Empty(failures);

        Assert.Equal((1000, 0), await w.Stock("HOT"));
        Assert.Equal(Parallel * Price, await w.Balance());
        await using var db = w.App.NewDbContext();
        var ledger = await db.BalanceLedger.AsNoTracking()
            .Where(e => e.SupplierAccountId == w.SupplierId && e.DistributorAccountId == w.DistributorId).ToListAsync();
        Assert.Equal(Parallel, ledger.Count);
        Assert.Equal(Parallel * Price, ledger.Sum(e => e.Amount));
        var movements = await db.StockMovements.AsNoTracking()
            .Where(m => m.WarehouseId == w.OwnWarehouseId && m.SkuCode == "HOT").ToListAsync();
        Assert.Equal(1000, movements.Sum(m => m.Quantity));
        Assert.Equal(Parallel, movements.Count(m => m.Reason == StockMovementReason.ReturnStockIn));
        Assert.Equal(Parallel, await db.RefundOrders.CountAsync(r => r.SupplierAccountId == w.SupplierId));
    }

    /// <summary>
    /// SQLite has one writer per database: a use case reads and decides beside it and queues only for its save. While
    /// another writer holds the database, a refusal (approving an approved order) answers at once, and a change waits for
    /// the writer to let go, then lands.
    /// </summary>
    [Fact]
    public async Task On_sqlite_a_use_case_waits_for_the_writer_only_to_write()
    {
        var w = await World.CreateAsync(DatabaseProvider.Sqlite);
        var sku = await w.Product("HOT", Price, stock: 10);
        var (approved, _) = await w.ApprovedReturn(await w.ShippedOrder((sku, 1)), (sku, 1));
        var toApprove = (await w.CreateAfterSales(await w.ShippedOrder((sku, 1)), "ReturnAndRefund", (sku, 1))).Ok().Id;

        await using var holder = w.App.NewDbContext();
        var writer = new Concurrency.DeferredWriter(holder);
        await writer.BeginAsync(default);
        try
        {
            (await w.Distributor.Post($"/api/v1/after-sales-orders/{approved}/approve").WaitAsync(TimeSpan.FromSeconds(10)))
                .Problem(HttpStatusCode.Conflict, "state.not_allowed");
            var approving = w.Distributor.Post($"/api/v1/after-sales-orders/{toApprove}/approve");
            await Task.Delay(300);
            Assert.False(approving.IsCompleted);
            await writer.DisposeAsync();
            (await approving.WaitAsync(TimeSpan.FromSeconds(10))).Ok();
        }
        finally
        {
            await writer.DisposeAsync();
        }
        Assert.Equal("ConfirmReturn", (await w.AfterSales(toApprove)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_refused_change_leaves_no_row_behind_with_or_without_an_idempotency_key(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.Sku("NEW", Price, stock: 0);
        // Taking stock out of a warehouse that never held the SKU: the row is created to be locked, then refused.
        foreach (var key in new[] { null, Guid.NewGuid().ToString() })
        {
            var body = new { warehouseId = w.ThirdPartyWarehouseId, skuCode = "NEW", quantity = -5, reason = "count" };
            (await w.Supplier.Post("/api/v1/inventory/adjustments", body, idempotencyKey: key))
                .Problem(HttpStatusCode.UnprocessableEntity, "stock.insufficient");
        }
        await using var db = w.App.NewDbContext();
        Assert.False(await db.StockLevels.AnyAsync(s => s.WarehouseId == w.ThirdPartyWarehouseId));
        Assert.False(await db.StockMovements.AnyAsync(m => m.WarehouseId == w.ThirdPartyWarehouseId));
    }
}
