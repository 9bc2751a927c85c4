namespace ReturnLoop.Features.Partnerships;

public static class PartnershipQueries
{
    public static Task<bool> AnyPartnershipAsync(this IQueryable<Partnership> partnerships, string distributorAccountId,
        string supplierAccountId, bool open, CancellationToken ct) =>
        partnerships.AnyAsync(p => p.DistributorAccountId == distributorAccountId && p.SupplierAccountId == supplierAccountId
            && (!open || p.Status == PartnershipStatus.Pending || p.Status == PartnershipStatus.Active), ct);

    public static Task<bool> IsActiveAsync(this IQueryable<Partnership> partnerships, string distributorAccountId, string supplierAccountId,
        CancellationToken ct) =>
        partnerships.AnyAsync(p => p.DistributorAccountId == distributorAccountId && p.SupplierAccountId == supplierAccountId
            && p.Status == PartnershipStatus.Active, ct);

    /// <summary>Refuses with 422 <c>partnership.not_active</c> unless the two accounts cooperate now.</summary>
    public static async Task EnsureActiveAsync(this IQueryable<Partnership> partnerships, string distributorAccountId,
        string supplierAccountId, CancellationToken ct)
    {
        if (!await partnerships.IsActiveAsync(distributorAccountId, supplierAccountId, ct))
            throw DomainError.Rule("partnership.not_active", "There is no active partnership with this supplier.");
    }

    /// <summary>A partnership the account is a party to, as its distributor or its supplier.</summary>
    public static async Task<Partnership> FindForPartyAsync(this IQueryable<Partnership> partnerships, string accountId, string id,
        CancellationToken ct) =>
        await partnerships
            .SingleOrDefaultAsync(p => p.Id == id && (p.DistributorAccountId == accountId || p.SupplierAccountId == accountId), ct)
        ?? throw DomainError.NotFound("partnership");

    /// <summary>Partnerships in both directions, optionally in one status.</summary>
    public static IQueryable<Partnership> PartnershipsOf(this AppDbContext db, string accountId, PartnershipStatus? status)
    {
        var query = db.Partnerships.AsNoTracking().Where(p => p.DistributorAccountId == accountId || p.SupplierAccountId == accountId);
        if (status is { } s) query = query.Where(p => p.Status == s);
        return query;
    }
}
