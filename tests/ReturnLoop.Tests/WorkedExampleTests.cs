using System.Globalization;

namespace ReturnLoop.Tests;

/// <summary>domain.md, "Worked examples (each must be a test)": each row through the entities, then the bare formula.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void Abnormal_return_estimate_is_stock_out_amount_less_distribution_fee_less_handling_fee()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 2, 50.00m).WithFee(8.00m).Build();
        var abnormal = A.AfterSales(order, AfterSalesType.AbnormalReturn, ("TS-RED", 2));

        var ret = A.Push(order, abnormal).Supplier;

        Assert.Equal(108.00m, order.StockOutAmount);
        Assert.Equal(97.00m, ret.EstimatedRefund(currentHandlingFee: 3.00m));
    }

    [Fact]
    public void Platform_return_estimate_is_returned_quantity_at_unit_price_at_shipment_less_handling_fee()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();
        var request = A.Return(order, ("TS-RED", 2));

        var ret = A.Push(order, request).Supplier;

        Assert.Equal(88.00m, ret.EstimatedRefund(currentHandlingFee: 2.00m));
    }

    [Fact]
    public void Refund_order_deducts_unsettled_and_fee_and_fully_settles_the_original_order()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Paid(100.00m).Build();
        var request = A.Return(order, ("TS-RED", 2));
        var ret = A.ReceivedReturn(order, request, A.Good("TS-RED", 2));
        Assert.Equal(135.00m, order.StockOutAmount);
        Assert.Equal(35.00m, order.UnsettledAmount);

        var refund = RefundOrder.Create(ret, request, order, returnHandlingFee: 2.00m, exchangeAmount: 0m, RefundMethod.CustomerBalance,
            null, A.Now);
        order.SettleByRefund(refund.SettledOnOrder, refund.Id, A.Now);   // as CreateRefundOrder does, in the same transaction

        Assert.Equal(90.00m, refund.ReturnAmount);
        Assert.Equal(35.00m, refund.UnsettledAmount);
        Assert.Equal(2.00m, refund.ReturnHandlingFee);
        Assert.Equal(53.00m, refund.RefundableAmount);
        Assert.Equal(35.00m, refund.SettledOnOrder);
        Assert.Equal(0m, order.UnsettledAmount);
        Assert.Equal(135.00m, order.SettledAmount);
    }

    [Fact]
    public void Refund_with_exchange_also_deducts_the_exchange_amount()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Paid(100.00m).Build();
        var request = A.Return(order, ("TS-RED", 2));
        var ret = A.ReceivedReturn(order, request, A.Good("TS-RED", 2));

        var refund = RefundOrder.Create(ret, request, order, returnHandlingFee: 2.00m, exchangeAmount: 20.00m, RefundMethod.CustomerBalance,
            null, A.Now);
        order.SettleByRefund(refund.SettledOnOrder, refund.Id, A.Now);

        Assert.Equal(33.00m, refund.RefundableAmount);
        Assert.Equal(20.00m, refund.ExchangeAmount);
        Assert.Equal(0m, order.UnsettledAmount);
    }

    [Fact]
    public void Refundable_amount_is_clamped_at_zero_and_only_what_the_return_covers_is_settled()
    {
        // Order of 3 × 20.00 with 25.00 paid: 35.00 unsettled. One unit comes back: return amount 20.00.
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 20.00m).Paid(25.00m).Build();
        var request = A.Return(order, ("TS-RED", 1));
        var ret = A.ReceivedReturn(order, request, A.Good("TS-RED", 1));
        Assert.Equal(35.00m, order.UnsettledAmount);

        var refund = RefundOrder.Create(ret, request, order, returnHandlingFee: 2.00m, exchangeAmount: 0m, RefundMethod.CustomerBalance,
            null, A.Now);
        order.SettleByRefund(refund.SettledOnOrder, refund.Id, A.Now);

        Assert.Equal(20.00m, refund.ReturnAmount);
        Assert.Equal(0.00m, refund.RefundableAmount);
        Assert.Equal(18.00m, refund.SettledOnOrder);
        Assert.Equal(17.00m, order.UnsettledAmount);
    }

    [Fact]
    public void Idr_refund_has_no_decimals()
    {
        var order = A.ShippedOrder().In("IDR").WithLine("BATIK-M", 1, 125000m).Paid(125000m).Build();
        var request = A.Return(order, ("BATIK-M", 1));
        var pushed = A.Push(order, request).Supplier;
        Assert.Equal(120000m, pushed.EstimatedRefund(currentHandlingFee: 5000m));

        pushed.StockIn(A.OwnWarehouse(), [A.Good("BATIK-M", 1)], A.Now);
        request.MarkReceived(A.Now);
        var refund = RefundOrder.Create(pushed, request, order, returnHandlingFee: 5000m, exchangeAmount: 0m, RefundMethod.CustomerBalance,
            null, A.Now);

        Assert.Equal("IDR", refund.Currency);
        Assert.Equal(120000m, refund.RefundableAmount);
        Assert.Equal("120000", Money.Present(refund.RefundableAmount, refund.Currency).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Idr_amount_with_a_decimal_is_rejected_not_rounded()
    {
        Assert.False(Money.HasValidPrecision(125000.5m, "IDR"));

        var error = A.Error(() => new Check().Amount(125000.5m, "unitPrice", "IDR").ThrowIfInvalid());

        Assert.Equal("validation.failed", error.Code);
        Assert.Equal(400, error.Status);
        Assert.Equal(["IDR amounts have at most 0 decimal places."], error.Errors!["unitPrice"]);
    }

    [Theory]
    [InlineData(90.00, 35.00, 0.00, 2.00, 53.00)]    // refund order
    [InlineData(90.00, 35.00, 20.00, 2.00, 33.00)]   // refund with exchange
    [InlineData(20.00, 35.00, 0.00, 2.00, 0.00)]     // clamp
    [InlineData(125000, 0, 0, 5000, 120000)]         // IDR
    public void Refundable_amount_deducts_unsettled_exchange_and_fee(decimal returnAmount, decimal unsettled, decimal exchange, decimal fee,
        decimal refundable) =>
        Assert.Equal(refundable, RefundCalculator.Refundable(returnAmount, unsettled, exchange, fee));

    [Theory]
    [InlineData(90.00, 35.00, 0.00, 2.00, 35.00)]    // refund order: all of the unsettled part
    [InlineData(90.00, 35.00, 20.00, 2.00, 35.00)]   // refund with exchange
    [InlineData(20.00, 35.00, 0.00, 2.00, 18.00)]    // clamp: 35.00 − 18.00 leaves 17.00 unsettled
    [InlineData(1.00, 35.00, 0.00, 2.00, 0.00)]      // fee above the return amount settles nothing
    public void Deducted_unsettled_part_is_min_of_unsettled_and_return_less_exchange_and_fee(decimal returnAmount, decimal unsettled,
        decimal exchange, decimal fee, decimal settles) =>
        Assert.Equal(settles, RefundCalculator.SettlesOfUnsettled(returnAmount, unsettled, exchange, fee));
}
