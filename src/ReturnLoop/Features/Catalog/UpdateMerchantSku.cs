using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Catalog;

/// <summary>Re-maps a merchant SKU. Empty components unmap it: its returns then fail to push with push.unmapped_sku.</summary>
public sealed class UpdateMerchantSku(AppDbContext db)
{
    public sealed record Request([property: Required] string? Name, [property: Required] IReadOnlyList<ComponentRequest>? Components);

    public async Task<MerchantSku> HandleAsync(string accountId, string id, Request request, CancellationToken ct)
    {
        var sku = await db.MerchantSkus.FindMerchantSkuAsync(accountId, id, ct);
        new Check().Required(request.Name, "name").ThrowIfInvalid();
        var components = await MerchantSkuComponents.ValidateAsync(db, sku.SupplierAccountId, request.Components, ct);
        sku.Update(request.Name!, components);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}
