using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.Catalog;

/// <summary>The merchant SKUs page: the distributor's SKUs with their supplier's name, and what the combo editor offers.</summary>
public sealed class MerchantSkuListQuery(AppDbContext db)
{
    public sealed record Row(MerchantSku Sku, string SupplierName)
    {
        /// <summary>Equal by id: the grid keys its rows by item, so a live reload updates this row in place.</summary>
        public bool Equals(Row? other) => other is not null && other.Sku.Id == Sku.Id;

        public override int GetHashCode() => Sku.Id.GetHashCode(StringComparison.Ordinal);
    }

    public sealed record SkuOption(string Code, string Name);

    /// <summary>A supplier the distributor cooperates with now and its catalogue (partners may see it, as with ?supplierId=).</summary>
    public sealed record Supplier(string Id, string Name, IReadOnlyList<SkuOption> Skus);

    public IQueryable<MerchantSku> Where(string distributorAccountId, string? supplierId, string? code)
    {
        var query = db.MerchantSkusOf(distributorAccountId, supplierId);
        if (code is not null) query = query.Where(s => s.Code == code);
        return query.OrderBy(s => s.Code);
    }

    public async Task<IReadOnlyList<Row>> RowsAsync(IReadOnlyList<MerchantSku> rows, CancellationToken ct)
    {
        var ids = rows.Select(s => s.SupplierAccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(s => new Row(s, names.GetValueOrDefault(s.SupplierAccountId) ?? s.SupplierAccountId)).ToList();
    }

    /// <summary>The active partners' catalogues: only those may be mapped (CreateMerchantSku checks the partnership).</summary>
    public async Task<IReadOnlyList<Supplier>> SuppliersAsync(string distributorAccountId, CancellationToken ct)
    {
        var partners = await new PartnershipListQuery(db).ActiveSuppliersAsync(distributorAccountId, ct);
        var ids = partners.Select(p => p.Id).ToList();
        var skus = await db.SupplierSkus.AsNoTracking().Where(s => ids.Contains(s.AccountId)).OrderBy(s => s.Code)
            .Select(s => new { s.AccountId, s.Code, s.Name }).ToListAsync(ct);
        return partners.Select(p => new Supplier(p.Id, p.Name,
            skus.Where(s => s.AccountId == p.Id).Select(s => new SkuOption(s.Code, s.Name)).ToList())).ToList();
    }

    /// <summary>Every supplier the distributor's merchant SKUs map to, for the filter (terminated partners included).</summary>
    public async Task<IReadOnlyList<PartnershipListQuery.Partner>> MappedSuppliersAsync(string distributorAccountId, CancellationToken ct)
    {
        var ids = db.MerchantSkus.Where(s => s.AccountId == distributorAccountId).Select(s => s.SupplierAccountId).Distinct();
        return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new PartnershipListQuery.Partner(a.Id, a.Name)).ToListAsync(ct);
    }
}
