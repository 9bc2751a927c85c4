namespace ReturnLoop.Tests;

/// <summary>domain.md, "Return &amp; Stock-in – Distribution": To Push / Push Failed / Pushed, Recall and Cancel.</summary>
public class DistributionReturnTests
{
    private static readonly DateTimeOffset Later = A.Now.AddHours(3);
    private static readonly Failure TooOld = new("push.order_too_old", "The original order shipped more than 90 days ago.");
    private static readonly Failure StockedIn = new("recall.already_stocked_in", "The supplier has already stocked the goods in.");
    private static readonly ReturnLine[] Lines = [new("TS-RED", 2, "TS-RED", 45.00m)];

    private static DistributionReturn New() =>
        DistributionReturn.Create("after-sales-1", "order-1", A.Distributor, A.Supplier, A.WarehouseId, A.Now);

    private static DistributionReturn InState(DistributionReturnStatus status)
    {
        var r = New();
        switch (status)
        {
            case DistributionReturnStatus.PushFailed: r.MarkPushFailed(TooOld, A.Now); break;
            case DistributionReturnStatus.Pushed: r.MarkPushed("supplier-return-1", Lines, A.Now); break;
            case DistributionReturnStatus.Recalled: r.MarkPushed("supplier-return-1", Lines, A.Now); r.MarkRecalled(A.Now); break;
            case DistributionReturnStatus.RecallFailed: r.MarkPushed("supplier-return-1", Lines, A.Now); r.MarkRecallFailed(StockedIn,
                A.Now); break;
            case DistributionReturnStatus.Cancelled: r.Cancel(A.Now); break;
        }
        Assert.Equal(status, r.Status);
        return r;
    }

    [Fact]
    public void New_return_waits_in_to_push()
    {
        var r = New();

        Assert.Equal(DistributionReturnStatus.ToPush, r.Status);
        Assert.True(r.CanPush);
        Assert.Null(r.PushFailure);
        Assert.Null(r.SupplierReturnId);
        Assert.Empty(r.Lines);
        Assert.Equal(0, r.PushAttempts);
    }

    [Fact]
    public void Pushing_records_the_supplier_return_and_the_lines()
    {
        var r = New();

        r.MarkPushed("supplier-return-1", Lines, Later);

        Assert.Equal(DistributionReturnStatus.Pushed, r.Status);
        Assert.Equal(("supplier-return-1", (DateTimeOffset?)Later, 1), (r.SupplierReturnId, r.PushedAt, r.PushAttempts));
        Assert.Equal([("TS-RED", 2, "TS-RED")], r.Lines.Select(l => (l.SupplierSkuCode, l.Quantity, l.FromMerchantSkuCode)));
    }

    [Fact]
    public void Failed_push_lands_in_push_failed_with_its_code_and_message()
    {
        var r = New();

        r.MarkPushFailed(TooOld, Later);

        Assert.Equal(DistributionReturnStatus.PushFailed, r.Status);
        Assert.Equal(new Failure("push.order_too_old", "The original order shipped more than 90 days ago."), r.PushFailure);
        Assert.Equal((1, (DateTimeOffset?)Later), (r.PushAttempts, r.LastPushAttemptAt));
        Assert.Null(r.SupplierReturnId);
        Assert.True(r.CanPush);
    }

    [Fact]
    public void Re_push_that_fails_again_keeps_the_latest_failure()
    {
        var r = InState(DistributionReturnStatus.PushFailed);
        var gone = new Failure("push.warehouse_unavailable", "The warehouse is gone.");

        r.MarkPushFailed(gone, Later);

        Assert.Equal(gone, r.PushFailure);
        Assert.Equal(2, r.PushAttempts);
    }

    [Fact]
    public void Successful_re_push_clears_the_push_failure()
    {
        var r = InState(DistributionReturnStatus.PushFailed);

        r.MarkPushed("supplier-return-1", Lines, Later);

        Assert.Equal(DistributionReturnStatus.Pushed, r.Status);
        Assert.Null(r.PushFailure);
        Assert.Equal(2, r.PushAttempts);
        Assert.Equal(Later, r.PushedAt);
    }

    [Theory]
    [InlineData(DistributionReturnStatus.Pushed)]
    [InlineData(DistributionReturnStatus.Recalled)]
    [InlineData(DistributionReturnStatus.RecallFailed)]
    [InlineData(DistributionReturnStatus.Cancelled)]
    public void Only_a_return_to_push_or_push_failed_can_be_pushed(DistributionReturnStatus status)
    {
        var r = InState(status);

        var pushed = A.Error(() => r.MarkPushed("supplier-return-2", Lines, Later));
        var failed = A.Error(() => r.MarkPushFailed(TooOld, Later));

        Assert.Equal(("state.not_allowed", 409), (pushed.Code, pushed.Status));
        Assert.Equal("state.not_allowed", failed.Code);
        Assert.Equal(status, r.Status);
        Assert.False(r.CanPush);
    }

    [Fact]
    public void Refused_push_leaves_the_pushed_return_untouched()
    {
        var r = InState(DistributionReturnStatus.Pushed);

        A.Error(() => r.MarkPushFailed(TooOld, Later));

        Assert.Null(r.PushFailure);
        Assert.Equal("supplier-return-1", r.SupplierReturnId);
        Assert.Equal(1, r.PushAttempts);
    }

    [Theory]
    [InlineData(DistributionReturnStatus.ToPush)]
    [InlineData(DistributionReturnStatus.PushFailed)]
    public void Not_yet_pushed_return_is_simply_cancelled(DistributionReturnStatus status)
    {
        var r = InState(status);

        r.Cancel(Later);

        Assert.Equal(DistributionReturnStatus.Cancelled, r.Status);
        Assert.Equal(Later, r.ClosedAt);
    }

    [Theory]
    [InlineData(DistributionReturnStatus.Pushed)]
    [InlineData(DistributionReturnStatus.Recalled)]
    [InlineData(DistributionReturnStatus.RecallFailed)]
    [InlineData(DistributionReturnStatus.Cancelled)]
    public void Pushed_or_closed_return_cannot_be_cancelled(DistributionReturnStatus status)
    {
        var r = InState(status);

        Assert.Equal("state.not_allowed", A.Error(() => r.Cancel(Later)).Code);
        Assert.Equal(status, r.Status);
    }

    [Fact]
    public void Pushed_return_can_be_recalled()
    {
        var r = InState(DistributionReturnStatus.Pushed);

        r.MarkRecalled(Later);

        Assert.Equal(DistributionReturnStatus.Recalled, r.Status);
        Assert.Equal(Later, r.ClosedAt);
        Assert.Null(r.RecallFailure);
    }

    [Fact]
    public void Failed_recall_keeps_its_code_and_message()
    {
        var r = InState(DistributionReturnStatus.Pushed);

        r.MarkRecallFailed(StockedIn, Later);

        Assert.Equal(DistributionReturnStatus.RecallFailed, r.Status);
        Assert.Equal("recall.already_stocked_in", r.RecallFailure!.Code);
        Assert.Equal("The supplier has already stocked the goods in.", r.RecallFailure.Message);
    }

    [Theory]
    [InlineData(DistributionReturnStatus.ToPush)]
    [InlineData(DistributionReturnStatus.PushFailed)]
    [InlineData(DistributionReturnStatus.Recalled)]
    [InlineData(DistributionReturnStatus.RecallFailed)]
    [InlineData(DistributionReturnStatus.Cancelled)]
    public void Only_a_pushed_return_can_be_recalled(DistributionReturnStatus status)
    {
        var r = InState(status);

        Assert.Equal("state.not_allowed", A.Error(() => r.MarkRecalled(Later)).Code);
        Assert.Equal("state.not_allowed", A.Error(() => r.MarkRecallFailed(StockedIn, Later)).Code);
        Assert.Equal(status, r.Status);
    }

    private static (DistributionOrder Order, AfterSalesOrder Request, DistributionReturn Return) Approved()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();
        var request = A.Return(order, ("TS-RED", 2));
        request.Approve(A.Now);
        var ret = DistributionReturn.Create(request.Id, order.Id, A.Distributor, A.Supplier, order.WarehouseId, A.Now);
        request.AttachDistributionReturn(ret.Id);
        return (order, request, ret);
    }

    [Fact]
    public void Push_that_passes_the_rules_creates_the_supplier_return_and_marks_the_return_pushed()
    {
        var (order, request, ret) = Approved();

        var supplierReturn = ret.Push(A.PushContext(order, request), new PushOptions().MaxOrderAge, Later);

        Assert.NotNull(supplierReturn);
        Assert.Equal(DistributionReturnStatus.Pushed, ret.Status);
        Assert.Equal(supplierReturn.Id, ret.SupplierReturnId);
        Assert.Equal((ret.Id, request.Id, SupplierReturnStatus.PendingStockIn), (supplierReturn.DistributionReturnId,
            supplierReturn.AfterSalesOrderId, supplierReturn.Status));
        Assert.Equal([("TS-RED", 2, 45.00m)],
            supplierReturn.Lines.Select(l => (l.SupplierSkuCode, l.ExpectedQuantity, l.UnitPriceAtShipment)));
    }

    [Fact]
    public void Push_that_fails_a_rule_creates_nothing_and_lands_in_push_failed_with_the_rules_code()
    {
        var (order, request, ret) = Approved();

        var supplierReturn = ret.Push(A.PushContext(order, request), maxOrderAge: TimeSpan.FromDays(1), Later);

        Assert.Null(supplierReturn);
        Assert.Equal(DistributionReturnStatus.PushFailed, ret.Status);
        Assert.Equal(PushRules.OrderTooOld, ret.PushFailure!.Code);
        Assert.Null(ret.SupplierReturnId);
    }

    [Fact]
    public void Push_of_a_return_whose_warehouse_is_gone_fails_with_warehouse_unavailable()
    {
        var (order, request, ret) = Approved();
        var context = PushContext.Of([order], [request], [A.ActivePartnership()], A.MappingsOf(order).Values, availableWarehouseIds: []);

        Assert.Null(ret.Push(context, new PushOptions().MaxOrderAge, Later));

        Assert.Equal(PushRules.WarehouseUnavailable, ret.PushFailure!.Code);
    }

    [Fact]
    public void Push_of_a_pushed_return_is_refused()
    {
        var (order, request, ret) = Approved();
        ret.Push(A.PushContext(order, request), new PushOptions().MaxOrderAge, A.Now);

        var error = A.Error(() => ret.Push(A.PushContext(order, request), new PushOptions().MaxOrderAge, Later));

        Assert.Equal("state.not_allowed", error.Code);
        Assert.Equal(1, ret.PushAttempts);
    }

    [Theory]
    [InlineData(DistributionReturnStatus.ToPush)]
    [InlineData(DistributionReturnStatus.PushFailed)]
    public void Cancelling_the_application_simply_cancels_a_return_not_yet_pushed(DistributionReturnStatus status)
    {
        var r = InState(status);

        Assert.Equal(RecallOutcome.Cancelled, RecallRules.Decide(r, supplierReturn: null));
        Assert.Equal(RecallOutcome.Cancelled, r.Recall(supplierReturn: null, Later));

        Assert.Equal(DistributionReturnStatus.Cancelled, r.Status);
        Assert.Null(r.RecallFailure);
    }

    [Fact]
    public void Cancelling_the_application_recalls_a_pushed_return_the_supplier_has_not_stocked_in()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();
        var pushed = A.Push(order, A.Return(order, ("TS-RED", 2)));

        var outcome = pushed.Distribution.Recall(pushed.Supplier, Later);

        Assert.Equal(RecallOutcome.Recalled, outcome);
        Assert.Equal(DistributionReturnStatus.Recalled, pushed.Distribution.Status);
        Assert.Equal(SupplierReturnStatus.Recalled, pushed.Supplier.Status);
        Assert.Equal(Later, pushed.Supplier.RecalledAt);
        Assert.False(pushed.Supplier.NeedsAttention);
    }

    [Fact]
    public void Recall_after_stock_in_fails_with_recall_already_stocked_in_and_flags_the_supplier_return()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();
        var pushed = A.Push(order, A.Return(order, ("TS-RED", 2)));
        pushed.Supplier.StockIn(A.OwnWarehouse(), [A.Good("TS-RED", 2)], A.Now);

        var outcome = pushed.Distribution.Recall(pushed.Supplier, Later);

        Assert.Equal(RecallOutcome.RecallFailed, outcome);
        Assert.Equal(DistributionReturnStatus.RecallFailed, pushed.Distribution.Status);
        Assert.Equal("recall.already_stocked_in", pushed.Distribution.RecallFailure!.Code);
        Assert.Equal(RecallRules.AlreadyStockedIn, pushed.Distribution.RecallFailure.Code);
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, pushed.Supplier.Status);   // the supplier return stays where it is
        Assert.True(pushed.Supplier.NeedsAttention);
    }

    [Fact]
    public void Recall_of_a_pushed_return_needs_the_supplier_return_it_was_pushed_as()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();
        var pushed = A.Push(order, A.Return(order, ("TS-RED", 2)));
        var other = A.Push(order, A.Return(order, ("TS-RED", 1))).Supplier;

        Assert.Throws<ArgumentException>(() => pushed.Distribution.Recall(null, Later));
        Assert.Throws<ArgumentException>(() => pushed.Distribution.Recall(other, Later));
        Assert.Equal(DistributionReturnStatus.Pushed, pushed.Distribution.Status);
    }
}
