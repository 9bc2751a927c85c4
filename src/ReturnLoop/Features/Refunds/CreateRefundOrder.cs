using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

public sealed record BankAccountRequest(
    [property: Required] string? BankName,
    [property: Required] string? AccountName,
    [property: Required] string? AccountNumber);

/// <summary>
/// The supplier creates the refund order of a received return (<see cref="RefundOrder.Create"/> decides what moves).
/// The deducted unsettled part settles the original order and a customer-balance refund credits the balance, all
/// in one transaction.
/// </summary>
public sealed class CreateRefundOrder(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(decimal? ExchangeAmount, [property: Required] RefundMethod? Method, BankAccountRequest? BankAccount);

    public Task<RefundOrder> HandleAsync(string supplierAccountId, string supplierReturnId, Request request, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var ret = await db.SupplierReturns.FindForSupplierAsync(supplierAccountId, supplierReturnId, ct);
            var bank = Validate(request, ret.Currency);
            var order = await db.DistributionOrders.SingleAsync(o => o.Id == ret.DistributionOrderId, ct);
            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == ret.AfterSalesOrderId, ct);
            // Only the fee: a projection, nothing tracked.
            var fee = await db.Accounts.Where(a => a.Id == supplierAccountId).Select(a => a.ReturnHandlingFee).SingleAsync(ct);
            var now = clock.GetUtcNow();

            var refund = RefundOrder.Create(ret, afterSales, order, returnHandlingFee: fee,
                exchangeAmount: request.ExchangeAmount ?? 0m, request.Method!.Value, bank, now);
            db.RefundOrders.Add(refund);
            if (refund.SettledOnOrder > 0) db.OrderSettlements.Add(order.SettleByRefund(refund.SettledOnOrder, refund.Id, now));
            if (refund.BalanceCredit > 0)
            {
                var balance = await db.LoadBalanceForUpdateAsync(supplierAccountId, ret.DistributorAccountId, ret.Currency, now, ct);
                db.BalanceLedger.Add(balance.Credit(refund.BalanceCredit, BalanceEntryType.RefundCredit, refund.Id, null, now));
            }

            var amount = $"{Money.Present(refund.RefundableAmount, refund.Currency)} {refund.Currency}";
            if (refund.Method == RefundMethod.CustomerBalance)
                db.Record(afterSales.Id, Side.Supplier, supplierAccountId, "RefundCompleted",
                    $"Refund of {amount} credited to the customer balance.", now);
            else
                db.Record(afterSales.Id, Side.Supplier, supplierAccountId, "RefundCreated",
                    $"Refund of {amount} by bank transfer; waiting for the distributor to confirm receipt.", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });

    private static BankAccount? Validate(Request request, string currency) => Validate(
        new Check().Amount(request.ExchangeAmount, "exchangeAmount", currency, required: false), request.Method, request.BankAccount);

    /// <summary>The method, and the bank account a bank transfer needs (also for the bulk <see cref="CreateRefundOrders"/>).</summary>
    internal static BankAccount? Validate(Check check, RefundMethod? method, BankAccountRequest? bankAccount)
    {
        check.Required(method, "method");
        BankAccount? bank = null;
        if (method == RefundMethod.BankTransfer)
        {
            check.Required(bankAccount, "bankAccount");
            if (bankAccount is { } b)
            {
                check.Required(b.BankName, "bankAccount.bankName", 100)
                    .Required(b.AccountName, "bankAccount.accountName", 200)
                    .Required(b.AccountNumber, "bankAccount.accountNumber", 64);
                bank = new BankAccount(b.BankName?.Trim() ?? "", b.AccountName?.Trim() ?? "", b.AccountNumber?.Trim() ?? "");
            }
        }
        check.ThrowIfInvalid();
        return bank;
    }
}
