using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

/// <summary>
/// A refund order per received return at once, with the default amounts (no exchange amount): the bulk form of
/// <see cref="CreateRefundOrder"/>, writing the same rows. One transaction per slice of the batch (<see cref="BulkSlices"/>):
/// returns, orders and after-sales orders are read in set queries and each distributor's balance row is locked once, in id
/// order, only after every refund of the slice has been decided. A return that cannot be refunded fails on its own with
/// its code; the others go on.
/// </summary>
public sealed class CreateRefundOrders(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] IReadOnlyList<string>? Ids, [property: Required] RefundMethod? Method,
        BankAccountRequest? BankAccount);

    /// <summary>The outcome for one supplier return id: its new refund order, or why none was created.</summary>
    public sealed record Outcome(string Id, RefundOrder? Refund, DomainError? Error);

    public const int MaxBatch = 1000;

    public async Task<IReadOnlyList<Outcome>> HandleAsync(string supplierAccountId, Request request, CancellationToken ct)
    {
        var check = new Check()
            .That(request.Ids is { Count: > 0 and <= MaxBatch }, "ids", $"1 to {MaxBatch} ids.")
            .That(request.Ids is null || request.Ids.All(i => !string.IsNullOrWhiteSpace(i) && i.Length <= Ids.Length), "ids",
                "Ids must not be empty.");
        var bank = CreateRefundOrder.Validate(check, request.Method, request.BankAccount);
        var ids = request.Ids!.Distinct().ToList();

        // Sliced in id order, so that two returns of one order settle it the same way whatever order the ids came in.
        var byId = (await db.InSlicesAsync(ids.Order(StringComparer.Ordinal).ToList(), slice => db.RetryOnConflictAsync(async () =>
        {
            var refused = new Dictionary<string, DomainError>();
            // A refusal after a change leaves the unit of work half changed: drop it and decide the slice again without that
            // return. The return's own refusals (already refunded, not received) are checked before anything changes.
            IReadOnlyList<Outcome>? outcomes;
            while ((outcomes = await AttemptAsync(supplierAccountId, slice, request.Method!.Value, bank, refused, ct)) is null)
                db.ChangeTracker.Clear();
            await db.SaveChangesAsync(ct);
            return outcomes;
        }))).ToDictionary(o => o.Id);
        return ids.Select(id => byId[id]).ToList();
    }

    private async Task<IReadOnlyList<Outcome>?> AttemptAsync(string supplierAccountId, IReadOnlyList<string> ids, RefundMethod method,
        BankAccount? bank, Dictionary<string, DomainError> refused, CancellationToken ct)
    {
        var wanted = ids.Where(id => !refused.ContainsKey(id)).ToList();
        var returns = await db.SupplierReturns.Where(r => wanted.Contains(r.Id) && r.SupplierAccountId == supplierAccountId)
            .ToDictionaryAsync(r => r.Id, ct);
        var orderIds = returns.Values.Select(r => r.DistributionOrderId).Distinct().ToList();
        var orders = await db.DistributionOrders.Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var afterSalesIds = returns.Values.Select(r => r.AfterSalesOrderId).Distinct().ToList();
        var afterSales = await db.AfterSalesOrders.Where(a => afterSalesIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var fee = await db.Accounts.Where(a => a.Id == supplierAccountId).Select(a => a.ReturnHandlingFee).SingleAsync(ct);

        var now = clock.GetUtcNow();
        var refunds = new Dictionary<string, RefundOrder>();
        // In id order, so that two returns of one order settle it the same way whatever order the ids came in.
        foreach (var ret in returns.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (BulkSlices.Refused(ret.Id, ret.EnsureCanCreateRefund, refused)) continue;
            try
            {
                var order = orders[ret.DistributionOrderId];
                var refund = RefundOrder.Create(ret, afterSales[ret.AfterSalesOrderId], order, returnHandlingFee: fee, exchangeAmount: 0m,
                    method, bank, now);
                refunds[ret.Id] = refund;
                db.RefundOrders.Add(refund);
                if (refund.SettledOnOrder > 0) db.OrderSettlements.Add(order.SettleByRefund(refund.SettledOnOrder, refund.Id, now));
            }
            catch (DomainError e)
            {
                refused[ret.Id] = e;
                return null;
            }
        }

        // Only now the hot rows: each distributor's balance, locked in id order so two batches never deadlock.
        var credited = refunds.Values.Where(r => r.BalanceCredit > 0).ToList();
        foreach (var distributor in credited.Select(r => r.DistributorAccountId).Distinct().Order(StringComparer.Ordinal))
        {
            var theirs = credited.Where(r => r.DistributorAccountId == distributor).ToList();
            var balance = await db.LoadBalanceForUpdateAsync(supplierAccountId, distributor, theirs[0].Currency, now, ct);
            foreach (var refund in theirs)
                db.BalanceLedger.Add(balance.Credit(refund.BalanceCredit, BalanceEntryType.RefundCredit, refund.Id, null, now));
        }
        foreach (var refund in refunds.Values)
        {
            var amount = $"{Money.Present(refund.RefundableAmount, refund.Currency)} {refund.Currency}";
            db.Record(refund.AfterSalesOrderId, Side.Supplier, supplierAccountId,
                refund.Method == RefundMethod.CustomerBalance ? "RefundCompleted" : "RefundCreated",
                refund.Method == RefundMethod.CustomerBalance ? $"Refund of {amount} credited to the customer balance."
                    : $"Refund of {amount} by bank transfer; waiting for the distributor to confirm receipt.", now);
        }

        return ids.Select(id => refused.TryGetValue(id, out var error) ? new Outcome(id, null, error)
            : refunds.TryGetValue(id, out var refund) ? new Outcome(id, refund, null)
            : new Outcome(id, null, DomainError.NotFound("supplier return"))).ToList();
    }
}
