using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.SupplierReturns;

namespace ReturnLoop.Features.Refunds;

public enum RefundMethod { CustomerBalance, BankTransfer }

public enum RefundStatus { AwaitingConfirmation, NotReceived, Completed, Voided }

public sealed record BankAccount(string BankName, string AccountName, string AccountNumber);

/// <summary>
/// The supplier's refund to the distributor for a received return. Its amounts are frozen when it is created:
/// later changes to the charge settings or the order do not alter it.
/// </summary>
public sealed class RefundOrder
{
    private RefundOrder() { }

    public string Id { get; private set; } = Ids.New();
    public string SupplierAccountId { get; private set; } = "";
    public string DistributorAccountId { get; private set; } = "";
    public string SupplierReturnId { get; private set; } = "";
    public string AfterSalesOrderId { get; private set; } = "";
    public string DistributionOrderId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal ReturnAmount { get; private set; }
    public decimal ReturnHandlingFee { get; private set; }
    /// <summary>What was unsettled on the original order when this was created, before this refund settled any of it.</summary>
    public decimal UnsettledAmount { get; private set; }
    public decimal ExchangeAmount { get; private set; }
    public decimal RefundableAmount { get; private set; }
    /// <summary>How much of the unsettled amount this refund settled on the original order.</summary>
    public decimal SettledOnOrder { get; private set; }
    public RefundMethod Method { get; private set; }
    public RefundStatus Status { get; private set; }
    public BankAccount? BankAccount { get; private set; }
    public bool HasPaymentProof { get; private set; }
    public DateTimeOffset? PaymentProofUploadedAt { get; private set; }
    public string? NotReceivedNote { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }

    public bool IsOpen => Status is RefundStatus.AwaitingConfirmation or RefundStatus.NotReceived;
    public bool CanUploadProof => Method == RefundMethod.BankTransfer && IsOpen;
    public bool CanConfirmReceipt => Method == RefundMethod.BankTransfer && IsOpen;
    public bool CanReportNotReceived => Method == RefundMethod.BankTransfer && Status == RefundStatus.AwaitingConfirmation;
    public bool CanVoid => IsOpen;

    /// <summary>What this refund credits to the distributor's customer balance at this supplier, at once.</summary>
    public decimal BalanceCredit => Method == RefundMethod.CustomerBalance ? RefundableAmount : 0m;

    /// <summary>
    /// Creates the refund of a received return with its amounts frozen now, and moves the supplier return and the
    /// after-sales order with it: a customer-balance refund completes all three at once (domain.md, "Refund method");
    /// a bank transfer leaves them in RefundProcessing until the distributor confirms receipt. The caller credits
    /// <see cref="BalanceCredit"/> and settles <see cref="SettledOnOrder"/> on the order in the same transaction.
    /// </summary>
    public static RefundOrder Create(SupplierReturn ret, AfterSalesOrder afterSales, DistributionOrder order, decimal returnHandlingFee,
        decimal exchangeAmount, RefundMethod method, BankAccount? bankAccount, DateTimeOffset now)
    {
        if (afterSales.Id != ret.AfterSalesOrderId) throw new ArgumentException("Not the return's after-sales order.", nameof(afterSales));
        if (order.Id != ret.DistributionOrderId) throw new ArgumentException("Not the return's distribution order.", nameof(order));
        ret.EnsureCanCreateRefund();
        if (method == RefundMethod.BankTransfer && bankAccount is null)
            throw DomainError.Validation("bankAccount", "Required for a bank transfer.");

        var returnAmount = ret.ReturnAmount;
        var unsettled = order.UnsettledAmount;
        var completed = method == RefundMethod.CustomerBalance;
        var refund = new RefundOrder
        {
            SupplierAccountId = ret.SupplierAccountId,
            DistributorAccountId = ret.DistributorAccountId,
            SupplierReturnId = ret.Id,
            AfterSalesOrderId = ret.AfterSalesOrderId,
            DistributionOrderId = order.Id,
            Currency = ret.Currency,
            ReturnAmount = returnAmount,
            ReturnHandlingFee = returnHandlingFee,
            UnsettledAmount = unsettled,
            ExchangeAmount = exchangeAmount,
            RefundableAmount = RefundCalculator.Refundable(returnAmount, unsettled, exchangeAmount, returnHandlingFee),
            SettledOnOrder = RefundCalculator.SettlesOfUnsettled(returnAmount, unsettled, exchangeAmount, returnHandlingFee),
            Method = method,
            Status = completed ? RefundStatus.Completed : RefundStatus.AwaitingConfirmation,
            BankAccount = method == RefundMethod.BankTransfer ? bankAccount : null,
            CreatedAt = now,
            CompletedAt = completed ? now : null,
        };
        ret.AttachRefund(refund.Id, completed, now);
        if (completed) afterSales.MarkCompleted(now);
        else afterSales.MarkRefundProcessing(now);
        return refund;
    }

    public void AttachPaymentProof(DateTimeOffset now)
    {
        if (!CanUploadProof) throw DomainError.StateNotAllowed("upload a payment proof for", Status);
        HasPaymentProof = true;
        PaymentProofUploadedAt = now;
        // A new proof answers a "not received" report: it goes back to the distributor to confirm.
        Status = RefundStatus.AwaitingConfirmation;
    }

    public void ConfirmReceipt(DateTimeOffset now)
    {
        if (!CanConfirmReceipt) throw DomainError.StateNotAllowed("confirm receipt of", Status);
        Status = RefundStatus.Completed;
        CompletedAt = now;
    }

    public void ReportNotReceived(string? note)
    {
        if (!CanReportNotReceived) throw DomainError.StateNotAllowed("report not received for", Status);
        Status = RefundStatus.NotReceived;
        NotReceivedNote = note;
    }

    public void Void(DateTimeOffset now)
    {
        if (!CanVoid) throw DomainError.StateNotAllowed("void", Status);
        Status = RefundStatus.Voided;
        VoidedAt = now;
    }
}

/// <summary>
/// The bank-transfer proof the supplier uploads: its metadata, the file itself in the file store under
/// <see cref="StorageKey"/>. Proofs uploaded before the store kept their bytes in <see cref="Content"/>; they are served
/// from there until replaced (a new upload clears it).
/// </summary>
public sealed class PaymentProof
{
    private PaymentProof() { }

    public PaymentProof(string refundOrderId, StoredProof file, DateTimeOffset now)
    {
        RefundOrderId = refundOrderId;
        Replace(file, now);
    }

    public string RefundOrderId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public int Size { get; private set; }

    /// <summary>The bytes of a proof from before the file store; null for every proof uploaded since.</summary>
    public byte[]? Content { get; private set; }

    public string? StorageKey { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes, to check a stored file against (null on proofs from before the store).</summary>
    public string? Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The user who uploaded it (null on proofs from before this was kept).</summary>
    public string? UploadedBy { get; private set; }

    public void Replace(StoredProof file, DateTimeOffset now)
    {
        FileName = file.FileName;
        ContentType = file.ContentType;
        Size = file.Size;
        StorageKey = file.StorageKey;
        Sha256 = file.Sha256;
        UploadedBy = file.UploadedBy;
        Content = null;
        UploadedAt = now;
    }
}

/// <summary>A proof file written to the store, about to be attached to its refund order.</summary>
public sealed record StoredProof(string FileName, string ContentType, int Size, string StorageKey, string Sha256, string? UploadedBy);
