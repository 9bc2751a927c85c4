namespace ReturnLoop.Tests;

/// <summary>domain.md, "After-sales orders (distributor side)": the status machine and the types that bring goods back.</summary>
public class AfterSalesOrderTests
{
    private static readonly DateTimeOffset Later = A.Now.AddHours(2);

    private static DistributionOrder Order() => A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();

    private static AfterSalesOrder InState(AfterSalesStatus status)
    {
        var aso = A.Return(Order(), ("TS-RED", 2));
        switch (status)
        {
            case AfterSalesStatus.ConfirmReturn: aso.Approve(A.Now); break;
            case AfterSalesStatus.ReceivedReturn: aso.Approve(A.Now); aso.MarkReceived(A.Now); break;
            case AfterSalesStatus.RefundProcessing: aso.Approve(A.Now); aso.MarkReceived(A.Now); aso.MarkRefundProcessing(A.Now); break;
            case AfterSalesStatus.Completed: aso.Approve(A.Now); aso.MarkReceived(A.Now); aso.MarkCompleted(A.Now); break;
            case AfterSalesStatus.Cancelled: aso.Cancel(A.Now); break;
        }
        Assert.Equal(status, aso.Status);
        return aso;
    }

    [Fact]
    public void After_sales_order_needs_a_shipped_original_order()
    {
        var unshipped = A.Order().WithLine("TS-RED", 3, 45.00m).Build();

        var error = A.Error(() => A.Return(unshipped, ("TS-RED", 1)));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
    }

    [Fact]
    public void Returnable_quantity_is_shipped_minus_every_earlier_after_sales_order_not_cancelled()
    {
        var order = Order();                                                       // 3 shipped
        AfterSalesLine[] earlier = [new("TS-RED", 1), new("TS-RED", 1), new("OTHER", 2)];

        Assert.Equal(3, Returnable.QuantityOf(order, "TS-RED", []));
        Assert.Equal(1, Returnable.QuantityOf(order, "TS-RED", earlier));
        Assert.Equal(0, Returnable.QuantityOf(order, "TS-RED", [new("TS-RED", 3), new("TS-RED", 1)]));   // never below 0
        Assert.Equal(0, Returnable.QuantityOf(order, "NOT-ON-ORDER", []));
    }

    [Fact]
    public void After_sales_order_asking_more_than_is_returnable_is_refused_with_quantity_exceeds_shipped()
    {
        var order = Order();

        var error = A.Error(() => AfterSalesOrder.CreateManual(order, earlierLines: [new("TS-RED", 2)], AfterSalesType.RefundOnly, null,
            [new("TS-RED", 1), new("TS-RED", 1)], A.Now));

        Assert.Equal((Returnable.QuantityExceedsShipped, 422), (error.Code, error.Status));
        Assert.Equal("after_sales.quantity_exceeds_shipped", Returnable.QuantityExceedsShipped);
    }

    [Fact]
    public void After_sales_order_may_ask_back_exactly_what_is_left()
    {
        var order = Order();

        var aso = AfterSalesOrder.CreateManual(order, earlierLines: [new("TS-RED", 2)], AfterSalesType.ReturnAndRefund, null,
            [new("TS-RED", 1)], A.Now);

        Assert.Equal([("TS-RED", 1)], aso.Lines.Select(l => (l.MerchantSkuCode, l.Quantity)));
        Assert.Equal(Platform.Manual, aso.Source);
    }

    [Fact]
    public void Manual_after_sales_order_needs_a_shipped_original_order_before_its_quantities_are_counted()
    {
        var unshipped = A.Order().WithLine("TS-RED", 3, 45.00m).Build();

        var error = A.Error(() =>
            AfterSalesOrder.CreateManual(unshipped, [], AfterSalesType.ReturnAndRefund, null, [new("TS-RED", 1)], A.Now));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
    }

    [Fact]
    public void After_sales_order_needs_at_least_one_line()
    {
        Assert.Equal("validation.failed", A.Error(() => A.Return(Order())).Code);
    }

    [Fact]
    public void After_sales_order_of_a_distribution_order_carries_its_supplier_and_shipping_warehouse()
    {
        var order = Order();

        var aso = A.Return(order, ("TS-RED", 2));

        Assert.Equal((A.Distributor, A.Supplier, order.Id, A.WarehouseId, "SO-1001"),
            (aso.DistributorAccountId, aso.SupplierAccountId, aso.DistributionOrderId, aso.ShippingWarehouseId, aso.MarketplaceOrderNo));
        Assert.Equal((Platform.Shopee, "shop-1", "RET-1"), (aso.Source, aso.ShopId, aso.PlatformReturnId));
        Assert.Equal([("TS-RED", 2)], aso.Lines.Select(l => (l.MerchantSkuCode, l.Quantity)));
    }

    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund, AfterSalesStatus.ToConfirm)]
    [InlineData(AfterSalesType.Exchange, AfterSalesStatus.ToConfirm)]
    [InlineData(AfterSalesType.RefundOnly, AfterSalesStatus.ToConfirm)]
    [InlineData(AfterSalesType.AbnormalReturn, AfterSalesStatus.ConfirmReturn)]
    public void Abnormal_return_starts_in_confirm_return_every_other_type_in_to_confirm(AfterSalesType type, AfterSalesStatus initial)
    {
        Assert.Equal(initial, A.AfterSales(Order(), type, ("TS-RED", 1)).Status);
    }

    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund, true)]
    [InlineData(AfterSalesType.Exchange, true)]
    [InlineData(AfterSalesType.AbnormalReturn, true)]
    [InlineData(AfterSalesType.RefundOnly, false)]
    public void Only_types_that_bring_goods_back_create_a_distribution_return(AfterSalesType type, bool bringsGoodsBack)
    {
        Assert.Equal(bringsGoodsBack, A.AfterSales(Order(), type, ("TS-RED", 1)).BringsGoodsBack);
    }

    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund)]
    [InlineData(AfterSalesType.Exchange)]
    public void Approving_a_return_moves_it_to_confirm_return(AfterSalesType type)
    {
        var aso = A.AfterSales(Order(), type, ("TS-RED", 1));

        aso.Approve(Later);

        Assert.Equal(AfterSalesStatus.ConfirmReturn, aso.Status);
        Assert.Equal(Later, aso.UpdatedAt);
    }

    [Theory]
    [InlineData(AfterSalesStatus.ConfirmReturn)]
    [InlineData(AfterSalesStatus.ReceivedReturn)]
    [InlineData(AfterSalesStatus.RefundProcessing)]
    [InlineData(AfterSalesStatus.Completed)]
    [InlineData(AfterSalesStatus.Cancelled)]
    public void Only_an_order_to_confirm_can_be_approved(AfterSalesStatus status)
    {
        var aso = InState(status);

        var error = A.Error(() => aso.Approve(Later));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.Equal(status, aso.Status);
    }

    [Fact]
    public void Abnormal_return_has_nothing_to_approve()
    {
        var abnormal = A.AfterSales(Order(), AfterSalesType.AbnormalReturn, ("TS-RED", 3));

        Assert.Equal("state.not_allowed", A.Error(() => abnormal.Approve(Later)).Code);
        Assert.Equal(AfterSalesStatus.ConfirmReturn, abnormal.Status);
    }

    [Fact]
    public void Refund_only_goes_from_to_confirm_to_refund_processing_to_completed()
    {
        var aso = A.AfterSales(Order(), AfterSalesType.RefundOnly, ("TS-RED", 1));

        aso.Approve(A.Now);
        Assert.Equal(AfterSalesStatus.RefundProcessing, aso.Status);

        aso.CompleteRefundOnly(Later);
        Assert.Equal(AfterSalesStatus.Completed, aso.Status);
        Assert.Equal(Later, aso.UpdatedAt);
    }

    [Fact]
    public void Refund_only_cannot_be_completed_before_it_is_approved()
    {
        var aso = A.AfterSales(Order(), AfterSalesType.RefundOnly, ("TS-RED", 1));

        Assert.Equal("state.not_allowed", A.Error(() => aso.CompleteRefundOnly(Later)).Code);
        Assert.Equal(AfterSalesStatus.ToConfirm, aso.Status);
    }

    [Fact]
    public void Return_with_goods_is_not_completed_as_a_refund_only()
    {
        var aso = InState(AfterSalesStatus.RefundProcessing);

        Assert.Equal("state.not_allowed", A.Error(() => aso.CompleteRefundOnly(Later)).Code);
        Assert.Equal(AfterSalesStatus.RefundProcessing, aso.Status);
    }

    [Fact]
    public void Supplier_steps_move_a_return_from_confirm_return_to_completed()
    {
        var aso = InState(AfterSalesStatus.ConfirmReturn);

        aso.MarkReceived(A.Now);
        Assert.Equal(AfterSalesStatus.ReceivedReturn, aso.Status);
        aso.MarkRefundProcessing(A.Now);
        Assert.Equal(AfterSalesStatus.RefundProcessing, aso.Status);
        aso.MarkRefundVoided(A.Now);
        Assert.Equal(AfterSalesStatus.ReceivedReturn, aso.Status);
        aso.MarkRefundProcessing(A.Now);
        aso.MarkCompleted(Later);
        Assert.Equal(AfterSalesStatus.Completed, aso.Status);
        Assert.Equal(Later, aso.UpdatedAt);
    }

    [Fact]
    public void Balance_refund_completes_a_received_return_straight_away()
    {
        var aso = InState(AfterSalesStatus.ReceivedReturn);

        aso.MarkCompleted(Later);

        Assert.Equal(AfterSalesStatus.Completed, aso.Status);
    }

    [Theory]
    [InlineData(AfterSalesStatus.ToConfirm)]
    [InlineData(AfterSalesStatus.ConfirmReturn)]
    [InlineData(AfterSalesStatus.ReceivedReturn)]
    public void Cancelling_is_allowed_until_a_refund_order_exists(AfterSalesStatus status)
    {
        var aso = InState(status);

        aso.Cancel(Later);

        Assert.Equal(AfterSalesStatus.Cancelled, aso.Status);
        Assert.Equal(Later, aso.UpdatedAt);
    }

    [Fact]
    public void Abnormal_return_can_be_cancelled()
    {
        var abnormal = A.AfterSales(Order(), AfterSalesType.AbnormalReturn, ("TS-RED", 3));

        abnormal.Cancel(Later);

        Assert.Equal(AfterSalesStatus.Cancelled, abnormal.Status);
    }

    [Theory]
    [InlineData(AfterSalesStatus.RefundProcessing)]
    [InlineData(AfterSalesStatus.Completed)]
    [InlineData(AfterSalesStatus.Cancelled)]
    public void Cancelling_is_refused_once_a_refund_order_exists_or_when_already_cancelled(AfterSalesStatus status)
    {
        var aso = InState(status);

        var error = A.Error(() => aso.Cancel(Later));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.Equal(status, aso.Status);
    }

    /// <summary>
    /// Decision (domain.md, Recall): once cancelled after stock-in, the supplier may still refund on its side; its steps
    /// are not refused, they leave the application cancelled.
    /// </summary>
    [Theory]
    [InlineData("received")]
    [InlineData("refund processing")]
    [InlineData("completed")]
    [InlineData("refund voided")]
    public void Supplier_steps_leave_a_cancelled_order_cancelled(string step)
    {
        var aso = InState(AfterSalesStatus.ConfirmReturn);
        aso.MarkReceived(A.Now);
        aso.Cancel(A.Now);                         // cancelled after stock-in: the buyer's word is final
        Action act = step switch
        {
            "received" => () => aso.MarkReceived(Later),
            "refund processing" => () => aso.MarkRefundProcessing(Later),
            "completed" => () => aso.MarkCompleted(Later),
            _ => () => aso.MarkRefundVoided(Later),
        };

        act();

        Assert.Equal(AfterSalesStatus.Cancelled, aso.Status);
        Assert.Equal(A.Now, aso.UpdatedAt);
    }

    [Fact]
    public void Cancelled_before_stock_in_stays_cancelled_when_the_goods_arrive()
    {
        var aso = InState(AfterSalesStatus.ConfirmReturn);
        aso.Cancel(A.Now);

        aso.MarkReceived(Later);

        Assert.Equal(AfterSalesStatus.Cancelled, aso.Status);
    }

    [Fact]
    public void Refund_only_being_processed_can_still_be_cancelled_by_the_platform()
    {
        var aso = A.AfterSales(Order(), AfterSalesType.RefundOnly, ("TS-RED", 1));
        aso.Approve(A.Now);

        aso.Cancel(Later);

        Assert.Equal(AfterSalesStatus.Cancelled, aso.Status);
    }

    [Theory]
    [InlineData(AfterSalesStatus.ToConfirm, "received")]
    [InlineData(AfterSalesStatus.ToConfirm, "completed")]
    [InlineData(AfterSalesStatus.ConfirmReturn, "refund processing")]
    [InlineData(AfterSalesStatus.ConfirmReturn, "refund voided")]
    [InlineData(AfterSalesStatus.Completed, "received")]
    public void Supplier_steps_out_of_order_are_refused(AfterSalesStatus status, string step)
    {
        var aso = InState(status);
        Action act = step switch
        {
            "received" => () => aso.MarkReceived(Later),
            "refund processing" => () => aso.MarkRefundProcessing(Later),
            "completed" => () => aso.MarkCompleted(Later),
            _ => () => aso.MarkRefundVoided(Later),
        };

        Assert.Equal("state.not_allowed", A.Error(act).Code);
        Assert.Equal(status, aso.Status);
    }
}
