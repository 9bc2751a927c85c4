using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.StoreOrders;

namespace ReturnLoop.Tests;

/// <summary>domain.md, "Regular after-sales (the seller's own stock)": store orders, returnable quantities, the seller's own
/// Return &amp; Stock-in and its transitions.</summary>
public class RegularAfterSalesTests
{
    private const string Seller = A.Distributor;

    private static StoreOrder Order() =>
        StoreOrder.Record(Seller, Platform.Shopee, " shop-1 ", " SP-100 ", "wh-own",
            [new StoreOrderLine("TEE", 3, 29.90m), new StoreOrderLine("CAP", 1, 15m)], A.Shipped, A.Now);

    private static Warehouse SellerWarehouse(WarehouseKind kind) => Warehouse.Create(Seller, "W", "W", kind, A.PartnershipStart);

    private static (AfterSalesOrder AfterSales, ReturnStockIn Return) Approved(params (string Sku, int Quantity)[] lines)
    {
        var aso = AfterSalesOrder.CreateManual(Order(), [], AfterSalesType.ReturnAndRefund, "wrong size",
            lines.Select(l => new AfterSalesLine(l.Sku, l.Quantity)), A.Now);
        aso.Approve(A.Now);
        var ret = ReturnStockIn.Open(aso, A.Now);
        aso.AttachReturnStockIn(ret.Id);
        return (aso, ret);
    }

    [Fact]
    public void A_store_order_is_trimmed_and_refuses_what_cannot_have_shipped()
    {
        var order = Order();
        Assert.Equal(("shop-1", "SP-100", 3, 0), (order.ShopId, order.MarketplaceOrderNo, order.ShippedQuantityOf("TEE"),
            order.ShippedQuantityOf("NOPE")));

        Assert.Equal("validation.failed",
            A.Error(() => StoreOrder.Record(Seller, Platform.Manual, null, "X", "wh", [], A.Now, A.Now)).Code);
        Assert.Equal("validation.failed", A.Error(() => StoreOrder.Record(Seller, Platform.Manual, null, "X", "wh",
            [new StoreOrderLine("TEE", 1, 1m)], A.Now.AddSeconds(1), A.Now)).Code);
        Assert.Equal("validation.failed", A.Error(() => StoreOrder.Record(Seller, Platform.Manual, null, "X", "wh",
            [new StoreOrderLine("TEE", 0, 1m)], A.Now, A.Now)).Code);
    }

    [Fact]
    public void A_regular_after_sales_order_has_no_supplier_and_ships_from_the_store_orders_warehouse()
    {
        var order = Order();
        var aso = AfterSalesOrder.Create(order, Platform.Shopee, AfterSalesType.ReturnAndRefund, null, [new AfterSalesLine("TEE", 1)],
            A.Now, shopId: "shop-1", platformReturnId: "R-1");

        Assert.True(aso.IsRegular);
        Assert.Null(aso.SupplierAccountId);
        Assert.Null(aso.DistributionOrderId);
        Assert.Equal((order.Id, "wh-own", "SP-100", Seller), (aso.StoreOrderId, aso.ShippingWarehouseId, aso.MarketplaceOrderNo,
            aso.DistributorAccountId));
        Assert.Equal(AfterSalesStatus.ToConfirm, aso.Status);
    }

    [Fact]
    public void Returnable_of_a_store_order_is_shipped_minus_earlier_after_sales()
    {
        var order = Order();
        AfterSalesLine[] earlier = [new("TEE", 2)];
        Assert.Equal(1, Returnable.QuantityOf(order, "TEE", earlier));
        Assert.Equal(0, Returnable.QuantityOf(order, "NOPE", earlier));

        var ok = AfterSalesOrder.CreateManual(order, earlier, AfterSalesType.RefundOnly, null, [new AfterSalesLine("TEE", 1)], A.Now);
        Assert.Equal(1, ok.Lines.Single().Quantity);
        var error = A.Error(() => AfterSalesOrder.CreateManual(order, earlier, AfterSalesType.ReturnAndRefund, null,
            [new AfterSalesLine("TEE", 2)], A.Now));
        Assert.Equal((Returnable.QuantityExceedsShipped, 422), (error.Code, error.Status));
    }

    [Fact]
    public void Stock_in_to_a_3pl_warehouse_splits_good_and_damaged_and_completes_the_after_sales_order()
    {
        var (aso, ret) = Approved(("TEE", 2), ("CAP", 1));
        Assert.Equal(ReturnStockInStatus.PendingStockIn, ret.Status);
        Assert.Equal([("CAP", 1), ("TEE", 2)], ret.Lines.Select(l => (l.SkuCode, l.ExpectedQuantity)).Order().ToList());

        var received = ret.StockIn(SellerWarehouse(WarehouseKind.ThirdParty),
            [new("TEE", 1, ItemCondition.Good), new("TEE", 1, ItemCondition.Damaged), new("CAP", 0, ItemCondition.Good)], A.Now);
        aso.MarkReceivedAndCompleted(A.Now);

        Assert.Equal([new ReturnedUnits("TEE", 1, 1)], received);
        Assert.Equal(ReturnStockInStatus.ReceivedReturn, ret.Status);
        var tee = ret.Lines.Single(l => l.SkuCode == "TEE");
        Assert.Equal((2, 1), (tee.ReceivedQuantity, tee.DamagedQuantity));
        Assert.Equal(AfterSalesStatus.Completed, aso.Status);
        Assert.Equal("state.not_allowed", A.Error(() => ret.StockIn(SellerWarehouse(WarehouseKind.Own), [], A.Now)).Code);
        Assert.False(ret.CanCancel);
    }

    [Fact]
    public void Stock_in_refuses_more_than_expected_an_unknown_sku_and_another_accounts_warehouse()
    {
        var (_, ret) = Approved(("TEE", 2));
        var own = SellerWarehouse(WarehouseKind.Own);

        Assert.Equal(ReturnStockIn.QuantityExceedsExpected,
            A.Error(() => ret.StockIn(own, [new("TEE", 2, ItemCondition.Good), new("TEE", 1, ItemCondition.Damaged)], A.Now)).Code);
        Assert.Equal(ReturnStockIn.QuantityExceedsExpected,
            A.Error(() => ret.StockIn(own, [new("CAP", 1, ItemCondition.Good)], A.Now)).Code);
        Assert.Equal("not_found", A.Error(() => ret.StockIn(A.OwnWarehouse(), [new("TEE", 1, ItemCondition.Good)], A.Now)).Code);
        Assert.Equal(ReturnStockInStatus.PendingStockIn, ret.Status);
    }

    [Fact]
    public void A_pending_return_stock_in_is_cancelled_once()
    {
        var (_, ret) = Approved(("TEE", 1));
        ret.Cancel(A.Now);
        Assert.Equal(ReturnStockInStatus.Cancelled, ret.Status);
        Assert.Equal("state.not_allowed", A.Error(() => ret.Cancel(A.Now)).Code);
        Assert.Equal("state.not_allowed",
            A.Error(() => ret.StockIn(SellerWarehouse(WarehouseKind.Own), [new("TEE", 1, ItemCondition.Good)], A.Now)).Code);
    }

    [Fact]
    public void Only_a_regular_order_that_brings_goods_back_opens_one()
    {
        var refundOnly = AfterSalesOrder.CreateManual(Order(), [], AfterSalesType.RefundOnly, null, [new AfterSalesLine("TEE", 1)], A.Now);
        Assert.Throws<InvalidOperationException>(() => ReturnStockIn.Open(refundOnly, A.Now));
        Assert.Throws<InvalidOperationException>(() => ReturnStockIn.Open(A.Return(A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build(),
            ("TS-RED", 1)), A.Now));
    }
}
