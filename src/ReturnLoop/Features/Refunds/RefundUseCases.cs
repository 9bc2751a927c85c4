using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

public sealed record BankAccountRequest(string? BankName, string? AccountName, string? AccountNumber);

/// <summary>
/// The supplier creates the refund order of a received return. Its amounts are frozen now; the deducted
/// unsettled part settles the original order; a customer-balance refund credits the balance and completes the
/// refund, the supplier return and the after-sales order at once — all in one transaction.
/// </summary>
public sealed class CreateRefundOrder(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(decimal? ExchangeAmount, RefundMethod? Method, BankAccountRequest? BankAccount);

    public Task<RefundOrder> HandleAsync(string supplierAccountId, string supplierReturnId, Request request, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var ret = await db.SupplierReturns.FindForSupplierAsync(supplierAccountId, supplierReturnId, ct);
            var check = new Check().Amount(request.ExchangeAmount, "exchangeAmount", ret.Currency, required: false).Required(request.Method, "method");
            BankAccount? bank = null;
            if (request.Method == RefundMethod.BankTransfer)
            {
                check.Required(request.BankAccount, "bankAccount");
                if (request.BankAccount is { } b)
                {
                    check.Required(b.BankName, "bankAccount.bankName", 100).Required(b.AccountName, "bankAccount.accountName", 200)
                        .Required(b.AccountNumber, "bankAccount.accountNumber", 64);
                    bank = new BankAccount(b.BankName?.Trim() ?? "", b.AccountName?.Trim() ?? "", b.AccountNumber?.Trim() ?? "");
                }
            }
            check.ThrowIfInvalid();

            var order = await db.DistributionOrders.SingleAsync(o => o.Id == ret.DistributionOrderId, ct);
            var supplier = await db.AccountAsync(supplierAccountId, ct);
            var now = clock.GetUtcNow();
            var refund = RefundOrder.Create(ret, order, supplier.ReturnHandlingFee, request.ExchangeAmount ?? 0m, request.Method!.Value, bank, now);
            db.RefundOrders.Add(refund);

            if (refund.SettledOnOrder > 0) db.OrderSettlements.Add(order.SettleByRefund(refund.SettledOnOrder, refund.Id, now));

            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == ret.AfterSalesOrderId, ct);
            if (refund.Method == RefundMethod.CustomerBalance)
            {
                if (refund.RefundableAmount > 0)
                {
                    var balance = await db.LoadBalanceForUpdateAsync(supplierAccountId, ret.DistributorAccountId, ret.Currency, now, ct);
                    db.BalanceLedger.Add(balance.Credit(refund.RefundableAmount, BalanceEntryType.RefundCredit, refund.Id, null, now));
                }
                afterSales.MarkCompleted(now);
                db.Record(afterSales.Id, Side.Supplier, supplierAccountId, "RefundCompleted",
                    $"Refund of {Money.Present(refund.RefundableAmount, refund.Currency)} {refund.Currency} credited to the customer balance.", now);
            }
            else
            {
                afterSales.MarkRefundProcessing(now);
                db.Record(afterSales.Id, Side.Supplier, supplierAccountId, "RefundCreated",
                    $"Refund of {Money.Present(refund.RefundableAmount, refund.Currency)} {refund.Currency} by bank transfer; waiting for the distributor to confirm receipt.", now);
            }
            await db.SaveChangesAsync(ct);
            return refund;
        });
}

/// <summary>The supplier voids a bank-transfer refund the distributor has not confirmed; the settlement is reversed and a new refund may be created.</summary>
public sealed class VoidRefundOrder(AppDbContext db, TimeProvider clock)
{
    public Task<RefundOrder> HandleAsync(string supplierAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var refund = await db.RefundOrders.SingleOrDefaultAsync(r => r.Id == id && r.SupplierAccountId == supplierAccountId, ct)
                ?? throw DomainError.NotFound("refund order");
            var now = clock.GetUtcNow();
            refund.Void(now);
            if (refund.SettledOnOrder > 0)
            {
                var order = await db.DistributionOrders.SingleAsync(o => o.Id == refund.DistributionOrderId, ct);
                db.OrderSettlements.Add(order.ReverseRefundSettlement(refund.SettledOnOrder, refund.Id, now));
            }
            var ret = await db.SupplierReturns.SingleAsync(r => r.Id == refund.SupplierReturnId, ct);
            ret.DetachVoidedRefund();
            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == refund.AfterSalesOrderId, ct);
            afterSales.MarkRefundVoided(now);
            db.Record(afterSales.Id, Side.Supplier, supplierAccountId, "RefundVoided", "The supplier voided the refund order.", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });
}

/// <summary>The distributor confirms the bank transfer arrived: the refund, the supplier return and the after-sales order complete.</summary>
public sealed class ConfirmRefundReceipt(AppDbContext db, TimeProvider clock)
{
    public Task<RefundOrder> HandleAsync(string distributorAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var refund = await db.RefundOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            refund.ConfirmReceipt(now);
            var ret = await db.SupplierReturns.SingleAsync(r => r.Id == refund.SupplierReturnId, ct);
            ret.Complete(now);
            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == refund.AfterSalesOrderId, ct);
            afterSales.MarkCompleted(now);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "RefundCompleted", "The distributor confirmed receipt of the bank transfer.", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });
}

/// <summary>The distributor reports the bank transfer has not arrived; it goes back to the supplier with a note.</summary>
public sealed class ReportRefundNotReceived(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Note);

    public Task<RefundOrder> HandleAsync(string distributorAccountId, string id, Request request, CancellationToken ct)
    {
        new Check().Optional(request.Note, "note", 1000).ThrowIfInvalid();
        return db.RetryOnConflictAsync(async () =>
        {
            var refund = await db.RefundOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            refund.ReportNotReceived(request.Note?.Trim());
            db.Record(refund.AfterSalesOrderId, Side.Distributor, distributorAccountId, "RefundNotReceived",
                string.IsNullOrWhiteSpace(request.Note) ? "The distributor reported the transfer as not received." : $"Not received: {request.Note.Trim()}", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });
    }
}

/// <summary>
/// The supplier uploads the bank-transfer proof: PNG, JPEG or PDF, told by content rather than name, at most
/// 10 MB. A new proof replaces the old one and puts a "not received" refund back to awaiting confirmation.
/// </summary>
public sealed class UploadPaymentProof(AppDbContext db, TimeProvider clock)
{
    public async Task<RefundOrder> HandleAsync(string supplierAccountId, string id, string fileName, Stream content, long? length, CancellationToken ct)
    {
        var refund = await db.RefundOrders.SingleOrDefaultAsync(r => r.Id == id && r.SupplierAccountId == supplierAccountId, ct)
            ?? throw DomainError.NotFound("refund order");
        if (!refund.CanUploadProof) throw DomainError.StateNotAllowed("upload a payment proof for", refund.Status);
        if (length > PaymentProofFormat.MaxBytes) throw TooLarge();

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > PaymentProofFormat.MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        var contentType = PaymentProofFormat.Detect(bytes)
            ?? throw new DomainError(StatusCodes.Status415UnsupportedMediaType, "proof.unsupported_type", "A payment proof is a PNG, a JPEG or a PDF file.");

        var now = clock.GetUtcNow();
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255) name = "payment-proof";
        var proof = await db.PaymentProofs.SingleOrDefaultAsync(p => p.RefundOrderId == refund.Id, ct);
        if (proof is null) db.PaymentProofs.Add(new PaymentProof(refund.Id, name, contentType, bytes, now));
        else proof.Replace(name, contentType, bytes, now);
        refund.AttachPaymentProof(now);
        db.Record(refund.AfterSalesOrderId, Side.Supplier, supplierAccountId, "PaymentProofUploaded", $"Payment proof uploaded ({contentType}).", now);
        await db.SaveChangesAsync(ct);
        return refund;
    }

    private static DomainError TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "proof.too_large", $"A payment proof is at most {PaymentProofFormat.MaxBytes / 1024 / 1024} MB.");
}

public static class RefundQueries
{
    public static async Task<RefundOrder> FindForDistributorAsync(this IQueryable<RefundOrder> refunds, string distributorAccountId, string id, CancellationToken ct) =>
        await refunds.SingleOrDefaultAsync(r => r.Id == id && r.DistributorAccountId == distributorAccountId, ct) ?? throw DomainError.NotFound("refund order");
}
