namespace ReturnLoop.Tests;

/// <summary>
/// domain.md, "Refund order": customer balance vs bank transfer, proof, receipt, void. That its amounts stay frozen
/// when the charge settings or the SKU's price change later is shown through the API (RefundTests), where they can.
/// </summary>
public class RefundOrderTests
{
    private static readonly DateTimeOffset Later = A.Now.AddHours(5);

    /// <summary>The worked example: 3 × 45.00 shipped, 100.00 paid, 2 received back.</summary>
    private static (DistributionOrder Order, AfterSalesOrder Request, SupplierReturn Return) Received()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Paid(100.00m).Build();
        var request = A.Return(order, ("TS-RED", 2));
        return (order, request, A.ReceivedReturn(order, request, A.Good("TS-RED", 2)));
    }

    private static RefundOrder Create(SupplierReturn ret, AfterSalesOrder request, DistributionOrder order, RefundMethod method) =>
        RefundOrder.Create(ret, request, order, returnHandlingFee: 2.00m, exchangeAmount: 0m, method,
            method == RefundMethod.BankTransfer ? A.Bank : null, A.Now);

    private static RefundOrder BankTransfer(RefundStatus status)
    {
        var (order, request, ret) = Received();
        var refund = Create(ret, request, order, RefundMethod.BankTransfer);
        switch (status)
        {
            case RefundStatus.NotReceived: refund.ReportNotReceived("Nothing on our statement."); break;
            case RefundStatus.Completed: refund.ConfirmReceipt(A.Now); break;
            case RefundStatus.Voided: refund.Void(A.Now); break;
        }
        Assert.Equal(status, refund.Status);
        return refund;
    }

    private static RefundOrder BalanceRefund()
    {
        var (order, request, ret) = Received();
        return Create(ret, request, order, RefundMethod.CustomerBalance);
    }

    [Fact]
    public void Customer_balance_refund_completes_the_refund_the_supplier_return_and_the_after_sales_order_at_once()
    {
        var (order, request, ret) = Received();

        var refund = Create(ret, request, order, RefundMethod.CustomerBalance);

        Assert.Equal(RefundStatus.Completed, refund.Status);
        Assert.Equal(A.Now, refund.CompletedAt);
        Assert.Null(refund.BankAccount);
        Assert.Equal(SupplierReturnStatus.Completed, ret.Status);
        Assert.Equal(A.Now, ret.CompletedAt);
        Assert.Equal(AfterSalesStatus.Completed, request.Status);
        Assert.Equal(refund.Id, ret.ActiveRefundOrderId);
        Assert.Equal((ret.Id, ret.AfterSalesOrderId, order.Id, A.Supplier, A.Distributor, "MYR"),
            (refund.SupplierReturnId, refund.AfterSalesOrderId, refund.DistributionOrderId, refund.SupplierAccountId,
                refund.DistributorAccountId, refund.Currency));
    }

    [Fact]
    public void Customer_balance_refund_credits_the_refundable_amount_and_a_bank_transfer_credits_nothing()
    {
        var (order, request, ret) = Received();
        var balance = Create(ret, request, order, RefundMethod.CustomerBalance);
        var (otherOrder, otherRequest, otherRet) = Received();
        var bank = Create(otherRet, otherRequest, otherOrder, RefundMethod.BankTransfer);

        Assert.Equal(53.00m, balance.BalanceCredit);
        Assert.Equal(balance.RefundableAmount, balance.BalanceCredit);
        Assert.Equal(0m, bank.BalanceCredit);
        Assert.Equal(53.00m, bank.RefundableAmount);
    }

    [Fact]
    public void Refund_after_a_cancellation_after_stock_in_completes_the_supplier_side_and_the_application_stays_cancelled()
    {
        var (order, request, ret) = Received();
        request.Cancel(A.Now);                      // the buyer's word is final, the goods are already at the supplier

        var refund = Create(ret, request, order, RefundMethod.CustomerBalance);

        Assert.Equal(RefundStatus.Completed, refund.Status);
        Assert.Equal(SupplierReturnStatus.Completed, ret.Status);
        Assert.Equal(AfterSalesStatus.Cancelled, request.Status);
    }

    [Fact]
    public void Refund_order_belongs_to_the_returns_own_after_sales_order_and_distribution_order()
    {
        var (order, request, ret) = Received();
        var (otherOrder, otherRequest, _) = Received();

        Assert.Throws<ArgumentException>(() => Create(ret, otherRequest, order, RefundMethod.CustomerBalance));
        Assert.Throws<ArgumentException>(() => Create(ret, request, otherOrder, RefundMethod.CustomerBalance));
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, ret.Status);
        Assert.Equal(AfterSalesStatus.ReceivedReturn, request.Status);
    }

    [Fact]
    public void Bank_transfer_refund_waits_for_the_distributor_to_confirm_receipt()
    {
        var (order, request, ret) = Received();

        var refund = Create(ret, request, order, RefundMethod.BankTransfer);

        Assert.Equal(RefundStatus.AwaitingConfirmation, refund.Status);
        Assert.Null(refund.CompletedAt);
        Assert.Equal(A.Bank, refund.BankAccount);
        Assert.False(refund.HasPaymentProof);
        Assert.Equal(SupplierReturnStatus.RefundProcessing, ret.Status);
        Assert.Equal(AfterSalesStatus.RefundProcessing, request.Status);
    }

    [Fact]
    public void Bank_transfer_refund_needs_the_bank_account()
    {
        var (order, request, ret) = Received();

        var error = A.Error(() => RefundOrder.Create(ret, request, order, 2.00m, 0m, RefundMethod.BankTransfer, bankAccount: null, A.Now));

        Assert.Equal("validation.failed", error.Code);
        Assert.True(error.Errors!.ContainsKey("bankAccount"));
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, ret.Status);
    }

    [Fact]
    public void Refund_order_needs_a_received_return()
    {
        var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();
        var request = A.Return(order, ("TS-RED", 2));
        var pending = A.Push(order, request).Supplier;

        var error = A.Error(() => Create(pending, request, order, RefundMethod.CustomerBalance));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
    }

    [Fact]
    public void Only_one_active_refund_order_per_return()
    {
        var (order, request, ret) = Received();
        Create(ret, request, order, RefundMethod.BankTransfer);

        var error = A.Error(() => Create(ret, request, order, RefundMethod.BankTransfer));

        Assert.Equal(("refund.already_exists", 409), (error.Code, error.Status));
    }

    [Fact]
    public void Voided_refund_lets_the_supplier_create_a_new_one()
    {
        var (order, request, ret) = Received();
        var first = Create(ret, request, order, RefundMethod.BankTransfer);
        first.Void(Later);
        ret.DetachVoidedRefund();
        request.MarkRefundVoided(Later);

        var second = Create(ret, request, order, RefundMethod.CustomerBalance);

        Assert.Equal(RefundStatus.Voided, first.Status);
        Assert.Equal(Later, first.VoidedAt);
        Assert.Equal(RefundStatus.Completed, second.Status);
        Assert.Equal(second.Id, ret.ActiveRefundOrderId);
    }

    [Fact]
    public void Unsettled_amount_is_what_was_unsettled_before_this_refund_settled_any_of_it()
    {
        var (order, request, ret) = Received();
        var refund = Create(ret, request, order, RefundMethod.CustomerBalance);

        order.SettleByRefund(refund.SettledOnOrder, refund.Id, A.Now);

        Assert.Equal(35.00m, refund.UnsettledAmount);
        Assert.Equal(0m, order.UnsettledAmount);
    }

    [Fact]
    public void Voiding_reverses_the_settlement_so_the_order_is_unsettled_again()
    {
        var (order, request, ret) = Received();
        var refund = Create(ret, request, order, RefundMethod.BankTransfer);
        order.SettleByRefund(refund.SettledOnOrder, refund.Id, A.Now);

        refund.Void(Later);
        order.ReverseRefundSettlement(refund.SettledOnOrder, refund.Id, Later);

        Assert.Equal(35.00m, order.UnsettledAmount);
        Assert.Equal(35.00m, refund.SettledOnOrder);
    }

    [Theory]
    [InlineData(RefundStatus.AwaitingConfirmation)]
    [InlineData(RefundStatus.NotReceived)]
    public void Payment_proof_can_be_uploaded_to_an_unconfirmed_bank_transfer(RefundStatus status)
    {
        var refund = BankTransfer(status);

        refund.AttachPaymentProof(Later);

        Assert.True(refund.HasPaymentProof);
        Assert.Equal(Later, refund.PaymentProofUploadedAt);
        Assert.Equal(RefundStatus.AwaitingConfirmation, refund.Status);   // a new proof answers a "not received" report
    }

    [Theory]
    [InlineData(RefundStatus.Completed)]
    [InlineData(RefundStatus.Voided)]
    public void Payment_proof_cannot_be_uploaded_to_a_confirmed_or_voided_refund(RefundStatus status)
    {
        var refund = BankTransfer(status);

        var error = A.Error(() => refund.AttachPaymentProof(Later));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.False(refund.HasPaymentProof);
        Assert.Equal(status, refund.Status);
    }

    [Fact]
    public void Customer_balance_refund_takes_no_payment_proof_and_cannot_be_voided_or_confirmed()
    {
        var refund = BalanceRefund();

        Assert.Equal("state.not_allowed", A.Error(() => refund.AttachPaymentProof(Later)).Code);
        Assert.Equal("state.not_allowed", A.Error(() => refund.ConfirmReceipt(Later)).Code);
        Assert.Equal("state.not_allowed", A.Error(() => refund.ReportNotReceived(null)).Code);
        Assert.Equal("state.not_allowed", A.Error(() => refund.Void(Later)).Code);
        Assert.Equal(RefundStatus.Completed, refund.Status);
    }

    [Theory]
    [InlineData(RefundStatus.AwaitingConfirmation)]
    [InlineData(RefundStatus.NotReceived)]
    public void Distributor_confirms_receipt_of_an_unconfirmed_bank_transfer(RefundStatus status)
    {
        var refund = BankTransfer(status);

        refund.ConfirmReceipt(Later);

        Assert.Equal(RefundStatus.Completed, refund.Status);
        Assert.Equal(Later, refund.CompletedAt);
    }

    [Theory]
    [InlineData(RefundStatus.Completed)]
    [InlineData(RefundStatus.Voided)]
    public void Confirmed_or_voided_refund_cannot_be_confirmed(RefundStatus status)
    {
        var refund = BankTransfer(status);

        Assert.Equal("state.not_allowed", A.Error(() => refund.ConfirmReceipt(Later)).Code);
        Assert.Equal(status, refund.Status);
    }

    [Fact]
    public void Distributor_reports_a_transfer_not_received_with_a_note()
    {
        var refund = BankTransfer(RefundStatus.AwaitingConfirmation);

        refund.ReportNotReceived("Nothing on our statement.");

        Assert.Equal(RefundStatus.NotReceived, refund.Status);
        Assert.Equal("Nothing on our statement.", refund.NotReceivedNote);
        Assert.Null(refund.CompletedAt);
    }

    [Theory]
    [InlineData(RefundStatus.NotReceived)]
    [InlineData(RefundStatus.Completed)]
    [InlineData(RefundStatus.Voided)]
    public void Not_received_can_only_be_reported_while_awaiting_confirmation(RefundStatus status)
    {
        var refund = BankTransfer(status);

        Assert.Equal("state.not_allowed", A.Error(() => refund.ReportNotReceived("again")).Code);
        Assert.Equal(status, refund.Status);
    }

    [Theory]
    [InlineData(RefundStatus.AwaitingConfirmation)]
    [InlineData(RefundStatus.NotReceived)]
    public void Supplier_voids_an_unconfirmed_refund(RefundStatus status)
    {
        var refund = BankTransfer(status);

        refund.Void(Later);

        Assert.Equal(RefundStatus.Voided, refund.Status);
        Assert.Equal(Later, refund.VoidedAt);
    }

    [Theory]
    [InlineData(RefundStatus.Completed)]
    [InlineData(RefundStatus.Voided)]
    public void Confirmed_or_voided_refund_cannot_be_voided(RefundStatus status)
    {
        var refund = BankTransfer(status);

        var error = A.Error(() => refund.Void(Later));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.Equal(status, refund.Status);
    }
}
