using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Features.Balances;

/// <summary>
/// Customer balances for the web pages: the distributor's own at each supplier, the supplier's view of each partnered
/// distributor (0 before the first credit, so a manual credit can open it), and the ledger of one balance, newest first.
/// </summary>
public sealed class BalanceListQuery(AppDbContext db)
{
    /// <param name="PartnerId">The other side: the supplier on the distributor's page, the distributor on the supplier's.</param>
    public sealed record Row(string PartnerId, string PartnerName, string Currency, decimal Balance, DateTimeOffset? UpdatedAt);

    /// <summary>The distributor's balances, one at each supplier it has partnered with or holds a balance at.</summary>
    public Task<IReadOnlyList<Row>> OfDistributorAsync(string distributorAccountId, CancellationToken ct) =>
        RowsAsync(db.BalancesOfDistributor(distributorAccountId), b => b.SupplierAccountId,
            db.Partnerships.Where(p => p.DistributorAccountId == distributorAccountId && p.ActiveFrom != null)
                .Select(p => p.SupplierAccountId), ownCurrency: null, ct);

    /// <summary>Each partnered distributor's balance held with the supplier.</summary>
    public async Task<IReadOnlyList<Row>> OfSupplierAsync(string supplierAccountId, CancellationToken ct) =>
        await RowsAsync(db.BalancesOfSupplier(supplierAccountId), b => b.DistributorAccountId,
            db.Partnerships.Where(p => p.SupplierAccountId == supplierAccountId && p.ActiveFrom != null)
                .Select(p => p.DistributorAccountId), await db.CurrencyOfAsync(supplierAccountId, ct), ct);

    /// <summary>One balance by its two sides, 0 in the supplier's currency before the first entry.</summary>
    public async Task<Row> OneAsync(string supplierAccountId, string distributorAccountId, bool asSupplier, CancellationToken ct)
    {
        var partnerId = asSupplier ? distributorAccountId : supplierAccountId;
        var name = await db.Accounts.AsNoTracking().Where(a => a.Id == partnerId).Select(a => a.Name).SingleOrDefaultAsync(ct)
            ?? throw DomainError.NotFound(asSupplier ? "distributor" : "supplier");
        var balance = await db.CustomerBalances.AsNoTracking()
            .SingleOrDefaultAsync(b => b.SupplierAccountId == supplierAccountId && b.DistributorAccountId == distributorAccountId, ct);
        var currency = balance?.Currency ?? await db.Accounts.Where(a => a.Id == supplierAccountId).Select(a => a.Currency).SingleAsync(ct);
        return new Row(partnerId, name, currency, balance?.Balance ?? 0m, balance?.UpdatedAt);
    }

    public Task<Page<BalanceLedgerEntry>> LedgerPageAsync(string supplierAccountId, string distributorAccountId, PageRequest page,
        CancellationToken ct) =>
        db.LedgerOf(supplierAccountId, distributorAccountId).ToPageAsync(page, e => e, ct);

    /// <summary>A ledger page by number, for a jump the keyset cursors do not reach.</summary>
    public async Task<IReadOnlyList<BalanceLedgerEntry>> LedgerSkipAsync(string supplierAccountId, string distributorAccountId, int skip,
        int take, CancellationToken ct) =>
        await db.LedgerOf(supplierAccountId, distributorAccountId).SkipPageAsync(skip, take, ct);

    public Task<int> LedgerCountAsync(string supplierAccountId, string distributorAccountId, CancellationToken ct) =>
        db.LedgerOf(supplierAccountId, distributorAccountId).CountAsync(ct);

    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<CustomerBalance> balances,
        System.Linq.Expressions.Expression<Func<CustomerBalance, string>> partnerOf, IQueryable<string> partnered, string? ownCurrency,
        CancellationToken ct)
    {
        var partner = partnerOf.Compile();
        var held = await balances.ToListAsync(ct);
        var ids = (await partnered.Distinct().ToListAsync(ct)).Union(held.Select(partner)).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Currency }).ToDictionaryAsync(a => a.Id, ct);
        var byPartner = held.ToDictionary(partner);
        return ids.Where(accounts.ContainsKey).Select(id => byPartner.TryGetValue(id, out var b)
                ? new Row(id, accounts[id].Name, b.Currency, b.Balance, b.UpdatedAt)
                // no entry yet: 0 in the supplier's currency (mine on the supplier's page, the partner's on the distributor's)
                : new Row(id, accounts[id].Name, ownCurrency ?? accounts[id].Currency, 0m, null))
            .OrderBy(r => r.PartnerName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
