using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Audit;

/// <summary>
/// issue 10, item 7: the database itself refuses what no code path may do — an orphan in the loop (a row whose parent is
/// gone or never was) or a negative stock, amount or balance — whatever writes it: a bug, a script, a future worker.
/// </summary>
public sealed class IntegrityTests
{
    private const string Nowhere = "ffffffffffffffffffffffffffffffff";

    private sealed record Loop(World W, string ShippedOrderId, string AfterSalesId, string ReturnId, string SupplierReturnId,
        string RefundId);

    private static async Task<Loop> LoopAsync(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var code = $"IN{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var merchant = await w.Product(code, 25.00m, stock: 10);
        var shipped = await w.ShippedOrder((merchant, 2));
        var (afterSalesId, returnId, supplierReturnId) = await w.PushedReturn(shipped, (merchant, 1));
        (await w.StockIn(supplierReturnId, (code, 1, "Good"))).Ok();
        var refundId = (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok().Id;
        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 50.00m, note = "opening" }))
            .Ok();
        return new Loop(w, shipped, afterSalesId, returnId, supplierReturnId, refundId);
    }

    private static async Task Refused(AppFactory app, string sql, params object[] parameters)
    {
        await using var db = app.NewDbContext();
        var e = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql, parameters));
        Assert.NotNull(e);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Raw_sql_that_would_orphan_a_row_of_the_loop_is_refused(DatabaseProvider provider)
    {
        var l = await LoopAsync(provider);
        var app = l.W.App;

        // A child pointed at a parent that does not exist.
        await Refused(app, "UPDATE \"DistributionReturns\" SET \"AfterSalesOrderId\" = {0} WHERE \"Id\" = {1}", Nowhere, l.ReturnId);
        await Refused(app, "UPDATE \"SupplierReturns\" SET \"DistributionReturnId\" = {0} WHERE \"Id\" = {1}", Nowhere, l.SupplierReturnId);
        await Refused(app, "UPDATE \"RefundOrders\" SET \"SupplierReturnId\" = {0} WHERE \"Id\" = {1}", Nowhere, l.RefundId);
        await Refused(app, "UPDATE \"AfterSalesOrders\" SET \"DistributionOrderId\" = {0} WHERE \"Id\" = {1}", Nowhere, l.AfterSalesId);
        await Refused(app, "UPDATE \"StockMovements\" SET \"SkuCode\" = 'NO-SUCH-SKU' WHERE \"WarehouseId\" = {0}", l.W.OwnWarehouseId);
        await Refused(app, "UPDATE \"BalanceLedger\" SET \"DistributorAccountId\" = {0} WHERE \"SupplierAccountId\" = {1}",
            Nowhere, l.W.SupplierId);
        await Refused(app, "UPDATE \"TimelineEntries\" SET \"AfterSalesOrderId\" = {0} WHERE \"AfterSalesOrderId\" = {1}",
            Nowhere, l.AfterSalesId);
        // A parent deleted under its children.
        await Refused(app, "DELETE FROM \"AfterSalesOrders\" WHERE \"Id\" = {0}", l.AfterSalesId);
        await Refused(app, "DELETE FROM \"SupplierReturns\" WHERE \"Id\" = {0}", l.SupplierReturnId);
        await Refused(app, "DELETE FROM \"DistributionOrders\" WHERE \"Id\" = {0}", l.ShippedOrderId);
        await Refused(app, "DELETE FROM \"StockLevels\" WHERE \"WarehouseId\" = {0}", l.W.OwnWarehouseId);
        await Refused(app, "DELETE FROM \"Warehouses\" WHERE \"Id\" = {0}", l.W.OwnWarehouseId);

        // Nothing was changed by the refused statements.
        (await l.W.AfterSales(l.AfterSalesId)).Ok();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Raw_sql_that_would_make_stock_or_money_negative_is_refused(DatabaseProvider provider)
    {
        var l = await LoopAsync(provider);
        var app = l.W.App;

        await Refused(app, "UPDATE \"StockLevels\" SET \"OnHand\" = -1 WHERE \"WarehouseId\" = {0}", l.W.OwnWarehouseId);
        await Refused(app, "UPDATE \"StockMovements\" SET \"QuantityAfter\" = -1 WHERE \"WarehouseId\" = {0}", l.W.OwnWarehouseId);
        await Refused(app, "UPDATE \"RefundOrders\" SET \"RefundableAmount\" = -100 WHERE \"Id\" = {0}", l.RefundId);
        await Refused(app, "UPDATE \"RefundOrders\" SET \"ReturnAmount\" = -100 WHERE \"Id\" = {0}", l.RefundId);
        await Refused(app, "UPDATE \"SupplierReturns\" SET \"OrderStockOutAmount\" = -100 WHERE \"Id\" = {0}", l.SupplierReturnId);
        await Refused(app, "UPDATE \"DistributionOrders\" SET \"StockOutAmount\" = -100 WHERE \"Id\" = {0}", l.ShippedOrderId);
        await Refused(app, "UPDATE \"BalanceLedger\" SET \"BalanceAfter\" = -100 WHERE \"SupplierAccountId\" = {0}", l.W.SupplierId);
        await Refused(app, "UPDATE \"Accounts\" SET \"ReturnHandlingFee\" = -100 WHERE \"Id\" = {0}", l.W.SupplierId);
    }
}
