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
}
