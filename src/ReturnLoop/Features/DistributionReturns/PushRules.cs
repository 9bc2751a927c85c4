using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>
/// The push checks of domain.md, pure and in their order; the first that fails is reported with its code.
/// On success they give the lines to push, combos split into their supplier sub-SKUs.
/// </summary>
public static class PushRules
{
    public const string OrderTooOld = "push.order_too_old";
    public const string NoPartnership = "push.no_partnership";
    public const string UnmappedSku = "push.unmapped_sku";
    public const string WarehouseUnavailable = "push.warehouse_unavailable";

    public sealed record Outcome(Failure? Failure, IReadOnlyList<ReturnLine> Lines)
    {
        public bool Succeeded => Failure is null;
    }

    /// <param name="partnerships">Every partnership, past and present, between the order's two accounts.</param>
    /// <param name="mappings">The distributor's merchant SKUs by code, as they are now.</param>
    /// <param name="warehouseAvailable">Whether the supplier warehouse the order shipped from still takes returns.</param>
    public static Outcome Check(DistributionOrder order, AfterSalesOrder afterSales, IEnumerable<Partnership> partnerships,
        IReadOnlyDictionary<string, MerchantSku> mappings, bool warehouseAvailable, TimeSpan maxOrderAge, DateTimeOffset now)
    {
        // "90 days" is 90 × 24 hours; exactly at the limit still pushes.
        if (order.ShippedAt is not { } shippedAt || now - shippedAt > maxOrderAge)
            return Fail(OrderTooOld,
                $"The original order shipped more than {maxOrderAge.TotalDays:0.##} days ago; it can no longer be pushed.");

        // A partnership terminated later does not block: orders from the cooperation period can still be pushed.
        if (!partnerships.Any(p => p.WasActiveAt(order.CreatedAt)))
            return Fail(NoPartnership, "The original order was not created while a partnership with this supplier was active.");

        var lines = new List<ReturnLine>();
        foreach (var line in afterSales.Lines)
        {
            if (!mappings.TryGetValue(line.MerchantSkuCode, out var sku) || !sku.IsMapped)
                return Fail(UnmappedSku, $"Merchant SKU {line.MerchantSkuCode} is not mapped to a supplier SKU.");

            // The parcel holds what was shipped: a merchant SKU on the order splits as it was shipped (its
            // components and quantities then), each sub-SKU valued at its own unit price at shipment.
            var shipped = order.Lines.Where(l => l.MerchantSkuCode == line.MerchantSkuCode && l.UnitPriceAtShipment is not null).ToList();
            if (shipped.Count > 0)
            {
                lines.AddRange(shipped.Select(l => new ReturnLine(l.SupplierSkuCode, line.Quantity * l.QuantityPerSet, line.MerchantSkuCode,
                    l.UnitPriceAtShipment!.Value)));
                continue;
            }

            // A platform may name a merchant SKU the order does not carry: split it by its mapping now, as long as
            // every component was shipped on the order (that is where its value comes from).
            foreach (var component in sku.Components)
            {
                var price = order.Lines.FirstOrDefault(l => l.SupplierSkuCode == component.SupplierSkuCode)?.UnitPriceAtShipment;
                if (price is null)
                    return Fail(UnmappedSku,
                        $"Merchant SKU {line.MerchantSkuCode} maps to {component.SupplierSkuCode}, which the original order did not ship.");
                lines.Add(new ReturnLine(component.SupplierSkuCode, line.Quantity * component.Quantity, line.MerchantSkuCode, price.Value));
            }
        }

        if (!warehouseAvailable)
            return Fail(WarehouseUnavailable, "The supplier warehouse this order shipped from no longer exists.");

        return new Outcome(null, lines);
    }

    private static Outcome Fail(string code, string message) => new(new Failure(code, message), []);
}

/// <summary>
/// Everything the push rules read for a batch of returns, by id: loaded in a handful of queries whatever the batch
/// size (no per-row queries in a bulk push), or built in memory by a test. All read-only.
/// </summary>
public sealed class PushContext
{
    private PushContext() { }

    public required IReadOnlyDictionary<string, DistributionOrder> Orders { get; init; }
    public required IReadOnlyDictionary<string, AfterSalesOrder> AfterSales { get; init; }
    public required ILookup<string, Partnership> PartnershipsBySupplier { get; init; }
    /// <summary>The distributor's merchant SKUs by code, as they are now.</summary>
    public required IReadOnlyDictionary<string, MerchantSku> MerchantSkus { get; init; }
    /// <summary>The supplier warehouses that still take returns.</summary>
    public required IReadOnlySet<string> AvailableWarehouseIds { get; init; }

    public static PushContext Of(IEnumerable<DistributionOrder> orders, IEnumerable<AfterSalesOrder> afterSales,
        IEnumerable<Partnership> partnerships, IEnumerable<MerchantSku> merchantSkus, IEnumerable<string> availableWarehouseIds) => new()
    {
        Orders = orders.ToDictionary(o => o.Id),
        AfterSales = afterSales.ToDictionary(a => a.Id),
        PartnershipsBySupplier = partnerships.ToLookup(p => p.SupplierAccountId),
        MerchantSkus = merchantSkus.ToDictionary(s => s.Code),
        AvailableWarehouseIds = availableWarehouseIds.ToHashSet(),
    };
}
