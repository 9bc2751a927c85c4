namespace ReturnLoop.Features.Partnerships;

public enum PartnershipDecision { Accept, Reject, Terminate }

/// <summary>The supplier accepts or rejects an application; either side terminates.</summary>
public sealed class DecidePartnership(AppDbContext db, TimeProvider clock)
{
    public async Task<Partnership> HandleAsync(string accountId, string id, PartnershipDecision decision, CancellationToken ct)
    {
        var p = await db.Partnerships.FindForPartyAsync(accountId, id, ct);
        if (decision != PartnershipDecision.Terminate && p.SupplierAccountId != accountId)
            throw DomainError.Forbidden("Only the supplier accepts or rejects an application.");

        var now = clock.GetUtcNow();
        switch (decision)
        {
            case PartnershipDecision.Accept: p.Accept(now); break;
            case PartnershipDecision.Reject: p.Reject(now); break;
            case PartnershipDecision.Terminate: p.Terminate(now); break;
        }
        await db.SaveChangesAsync(ct);
        return p;
    }
}
