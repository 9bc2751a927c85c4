namespace ReturnLoop.Features.Accounts;

/// <summary>
/// The supplier's Distribution Charge Settings: a distribution fee per shipped order and a return handling fee per
/// return. Orders and refund orders copy them when they are shipped or created; later changes do not alter those.
/// </summary>
public sealed class UpdateChargeSettings(AppDbContext db)
{
    public sealed record Request(decimal? DistributionFee, decimal? ReturnHandlingFee);

    public async Task<Account> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        var account = await db.AccountAsync(accountId, ct);
        new Check().Amount(request.DistributionFee, "distributionFee", account.Currency).Amount(request.ReturnHandlingFee, "returnHandlingFee", account.Currency)
            .ThrowIfInvalid();
        account.SetChargeSettings(request.DistributionFee!.Value, request.ReturnHandlingFee!.Value);
        await db.SaveChangesAsync(ct);
        return account;
    }
}

/// <summary>The distributor's auto-push setting: on, a new return &amp; stock-in – distribution is pushed at once.</summary>
public sealed class UpdateAutoPush(AppDbContext db)
{
    public sealed record Request(bool? AutoPush);

    public async Task<Account> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.AutoPush, "autoPush").ThrowIfInvalid();
        var account = await db.AccountAsync(accountId, ct);
        account.SetAutoPush(request.AutoPush!.Value);
        await db.SaveChangesAsync(ct);
        return account;
    }
}
