using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.StoreOrders;

/// <summary>
/// An order of the seller's own shop shipped from one of its own warehouses (3PL included): the original order of a
/// regular after-sales order. A record of a shipment that already happened, so it moves no stock.
/// </summary>
public sealed class StoreOrder
{
    private readonly List<StoreOrderLine> _lines = [];

    private StoreOrder() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public Platform Platform { get; private set; }
    public string? ShopId { get; private set; }
    public string MarketplaceOrderNo { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";
    public DateTimeOffset ShippedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>
    /// Touched by every new after-sales order on this order, so two created at once conflict on the order's version and
    /// the "no more returned than shipped" check runs again for the loser (as on a distribution order).
    /// </summary>
    public DateTimeOffset? LastAfterSalesAt { get; private set; }
    public IReadOnlyList<StoreOrderLine> Lines => _lines;

    /// <summary>
    /// The store order as the seller (or a marketplace sync) states it. The caller has checked that the SKUs are the
    /// account's own, the warehouse is one of its own and the prices fit the account's currency.
    /// </summary>
    public static StoreOrder Record(string accountId, Platform platform, string? shopId, string marketplaceOrderNo, string warehouseId,
        IEnumerable<StoreOrderLine> lines, DateTimeOffset shippedAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(marketplaceOrderNo)) throw DomainError.Validation("marketplaceOrderNo", "Required.");
        if (shippedAt > now) throw DomainError.Validation("shippedAt", "Must not be in the future.");
        var order = new StoreOrder
        {
            AccountId = accountId,
            Platform = platform,
            ShopId = string.IsNullOrWhiteSpace(shopId) ? null : shopId.Trim(),
            MarketplaceOrderNo = marketplaceOrderNo.Trim(),
            WarehouseId = warehouseId,
            ShippedAt = shippedAt,
            CreatedAt = now,
        };
        order._lines.AddRange(lines);
        if (order._lines.Count == 0) throw DomainError.Validation("lines", "At least one line.");
        if (order._lines.Any(l => l.Quantity <= 0)) throw DomainError.Validation("lines", "Quantities must be above 0.");
        if (order._lines.Any(l => l.UnitPrice < 0)) throw DomainError.Validation("lines", "Unit prices must not be negative.");
        return order;
    }

    /// <summary>What was shipped of a SKU (the same SKU on two lines counts once per line).</summary>
    public int ShippedQuantityOf(string skuCode) => _lines.Where(l => l.SkuCode == skuCode).Sum(l => l.Quantity);

    public void NoteAfterSales(DateTimeOffset now) => LastAfterSalesAt = now;
}

/// <summary>One of the seller's own SKUs on a store order, at the price the buyer paid (the account's currency).</summary>
public sealed class StoreOrderLine
{
    private StoreOrderLine() { }

    public StoreOrderLine(string skuCode, int quantity, decimal unitPrice)
    {
        SkuCode = skuCode;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public string SkuCode { get; private set; } = "";
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
}
