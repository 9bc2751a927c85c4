using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Catalog;

public sealed record ComponentRequest([property: Required] string? SupplierSkuCode, [property: Required] int? Quantity);

/// <summary>The components of a merchant SKU as a request gives them, checked against the supplier's catalogue.</summary>
internal static class MerchantSkuComponents
{
    /// <summary>Each component is an existing SKU of the supplier, once, with a quantity above 0.</summary>
    public static async Task<List<SkuComponent>> ValidateAsync(AppDbContext db, string supplierAccountId,
        IReadOnlyList<ComponentRequest>? components, CancellationToken ct)
    {
        var check = new Check().Required(components, "components");
        components ??= [];
        var codes = components.Select(c => c.SupplierSkuCode?.Trim()).OfType<string>().ToList();
        var known = await db.SupplierSkus.Where(s => s.AccountId == supplierAccountId && codes.Contains(s.Code)).Select(s => s.Code)
            .ToListAsync(ct);
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
