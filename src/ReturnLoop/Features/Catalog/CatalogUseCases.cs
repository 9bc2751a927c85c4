using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.Catalog;

public sealed class CreateSupplierSku(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Code, string? Name, decimal? CostPrice, decimal? DistributionPrice);

    public async Task<SupplierSku> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        var currency = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Currency).SingleAsync(ct);
        new Check().Required(request.Code, "code", 64).Required(request.Name, "name")
            .Amount(request.CostPrice, "costPrice", currency).Amount(request.DistributionPrice, "distributionPrice", currency)
            .ThrowIfInvalid();
        var code = request.Code!.Trim();
        if (await db.SupplierSkus.AnyAsync(s => s.AccountId == accountId && s.Code == code, ct))
            throw DomainError.Conflict($"A SKU with code {code} already exists.");
        var sku = SupplierSku.Create(accountId, code, request.Name!, request.CostPrice!.Value, request.DistributionPrice!.Value, clock.GetUtcNow());
        db.SupplierSkus.Add(sku);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}

/// <summary>Changes a SKU's name and prices. Orders already shipped keep the price frozen at their shipment.</summary>
public sealed class UpdateSupplierSku(AppDbContext db)
{
    public sealed record Request(string? Name, decimal? CostPrice, decimal? DistributionPrice);

    public async Task<SupplierSku> HandleAsync(string accountId, string id, Request request, CancellationToken ct)
    {
        var currency = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Currency).SingleAsync(ct);
        var sku = await db.SupplierSkus.SingleOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct) ?? throw DomainError.NotFound("SKU");
        new Check().Required(request.Name, "name")
            .Amount(request.CostPrice, "costPrice", currency).Amount(request.DistributionPrice, "distributionPrice", currency)
            .ThrowIfInvalid();
        sku.Update(request.Name!, request.CostPrice!.Value, request.DistributionPrice!.Value);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}

public sealed record ComponentRequest(string? SupplierSkuCode, int? Quantity);

public sealed class CreateMerchantSku(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Code, string? Name, string? SupplierAccountId, IReadOnlyList<ComponentRequest>? Components);

    public async Task<MerchantSku> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.Code, "code", 64).Required(request.Name, "name").Required(request.SupplierAccountId, "supplierAccountId", Ids.Length)
            .ThrowIfInvalid();
        await db.Partnerships.EnsureActiveAsync(accountId, request.SupplierAccountId!, ct);
        var components = await MerchantSkuComponents.ValidateAsync(db, request.SupplierAccountId!, request.Components, ct);
        var code = request.Code!.Trim();
        if (await db.MerchantSkus.AnyAsync(s => s.AccountId == accountId && s.Code == code, ct))
            throw DomainError.Conflict($"A merchant SKU with code {code} already exists.");
        var sku = MerchantSku.Create(accountId, code, request.Name!, request.SupplierAccountId!, components, clock.GetUtcNow());
        db.MerchantSkus.Add(sku);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}

/// <summary>Re-maps a merchant SKU. Empty components unmap it: its returns then fail to push with push.unmapped_sku.</summary>
public sealed class UpdateMerchantSku(AppDbContext db)
{
    public sealed record Request(string? Name, IReadOnlyList<ComponentRequest>? Components);

    public async Task<MerchantSku> HandleAsync(string accountId, string id, Request request, CancellationToken ct)
    {
        var sku = await db.MerchantSkus.SingleOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct) ?? throw DomainError.NotFound("merchant SKU");
        new Check().Required(request.Name, "name").ThrowIfInvalid();
        var components = await MerchantSkuComponents.ValidateAsync(db, sku.SupplierAccountId, request.Components, ct);
        sku.Update(request.Name!, components);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}

internal static class MerchantSkuComponents
{
    /// <summary>Each component is an existing SKU of the supplier, once, with a quantity above 0.</summary>
    public static async Task<List<SkuComponent>> ValidateAsync(AppDbContext db, string supplierAccountId, IReadOnlyList<ComponentRequest>? components, CancellationToken ct)
    {
        var check = new Check().Required(components, "components");
        components ??= [];
        var codes = components.Select(c => c.SupplierSkuCode?.Trim()).OfType<string>().ToList();
        var known = await db.SupplierSkus.Where(s => s.AccountId == supplierAccountId && codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var code = c.SupplierSkuCode?.Trim();
            check.Required(code, $"components[{i}].supplierSkuCode", 64)
                .That(code is null || known.Contains(code), $"components[{i}].supplierSkuCode", "Not a SKU of this supplier.")
                .That(code is null || codes.Count(x => x == code) == 1, $"components[{i}].supplierSkuCode", "Listed more than once.")
                .Positive(c.Quantity, $"components[{i}].quantity");
        }
        check.ThrowIfInvalid();
        return components.Select(c => new SkuComponent(c.SupplierSkuCode!.Trim(), c.Quantity!.Value)).ToList();
    }
}
