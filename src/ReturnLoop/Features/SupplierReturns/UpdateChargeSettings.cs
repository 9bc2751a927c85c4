using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Features.SupplierReturns;

/// <summary>
/// The supplier's Distribution Charge Settings: a distribution fee per shipped order and a return handling fee per
/// return. Orders and refund orders copy them when they are shipped or created; later changes do not alter those.
/// </summary>
public sealed class UpdateChargeSettings(AppDbContext db)
{
    public sealed record Request([property: Required] decimal? DistributionFee, [property: Required] decimal? ReturnHandlingFee);

    public async Task<Account> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        var account = await db.AccountAsync(accountId, ct);
        new Check()
            .Amount(request.DistributionFee, "distributionFee", account.Currency)
            .Amount(request.ReturnHandlingFee, "returnHandlingFee", account.Currency)
            .ThrowIfInvalid();
        account.SetChargeSettings(request.DistributionFee!.Value, request.ReturnHandlingFee!.Value);
        await db.SaveChangesAsync(ct);
        return account;
    }
}
