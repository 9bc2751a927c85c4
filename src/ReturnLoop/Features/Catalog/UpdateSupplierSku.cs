using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Catalog;

/// <summary>Changes a SKU's name and prices. Orders already shipped keep the price frozen at their shipment.</summary>
public sealed class UpdateSupplierSku(AppDbContext db)
{
    public sealed record Request(
        [property: Required] string? Name,
        [property: Required] decimal? CostPrice,
        [property: Required] decimal? DistributionPrice);

    public async Task<SupplierSku> HandleAsync(string accountId, string id, Request request, CancellationToken ct)
    {
        var currency = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Currency).SingleAsync(ct);
        var sku = await db.SupplierSkus.FindSupplierSkuAsync(accountId, id, ct);
        new Check().Required(request.Name, "name")
            .Amount(request.CostPrice, "costPrice", currency).Amount(request.DistributionPrice, "distributionPrice", currency)
            .ThrowIfInvalid();
        sku.Update(request.Name!, request.CostPrice!.Value, request.DistributionPrice!.Value);
        await db.SaveChangesAsync(ct);
        return sku;
    }
}
