namespace ReturnLoop.Features.Partnerships;

/// <summary>The partnerships page: both directions in one list, each row with the partner's name and which side we are.</summary>
public sealed class PartnershipListQuery(AppDbContext db)
{
    /// <summary>A row: the entity itself, so the page asks it <c>CanAccept</c> and <c>CanTerminate</c>.</summary>
    public sealed record Row(Partnership Partnership, string PartnerId, string PartnerName, bool WeAreSupplier)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Partnership.Id == Partnership.Id;

        public override int GetHashCode() => Partnership.Id.GetHashCode(StringComparison.Ordinal);
    }

    public sealed record Partner(string Id, string Name);

    /// <summary>Newest first.</summary>
    public IQueryable<Partnership> Where(string accountId, PartnershipStatus? status) =>
        db.PartnershipsOf(accountId, status).OrderByDescending(p => p.Id);

    public Task<Dictionary<string, int>> CountsAsync(string accountId, CancellationToken ct) =>
        db.PartnershipsOf(accountId, null).CountByStatusAsync(p => p.Status, ct);

    public async Task<IReadOnlyList<Row>> RowsAsync(string accountId, IReadOnlyList<Partnership> rows, CancellationToken ct)
    {
        var ids = rows.Select(p => p.DistributorAccountId == accountId ? p.SupplierAccountId : p.DistributorAccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(p =>
        {
            var weAreSupplier = p.SupplierAccountId == accountId;
            var partner = weAreSupplier ? p.DistributorAccountId : p.SupplierAccountId;
            return new Row(p, partner, names.GetValueOrDefault(partner) ?? partner, weAreSupplier);
        }).ToList();
    }

    /// <summary>
    /// The account with exactly this id, so a distributor sees whom it applies to before it does. Only an exact id
    /// answers: the ids are long and random, so this lists no one.
    /// </summary>
    public async Task<Partner?> AccountByIdAsync(string id, CancellationToken ct)
    {
        var trimmed = id.Trim();
        return await db.Accounts.AsNoTracking().Where(a => a.Id == trimmed).Select(a => new Partner(a.Id, a.Name)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The suppliers the distributor cooperates with now: the only ones its merchant SKUs may map to.</summary>
    public async Task<IReadOnlyList<Partner>> ActiveSuppliersAsync(string distributorAccountId, CancellationToken ct)
    {
        var ids = db.Partnerships.Where(p => p.DistributorAccountId == distributorAccountId && p.Status == PartnershipStatus.Active)
            .Select(p => p.SupplierAccountId);
        return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new Partner(a.Id, a.Name)).ToListAsync(ct);
    }
}
