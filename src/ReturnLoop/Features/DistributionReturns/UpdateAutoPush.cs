using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>The distributor's auto-push setting: on, a new return &amp; stock-in – distribution is pushed at once.</summary>
public sealed class UpdateAutoPush(AppDbContext db)
{
    public sealed record Request([property: Required] bool? AutoPush);

    public async Task<Account> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.AutoPush, "autoPush").ThrowIfInvalid();
        var account = await db.AccountAsync(accountId, ct);
        account.SetAutoPush(request.AutoPush!.Value);
        await db.SaveChangesAsync(ct);
        return account;
    }
}
