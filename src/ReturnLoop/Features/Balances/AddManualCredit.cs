using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Features.Balances;

/// <summary>The supplier credits a distributor's balance by hand (manual bookkeeping), with a ledger row.</summary>
public sealed class AddManualCredit(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] decimal? Amount, string? Note);

    public Task<BalanceLedgerEntry> HandleAsync(string supplierAccountId, string distributorAccountId, Request request,
        CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            // Only a distributor the supplier has partnered with, now or before.
            if (!await db.Partnerships.AnyAsync(p => p.SupplierAccountId == supplierAccountId
                && p.DistributorAccountId == distributorAccountId && p.ActiveFrom != null, ct))
                throw DomainError.NotFound("distributor");
            var currency = await db.CurrencyOfAsync(supplierAccountId, ct);
            new Check().Amount(request.Amount, "amount", currency, allowZero: false).Optional(request.Note, "note", 500).ThrowIfInvalid();

            var now = clock.GetUtcNow();
            var balance = await db.LoadBalanceForUpdateAsync(supplierAccountId, distributorAccountId, currency, now, ct);
            var entry = balance.Credit(request.Amount!.Value, BalanceEntryType.ManualCredit, null, request.Note?.Trim(), now);
            db.BalanceLedger.Add(entry);
            await db.SaveChangesAsync(ct);
            return entry;
        });
}
