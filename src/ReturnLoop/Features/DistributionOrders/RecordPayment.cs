using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Balances;

namespace ReturnLoop.Features.DistributionOrders;

/// <summary>
/// The supplier records a payment of the distributor. Paid from the customer balance, it debits the balance
/// (refused when too low); either way a settlement ledger row is appended in the same transaction.
/// </summary>
public sealed class RecordPayment(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] decimal? Amount, [property: Required] PaymentMethod? Method, string? Note);

    public Task<OrderSettlement> HandleAsync(string supplierAccountId, string id, Request request, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var order = await db.DistributionOrders.FindForPartyAsync(supplierAccountId, id, ct);
            if (order.SupplierAccountId != supplierAccountId)
                throw DomainError.Forbidden("Only the supplier records payments it received.");
            new Check()
                .Amount(request.Amount, "amount", order.Currency, allowZero: false)
                .Required(request.Method, "method")
                .Optional(request.Note, "note", 500)
                .ThrowIfInvalid();

            order.EnsureCanPay(request.Amount!.Value);
            var now = clock.GetUtcNow();
            string? reference = null;
            if (request.Method == PaymentMethod.CustomerBalance)
            {
                var balance = await db.LoadBalanceForUpdateAsync(order.SupplierAccountId, order.DistributorAccountId, order.Currency, now,
                    ct);
                var entry = balance.Debit(request.Amount!.Value, BalanceEntryType.OrderPayment, order.Id, request.Note, now);
                db.BalanceLedger.Add(entry);
                reference = entry.Id;
            }
            var settlement = order.RecordPayment(request.Amount!.Value, request.Method!.Value, reference, now);
            db.OrderSettlements.Add(settlement);
            await db.SaveChangesAsync(ct);
            return settlement;
        });
}
