namespace ReturnLoop.Features.Catalog;

public static class CatalogQueries
{
    public static async Task<SupplierSku> FindSupplierSkuAsync(this IQueryable<SupplierSku> skus, string accountId, string id,
        CancellationToken ct) =>
        await skus.SingleOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct) ?? throw DomainError.NotFound("SKU");

    public static async Task<MerchantSku> FindMerchantSkuAsync(this IQueryable<MerchantSku> skus, string accountId, string id,
        CancellationToken ct) =>
        await skus.SingleOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct) ?? throw DomainError.NotFound("merchant SKU");

    /// <summary>One supplier's SKUs, optionally the one with a code.</summary>
    public static IQueryable<SupplierSku> SupplierSkusOf(this AppDbContext db, string supplierAccountId, string? code)
    {
        var query = db.SupplierSkus.AsNoTracking().Where(s => s.AccountId == supplierAccountId);
        if (code is not null) query = query.Where(s => s.Code == code);
        return query;
    }

    /// <summary>The distributor's merchant SKUs, optionally those mapped to one supplier.</summary>
    public static IQueryable<MerchantSku> MerchantSkusOf(this AppDbContext db, string distributorAccountId, string? supplierId)
    {
        var query = db.MerchantSkus.AsNoTracking().Where(s => s.AccountId == distributorAccountId);
        if (supplierId is not null) query = query.Where(s => s.SupplierAccountId == supplierId);
        return query;
    }
}
