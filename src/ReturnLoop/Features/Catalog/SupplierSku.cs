namespace ReturnLoop.Features.Catalog;

/// <summary>A product of the supplier. The distribution price is what distributors pay; it is frozen per line at shipment.</summary>
public sealed class SupplierSku
{
    private SupplierSku() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal CostPrice { get; private set; }
    public decimal DistributionPrice { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static SupplierSku Create(string accountId, string code, string name, decimal costPrice, decimal distributionPrice,
        DateTimeOffset now) =>
        new() { AccountId = accountId, Code = code.Trim(), Name = name.Trim(), CostPrice = costPrice, DistributionPrice = distributionPrice,
            CreatedAt = now };

    public void Update(string name, decimal costPrice, decimal distributionPrice)
    {
        Name = name.Trim();
        CostPrice = costPrice;
        DistributionPrice = distributionPrice;
    }
}

public sealed record SkuComponent(string SupplierSkuCode, int Quantity);

/// <summary>
/// The distributor's code for what it sells: single (one supplier SKU) or combo (several, with quantities).
/// No components means the mapping is missing: such a SKU cannot be ordered, and a return of it fails to push.
/// </summary>
public sealed class MerchantSku
{
    private readonly List<SkuComponent> _components = [];

    private MerchantSku() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string SupplierAccountId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<SkuComponent> Components => _components;

    public bool IsMapped => _components.Count > 0;
    public bool IsCombo => _components.Count > 1;

    public static MerchantSku Create(string accountId, string code, string name, string supplierAccountId,
        IEnumerable<SkuComponent> components, DateTimeOffset now)
    {
        var sku = new MerchantSku { AccountId = accountId, Code = code.Trim(), Name = name.Trim(), SupplierAccountId = supplierAccountId,
            CreatedAt = now };
        sku._components.AddRange(components);
        return sku;
    }

    public void Update(string name, IEnumerable<SkuComponent> components)
    {
        Name = name.Trim();
        _components.Clear();
        _components.AddRange(components);
    }
}
