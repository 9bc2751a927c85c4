using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Catalog;

/// <summary>Supplier: a new SKU with its cost price and distribution price; its code is unique in the account.</summary>
public sealed class CreateSupplierSku(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(
        [property: Required] string? Code,
        [property: Required] string? Name,
        [property: Required] decimal? CostPrice,
        [property: Required] decimal? DistributionPrice);

    public async Task<SupplierSku> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        var currency = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Currency).SingleAsync(ct);
        new Check().Required(request.Code, "code", 64).Required(request.Name, "name")
            .Amount(request.CostPrice, "costPrice", currency).Amount(request.DistributionPrice, "distributionPrice", currency)
            .ThrowIfInvalid();
        var code = request.Code!.Trim();
        if (await db.SupplierSkus.AnyAsync(s => s.AccountId == accountId && s.Code == code, ct))
            throw DomainError.Conflict($"A SKU with code {code} already exists.");
        var sku = SupplierSku.Create(accountId, code, request.Name!, request.CostPrice!.Value, request.DistributionPrice!.Value,
            clock.GetUtcNow());
        db.SupplierSkus.Add(sku);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}
