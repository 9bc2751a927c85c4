using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.Catalog;

/// <summary>
/// Distributor: a merchant SKU mapped to SKUs of a supplier it cooperates with (one component a single, more a combo).
/// </summary>
public sealed class CreateMerchantSku(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(
        [property: Required] string? Code,
        [property: Required] string? Name,
        [property: Required] string? SupplierAccountId,
        [property: Required] IReadOnlyList<ComponentRequest>? Components);

    public async Task<MerchantSku> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.Code, "code", 64).Required(request.Name, "name")
            .Required(request.SupplierAccountId, "supplierAccountId", Ids.Length)
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
