namespace ReturnLoop.Tests;

/// <summary>domain.md, "Distribution orders": Created → Shipped (or Cancelled), prices frozen at shipment, payments settle it.</summary>
public class DistributionOrderTests
{
    [Fact]
    public void New_order_is_created_and_not_yet_priced()
    {
        var order = A.Order().WithLine("TS-RED", 3, 45.00m).Build();

        Assert.Equal(DistributionOrderStatus.Created, order.Status);
        Assert.Equal(A.OrderCreated, order.CreatedAt);
        Assert.Null(order.ShippedAt);
        Assert.Null(order.Lines[0].UnitPriceAtShipment);
        Assert.Equal(0m, order.StockOutAmount);
        Assert.Equal(0, order.ShippedQuantityOf("TS-RED"));
    }

    [Fact]
    public void Order_needs_at_least_one_line()
    {
        var error = A.Error(() =>
            DistributionOrder.Create(A.Distributor, A.Supplier, "MYR", A.WarehouseId, Platform.Manual, null, null, [], A.OrderCreated,
                A.OrderCreated));

        Assert.Equal("validation.failed", error.Code);
    }

    [Fact]
    public void Combo_line_ships_quantity_times_component_quantity()
    {
        var order = A.Order().WithCombo("SET-SUMMER", 2, ("TS-RED", 1, 45.00m), ("CAP-BLK", 3, 12.50m)).Build();

        Assert.Equal([("TS-RED", 2, 2), ("CAP-BLK", 2, 6)], order.Lines.Select(l => (l.SupplierSkuCode, l.MerchantQuantity, l.Quantity)));
    }

    [Fact]
    public void Shipping_freezes_unit_prices_and_fee_and_stock_out_amount_is_their_sum()
    {
        var order = A.Order().WithLine("TS-RED", 3, 45.00m).WithCombo("SET-SUMMER", 2, ("CAP-BLK", 2, 12.50m), ("SOCK-WHT", 1, 6.00m))
            .Build();
        var prices = new Dictionary<string, decimal> { ["TS-RED"] = 45.00m, ["CAP-BLK"] = 12.50m, ["SOCK-WHT"] = 6.00m };

        order.Ship(prices, distributionFee: 8.00m, A.Shipped);

        Assert.Equal(DistributionOrderStatus.Shipped, order.Status);
        Assert.Equal(A.Shipped, order.ShippedAt);
        Assert.Equal(8.00m, order.DistributionFee);
        Assert.Equal([45.00m, 12.50m, 6.00m], order.Lines.Select(l => l.UnitPriceAtShipment!.Value));
        Assert.Equal(3 * 45.00m + 4 * 12.50m + 2 * 6.00m + 8.00m, order.StockOutAmount);   // 205.00
        Assert.Equal(205.00m, order.UnsettledAmount);
        Assert.Equal(3, order.ShippedQuantityOf("TS-RED"));
        Assert.Equal(2, order.ShippedQuantityOf("SET-SUMMER"));
    }

    [Fact]
    public void Unit_price_at_shipment_does_not_follow_later_changes_of_the_distribution_price()
    {
        var sku = SupplierSku.Create(A.Supplier, "TS-RED", "T-shirt red", costPrice: 20.00m, distributionPrice: 45.00m, A.OrderCreated);
        var order = A.Order().WithLine("TS-RED", 3, 0m).Build();
        order.Ship(new Dictionary<string, decimal> { [sku.Code] = sku.DistributionPrice }, 0m, A.Shipped);

        sku.Update("T-shirt red", costPrice: 22.00m, distributionPrice: 60.00m);

        Assert.Equal(45.00m, order.Lines[0].UnitPriceAtShipment);
        Assert.Equal(135.00m, order.StockOutAmount);
    }

    [Fact]
    public void Shipping_before_the_order_was_created_is_refused()
    {
        var order = A.Order().WithLine("TS-RED", 1, 45.00m).Build();

        var error = A.Error(() => order.Ship(new Dictionary<string, decimal> { ["TS-RED"] = 45.00m }, 0m, A.OrderCreated.AddTicks(-1)));

        Assert.Equal(("validation.failed", 400), (error.Code, error.Status));
        Assert.True(error.Errors!.ContainsKey("shippedAt"));
        Assert.Equal(DistributionOrderStatus.Created, order.Status);
        Assert.Null(order.ShippedAt);
    }

    [Fact]
    public void Shipping_at_the_instant_the_order_was_created_is_allowed()
    {
        var order = A.Order().WithLine("TS-RED", 1, 45.00m).ShippedAt(A.OrderCreated).Build();

        Assert.Equal(A.OrderCreated, order.ShippedAt);
    }

    [Fact]
    public void Shipped_order_cannot_be_shipped_again_nor_cancelled()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 1, 45.00m).Build();

        var ship = A.Error(() => order.Ship(new Dictionary<string, decimal> { ["TS-RED"] = 50.00m }, 0m, A.Now));
        var cancel = A.Error(() => order.Cancel(A.Now));

        Assert.Equal(("state.not_allowed", 409), (ship.Code, ship.Status));
        Assert.Equal(("state.not_allowed", 409), (cancel.Code, cancel.Status));
        Assert.Equal(DistributionOrderStatus.Shipped, order.Status);
        Assert.Equal(45.00m, order.Lines[0].UnitPriceAtShipment);
    }

    [Fact]
    public void Created_order_can_be_cancelled_and_then_neither_shipped_nor_cancelled_again()
    {
        var order = A.Order().WithLine("TS-RED", 1, 45.00m).Build();

        order.Cancel(A.Now);

        Assert.Equal(DistributionOrderStatus.Cancelled, order.Status);
        Assert.Equal(A.Now, order.CancelledAt);
        Assert.Equal("state.not_allowed", A.Error(() => order.Ship(new Dictionary<string, decimal> { ["TS-RED"] = 45.00m }, 0m, A.Now))
            .Code);
        Assert.Equal("state.not_allowed", A.Error(() => order.Cancel(A.Now)).Code);
    }

    [Fact]
    public void Unshipped_order_cannot_be_paid()
    {
        var order = A.Order().WithLine("TS-RED", 1, 45.00m).Build();

        var error = A.Error(() => order.RecordPayment(10.00m, PaymentMethod.BankTransfer, null, A.Now));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.Equal(0m, order.SettledAmount);
    }

    [Fact]
    public void Payment_above_the_unsettled_amount_is_refused()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Paid(100.00m).Build();

        var error = A.Error(() => order.RecordPayment(35.01m, PaymentMethod.BankTransfer, null, A.Now));

        Assert.Equal(("payment.exceeds_unsettled", 422), (error.Code, error.Status));
        Assert.Equal(35.00m, order.UnsettledAmount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Payment_must_be_above_zero(decimal amount)
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();

        Assert.Equal("validation.failed", A.Error(() => order.RecordPayment(amount, PaymentMethod.BankTransfer, null, A.Now)).Code);
        Assert.Equal(135.00m, order.UnsettledAmount);
    }

    [Fact]
    public void Unsettled_is_stock_out_amount_less_the_settlement_ledger()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).WithFee(5.00m).Build();

        var first = order.RecordPayment(100.00m, PaymentMethod.CustomerBalance, "ledger-1", A.Now);
        var second = order.RecordPayment(40.00m, PaymentMethod.BankTransfer, "TT-2", A.Now.AddHours(1));

        Assert.Equal((SettlementType.Payment, 100.00m, 100.00m, PaymentMethod.CustomerBalance, "ledger-1"),
            (first.Type, first.Amount, first.SettledAfter, first.Method, first.Reference));
        Assert.Equal((SettlementType.Payment, 40.00m, 140.00m, PaymentMethod.BankTransfer, "TT-2"),
            (second.Type, second.Amount, second.SettledAfter, second.Method, second.Reference));
        Assert.Equal((order.Id, A.Supplier, A.Distributor),
            (second.DistributionOrderId, second.SupplierAccountId, second.DistributorAccountId));
        Assert.Equal(140.00m, order.SettledAmount);
        Assert.Equal(0m, order.UnsettledAmount);   // 3 × 45.00 + 5.00 fee = 140.00, all paid
    }

    [Fact]
    public void Refund_deduction_settles_and_its_reversal_gives_back_on_the_ledger()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Paid(100.00m).Build();

        var deduction = order.SettleByRefund(35.00m, "refund-1", A.Now);
        var reversal = order.ReverseRefundSettlement(35.00m, "refund-1", A.Now.AddHours(1));

        Assert.Equal((SettlementType.RefundDeduction, 35.00m, 135.00m, "refund-1"),
            (deduction.Type, deduction.Amount, deduction.SettledAfter, deduction.Reference));
        Assert.Equal((SettlementType.RefundDeductionReversed, -35.00m, 100.00m, "refund-1"),
            (reversal.Type, reversal.Amount, reversal.SettledAfter, reversal.Reference));
        Assert.Null(deduction.Method);
        Assert.Equal(35.00m, order.UnsettledAmount);
    }

    [Fact]
    public void Refund_cannot_settle_more_than_is_unsettled()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Paid(100.00m).Build();

        Assert.Throws<InvalidOperationException>(() => order.SettleByRefund(35.01m, "refund-1", A.Now));
        Assert.Throws<InvalidOperationException>(() => order.ReverseRefundSettlement(100.01m, "refund-1", A.Now));
        Assert.Equal(100.00m, order.SettledAmount);
    }
}
