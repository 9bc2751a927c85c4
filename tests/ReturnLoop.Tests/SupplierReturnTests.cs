namespace ReturnLoop.Tests;

/// <summary>domain.md, "Supplier return (supplier side)": stock-in, the estimate, recall and the refund steps.</summary>
public class SupplierReturnTests
{
    private static readonly DateTimeOffset Later = A.Now.AddHours(4);

    /// <summary>3 × TS-RED at 45.00 and 2 sets of a combo (1 TS-RED + 2 CAP-BLK at 12.50); the request returns 2 singles and 1
    /// set.</summary>
    private static (DistributionOrder Order, AfterSalesOrder Request, SupplierReturn Return) Pushed()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).WithCombo("SET-SUMMER", 2, ("TS-RED", 1, 45.00m), ("CAP-BLK", 2, 12.50m))
            .Build();
        var request = A.Return(order, ("TS-RED", 2), ("SET-SUMMER", 1));
        return (order, request, A.Push(order, request).Supplier);
    }

    private static SupplierReturn InState(SupplierReturnStatus status)
    {
        var ret = Pushed().Return;
        switch (status)
        {
            case SupplierReturnStatus.ReceivedReturn: ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3)], A.Now); break;
            case SupplierReturnStatus.RefundProcessing: ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3)],
                A.Now); ret.AttachRefund("refund-1", completed: false, A.Now); break;
            case SupplierReturnStatus.Completed: ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3)], A.Now); ret.AttachRefund("refund-1",
                completed: true, A.Now); break;
            case SupplierReturnStatus.Recalled: ret.Recall(A.Now); break;
        }
        Assert.Equal(status, ret.Status);
        return ret;
    }

    [Fact]
    public void Push_creates_a_pending_return_and_refund_with_the_expected_lines()
    {
        var (order, request, ret) = Pushed();

        Assert.Equal(SupplierReturnStatus.PendingStockIn, ret.Status);
        Assert.Equal("ReturnAndRefund", SupplierReturn.ReturnType);
        Assert.Equal((A.Supplier, A.Distributor, request.Id, order.Id, "MYR", A.WarehouseId),
            (ret.SupplierAccountId, ret.DistributorAccountId, ret.AfterSalesOrderId, ret.DistributionOrderId, ret.Currency,
                ret.WarehouseId));
        Assert.False(ret.IsAbnormal);
        Assert.False(ret.NeedsAttention);
        Assert.Equal(
            [("TS-RED", "TS-RED", 2, 0), ("TS-RED", "SET-SUMMER", 1, 0), ("CAP-BLK", "SET-SUMMER", 2, 0)],
            ret.Lines.Select(l => (l.SupplierSkuCode, l.FromMerchantSkuCode, l.ExpectedQuantity, l.ReceivedQuantity)));
    }

    [Fact]
    public void Estimated_refund_is_never_below_zero()
    {
        var ret = Pushed().Return;   // 3 × 45.00 + 2 × 12.50 = 160.00

        Assert.Equal(160.00m, ret.EstimatedRefund(0m));
        Assert.Equal(0m, ret.EstimatedRefund(currentHandlingFee: 200.00m));
    }

    [Fact]
    public void Estimated_refund_uses_the_current_fee_until_a_refund_order_freezes_it()
    {
        var (order, request, ret) = Pushed();
        ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3), A.Good("CAP-BLK", 2)], A.Now);
        request.MarkReceived(A.Now);

        // No refund order yet: the current setting counts, and a fee a refund order once had does not.
        Assert.Equal(158.00m, ret.EstimatedRefund(currentHandlingFee: 2.00m));
        Assert.Equal(155.00m, ret.EstimatedRefund(currentHandlingFee: 5.00m, refundHandlingFee: 2.00m));

        var refund = RefundOrder.Create(ret, request, order, returnHandlingFee: 2.00m, exchangeAmount: 0m, RefundMethod.BankTransfer,
            A.Bank, A.Now);

        // The settings change to 9.00 afterwards: the estimate keeps the fee frozen on the refund order.
        Assert.Equal(158.00m, ret.EstimatedRefund(currentHandlingFee: 9.00m, refundHandlingFee: refund.ReturnHandlingFee));
    }

    [Fact]
    public void Abnormal_return_estimate_does_not_count_the_lines_but_the_whole_order()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 2, 50.00m).WithLine("CAP-BLK", 1, 12.00m).WithFee(8.00m).Build();
        var abnormal = A.AfterSales(order, AfterSalesType.AbnormalReturn, ("TS-RED", 2), ("CAP-BLK", 1));

        var ret = A.Push(order, abnormal).Supplier;

        Assert.True(ret.IsAbnormal);
        Assert.Equal(120.00m - 8.00m - 3.00m, ret.EstimatedRefund(3.00m));
    }

    [Fact]
    public void Once_stocked_in_the_estimate_counts_what_was_received_whatever_the_type()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 2, 50.00m).WithLine("CAP-BLK", 1, 12.00m).WithFee(8.00m).Build();
        var abnormal = A.AfterSales(order, AfterSalesType.AbnormalReturn, ("TS-RED", 2), ("CAP-BLK", 1));

        var ret = A.ReceivedReturn(order, abnormal, new StockInLine("TS-RED", 1, ItemCondition.Good),
            new StockInLine("CAP-BLK", 1, ItemCondition.Damaged));

        Assert.Equal(50.00m + 12.00m - 3.00m, ret.EstimatedRefund(3.00m));
        Assert.Equal(ret.ReturnAmount - 3.00m, ret.EstimatedRefund(3.00m));
    }

    [Fact]
    public void Stock_in_puts_good_and_damaged_units_of_a_sku_split_on_two_lines()
    {
        var ret = Pushed().Return;
        var warehouse = A.OwnWarehouse();

        var received = ret.StockIn(warehouse, [A.Good("TS-RED", 2), A.Damaged("TS-RED", 1), A.Good("CAP-BLK", 2)], Later);

        Assert.Equal([new ReceivedStock("TS-RED", 2, 1), new ReceivedStock("CAP-BLK", 2, 0)], received);
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, ret.Status);
        Assert.Equal((warehouse.Id, (DateTimeOffset?)Later), (ret.WarehouseId, ret.ReceivedAt));
    }

    [Fact]
    public void Received_quantity_counts_damaged_units_too()
    {
        var ret = Pushed().Return;

        ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 1), A.Damaged("TS-RED", 2), A.Damaged("CAP-BLK", 1)], Later);

        var red = ret.Lines.Where(l => l.SupplierSkuCode == "TS-RED").ToList();
        Assert.Equal(3, red.Sum(l => l.ReceivedQuantity));
        Assert.Equal(2, red.Sum(l => l.DamagedQuantity));
        var cap = Assert.Single(ret.Lines, l => l.SupplierSkuCode == "CAP-BLK");
        Assert.Equal((1, 1), (cap.ReceivedQuantity, cap.DamagedQuantity));
        Assert.All(ret.Lines, l => Assert.InRange(l.ReceivedQuantity, l.DamagedQuantity, l.ExpectedQuantity));
    }

    [Fact]
    public void Return_amount_is_received_quantity_at_unit_price_at_shipment_damaged_included()
    {
        var ret = Pushed().Return;

        ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 1), A.Damaged("TS-RED", 1), A.Good("CAP-BLK", 1)], Later);

        Assert.Equal(2 * 45.00m + 1 * 12.50m, ret.ReturnAmount);
        Assert.Equal(102.50m - 2.00m, ret.EstimatedRefund(2.00m));   // after stock-in the received quantities count
    }

    [Fact]
    public void Stock_in_of_nothing_is_allowed()
    {
        var ret = Pushed().Return;

        var received = ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 0), A.Damaged("CAP-BLK", 0)], Later);

        Assert.Empty(received);
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, ret.Status);
        Assert.All(ret.Lines, l => Assert.Equal(0, l.ReceivedQuantity));
        Assert.Equal(0m, ret.ReturnAmount);
    }

    [Fact]
    public void Stock_in_exactly_the_expected_quantity_is_allowed()
    {
        var ret = Pushed().Return;

        ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3), A.Good("CAP-BLK", 2)], Later);

        Assert.All(ret.Lines, l => Assert.Equal(l.ExpectedQuantity, l.ReceivedQuantity));
    }

    [Fact]
    public void Stock_in_above_the_expected_quantity_of_a_sku_is_refused()
    {
        var ret = Pushed().Return;   // TS-RED: 2 singles + 1 from the set = 3 expected

        var error = A.Error(() => ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3), A.Damaged("TS-RED", 1)], Later));

        Assert.Equal(("stock_in.quantity_exceeds_expected", 422), (error.Code, error.Status));
        Assert.Equal(SupplierReturnStatus.PendingStockIn, ret.Status);
        Assert.All(ret.Lines, l => Assert.Equal(0, l.ReceivedQuantity));
    }

    [Fact]
    public void Stock_in_of_a_sku_the_return_does_not_expect_is_refused()
    {
        var ret = Pushed().Return;

        Assert.Equal("stock_in.quantity_exceeds_expected", A.Error(() => ret.StockIn(A.OwnWarehouse(), [A.Good("SOCK-WHT", 1)], Later))
            .Code);
    }

    [Fact]
    public void Stock_in_with_a_negative_quantity_is_refused()
    {
        var ret = Pushed().Return;

        Assert.Equal("validation.failed",
            A.Error(() => ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3), A.Damaged("TS-RED", -1)], Later)).Code);
        Assert.Equal(SupplierReturnStatus.PendingStockIn, ret.Status);
    }

    [Fact]
    public void Stock_in_never_goes_to_a_third_party_warehouse()
    {
        var ret = Pushed().Return;

        var error = A.Error(() => ret.StockIn(A.ThirdPartyWarehouse(), [A.Good("TS-RED", 1)], Later));

        Assert.Equal(("stock_in.third_party_warehouse", 422), (error.Code, error.Status));
        Assert.Equal(SupplierReturnStatus.PendingStockIn, ret.Status);
    }

    [Fact]
    public void The_stock_in_checks_refuse_as_stock_in_does_and_change_nothing()
    {
        var ret = Pushed().Return;
        var lines = ret.Lines.Select(l => (l.ReceivedQuantity, l.DamagedQuantity)).ToList();
        IReadOnlyList<StockInLine> tooMany = [A.Good("TS-RED", 4)];

        // The bulk stock-in refuses a return with these checks and goes on with the others in the same unit of work.
        var refused = A.Error(() => ret.EnsureCanStockIn(A.OwnWarehouse(), tooMany));
        Assert.Equal("stock_in.quantity_exceeds_expected", refused.Code);
        Assert.Equal(refused.Code, A.Error(() => ret.StockIn(A.OwnWarehouse(), tooMany, Later)).Code);
        Assert.Equal("stock_in.third_party_warehouse", A.Error(() => ret.EnsureCanStockIn(A.ThirdPartyWarehouse(), [])).Code);
        Assert.Equal((SupplierReturnStatus.PendingStockIn, A.WarehouseId, (DateTimeOffset?)null),
            (ret.Status, ret.WarehouseId, ret.ReceivedAt));
        Assert.Equal(lines, ret.Lines.Select(l => (l.ReceivedQuantity, l.DamagedQuantity)));

        Assert.Equal([("TS-RED", 3, 0)], ret.EnsureCanStockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3)])
            .Select(r => (r.SupplierSkuCode, r.Good, r.Damaged)));
        ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 3)], Later);
        Assert.Equal("state.not_allowed", A.Error(() => ret.EnsureCanStockIn(A.OwnWarehouse(), [A.Good("TS-RED", 1)])).Code);
    }

    [Fact]
    public void Stock_in_to_another_accounts_or_a_closed_warehouse_is_not_found()
    {
        var ret = Pushed().Return;
        var someoneElses = Warehouse.Create("supplier-2", "WH-X", "Other", WarehouseKind.Own, A.OrderCreated);
        var closed = A.OwnWarehouse();
        closed.Close(A.Now);

        var notMine = A.Error(() => ret.StockIn(someoneElses, [A.Good("TS-RED", 1)], Later));
        var gone = A.Error(() => ret.StockIn(closed, [A.Good("TS-RED", 1)], Later));

        Assert.Equal(("not_found", 404), (notMine.Code, notMine.Status));
        Assert.Equal(("not_found", 404), (gone.Code, gone.Status));
        Assert.Equal(SupplierReturnStatus.PendingStockIn, ret.Status);
    }

    [Theory]
    [InlineData(SupplierReturnStatus.ReceivedReturn)]
    [InlineData(SupplierReturnStatus.RefundProcessing)]
    [InlineData(SupplierReturnStatus.Completed)]
    [InlineData(SupplierReturnStatus.Recalled)]
    public void Only_a_pending_return_can_be_stocked_in(SupplierReturnStatus status)
    {
        var ret = InState(status);

        var error = A.Error(() => ret.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 1)], Later));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.Equal(status, ret.Status);
    }

    [Fact]
    public void Pending_return_can_be_recalled()
    {
        var ret = InState(SupplierReturnStatus.PendingStockIn);

        ret.Recall(Later);

        Assert.Equal(SupplierReturnStatus.Recalled, ret.Status);
        Assert.Equal(Later, ret.RecalledAt);
        Assert.False(ret.CanStockIn);
    }

    [Theory]
    [InlineData(SupplierReturnStatus.ReceivedReturn)]
    [InlineData(SupplierReturnStatus.RefundProcessing)]
    [InlineData(SupplierReturnStatus.Completed)]
    [InlineData(SupplierReturnStatus.Recalled)]
    public void Stocked_in_or_recalled_return_cannot_be_recalled(SupplierReturnStatus status)
    {
        var ret = InState(status);

        Assert.Equal("state.not_allowed", A.Error(() => ret.Recall(Later)).Code);
        Assert.Equal(status, ret.Status);
    }

    [Fact]
    public void Cancellation_after_stock_in_flags_the_return_for_both_sides()
    {
        var ret = InState(SupplierReturnStatus.ReceivedReturn);

        ret.FlagAttention("The distributor cancelled after stock-in.");

        Assert.True(ret.NeedsAttention);
        Assert.Equal("The distributor cancelled after stock-in.", ret.AttentionReason);
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, ret.Status);
        ret.ClearAttention();
        Assert.False(ret.NeedsAttention);
        Assert.Null(ret.AttentionReason);
    }

    [Fact]
    public void Attaching_a_refund_moves_a_received_return_to_refund_processing()
    {
        var ret = InState(SupplierReturnStatus.ReceivedReturn);
        Assert.True(ret.CanCreateRefund);

        ret.AttachRefund("refund-1", completed: false, Later);

        Assert.Equal(SupplierReturnStatus.RefundProcessing, ret.Status);
        Assert.Equal("refund-1", ret.ActiveRefundOrderId);
        Assert.False(ret.CanCreateRefund);
        Assert.Null(ret.CompletedAt);
    }

    [Fact]
    public void Attaching_a_completed_refund_completes_the_return()
    {
        var ret = InState(SupplierReturnStatus.ReceivedReturn);

        ret.AttachRefund("refund-1", completed: true, Later);

        Assert.Equal(SupplierReturnStatus.Completed, ret.Status);
        Assert.Equal(Later, ret.CompletedAt);
    }

    [Theory]
    [InlineData(SupplierReturnStatus.PendingStockIn, "state.not_allowed")]
    [InlineData(SupplierReturnStatus.RefundProcessing, "refund.already_exists")]
    [InlineData(SupplierReturnStatus.Completed, "refund.already_exists")]
    [InlineData(SupplierReturnStatus.Recalled, "state.not_allowed")]
    public void Only_a_received_return_without_a_refund_takes_a_refund(SupplierReturnStatus status, string code)
    {
        var ret = InState(status);

        var error = A.Error(() => ret.AttachRefund("refund-2", completed: false, Later));

        Assert.Equal((code, 409), (error.Code, error.Status));
        Assert.Equal(status, ret.Status);
    }

    [Fact]
    public void Refund_processing_return_completes()
    {
        var ret = InState(SupplierReturnStatus.RefundProcessing);

        ret.Complete(Later);

        Assert.Equal(SupplierReturnStatus.Completed, ret.Status);
        Assert.Equal(Later, ret.CompletedAt);
    }

    [Theory]
    [InlineData(SupplierReturnStatus.PendingStockIn)]
    [InlineData(SupplierReturnStatus.ReceivedReturn)]
    [InlineData(SupplierReturnStatus.Completed)]
    [InlineData(SupplierReturnStatus.Recalled)]
    public void Only_a_refund_processing_return_completes_or_has_its_refund_voided(SupplierReturnStatus status)
    {
        var ret = InState(status);

        Assert.Equal("state.not_allowed", A.Error(() => ret.Complete(Later)).Code);
        Assert.Equal("state.not_allowed", A.Error(ret.DetachVoidedRefund).Code);
        Assert.Equal(status, ret.Status);
    }

    [Fact]
    public void Voided_refund_puts_the_return_back_to_received_for_a_new_refund()
    {
        var ret = InState(SupplierReturnStatus.RefundProcessing);

        ret.DetachVoidedRefund();

        Assert.Equal(SupplierReturnStatus.ReceivedReturn, ret.Status);
        Assert.Null(ret.ActiveRefundOrderId);
        Assert.True(ret.CanCreateRefund);
    }
}
