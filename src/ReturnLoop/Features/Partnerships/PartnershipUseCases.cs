namespace ReturnLoop.Features.Partnerships;

/// <summary>A distributor applies to a supplier; the partnership waits in Pending for the supplier.</summary>
public sealed class ApplyForPartnership(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(string? SupplierAccountId);

    public async Task<Partnership> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.SupplierAccountId, "supplierAccountId", Ids.Length).ThrowIfInvalid();
        if (!await db.Accounts.AnyAsync(a => a.Id == request.SupplierAccountId, ct)) throw DomainError.NotFound("supplier account");
        if (await db.Partnerships.AnyPartnershipAsync(distributorAccountId, request.SupplierAccountId!, open: true, ct))
            throw DomainError.Conflict("A partnership with this supplier is already pending or active.");

        var partnership = Partnership.Apply(distributorAccountId, request.SupplierAccountId!, clock.GetUtcNow());
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return partnership;
    }
}

public enum PartnershipDecision { Accept, Reject, Terminate }

/// <summary>The supplier accepts or rejects an application; either side terminates.</summary>
public sealed class DecidePartnership(AppDbContext db, TimeProvider clock)
{
    public async Task<Partnership> HandleAsync(string accountId, string id, PartnershipDecision decision, CancellationToken ct)
    {
        var p = await db.Partnerships.SingleOrDefaultAsync(x => x.Id == id && (x.DistributorAccountId == accountId || x.SupplierAccountId == accountId), ct)
            ?? throw DomainError.NotFound("partnership");
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

public static class PartnershipQueries
{
    public static Task<bool> AnyPartnershipAsync(this IQueryable<Partnership> partnerships, string distributorAccountId, string supplierAccountId, bool open, CancellationToken ct) =>
        partnerships.AnyAsync(p => p.DistributorAccountId == distributorAccountId && p.SupplierAccountId == supplierAccountId
            && (!open || p.Status == PartnershipStatus.Pending || p.Status == PartnershipStatus.Active), ct);

    public static Task<bool> IsActiveAsync(this IQueryable<Partnership> partnerships, string distributorAccountId, string supplierAccountId, CancellationToken ct) =>
        partnerships.AnyAsync(p => p.DistributorAccountId == distributorAccountId && p.SupplierAccountId == supplierAccountId && p.Status == PartnershipStatus.Active, ct);

    /// <summary>Refuses with 422 <c>partnership.not_active</c> unless the two accounts cooperate now.</summary>
    public static async Task EnsureActiveAsync(this IQueryable<Partnership> partnerships, string distributorAccountId, string supplierAccountId, CancellationToken ct)
    {
        if (!await partnerships.IsActiveAsync(distributorAccountId, supplierAccountId, ct))
            throw DomainError.Rule("partnership.not_active", "There is no active partnership with this supplier.");
    }
}
