using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.StoreOrders;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// What an after-sales order may ask back (domain.md, "After-sales orders"): the original order has shipped, and each
/// quantity is at most what was shipped less every earlier after-sales order on that order that is not cancelled,
/// whatever its type or status (ToConfirm and RefundOnly included).
/// </summary>
public static class Returnable
{
    public const string QuantityExceedsShipped = "after_sales.quantity_exceeds_shipped";

    /// <summary>Shipped less what earlier, not cancelled after-sales orders already ask back; never below 0.</summary>
    /// <param name="earlierLines">The lines of the earlier after-sales orders on this order that are not cancelled.</param>
    public static int QuantityOf(DistributionOrder order, string merchantSkuCode, IEnumerable<AfterSalesLine> earlierLines) =>
        QuantityOf(order.ShippedQuantityOf, merchantSkuCode, earlierLines);

    /// <summary>The same for a store order (a regular after-sales order): its lines are the seller's own SKUs.</summary>
    public static int QuantityOf(StoreOrder order, string skuCode, IEnumerable<AfterSalesLine> earlierLines) =>
        QuantityOf(order.ShippedQuantityOf, skuCode, earlierLines);

    /// <summary>Refuses a quantity above what is returnable with 422 <see cref="QuantityExceedsShipped"/>.</summary>
    public static void Ensure(DistributionOrder order, IEnumerable<AfterSalesLine> lines, IEnumerable<AfterSalesLine> earlierLines) =>
        Ensure(order.ShippedQuantityOf, lines, earlierLines);

    public static void Ensure(StoreOrder order, IEnumerable<AfterSalesLine> lines, IEnumerable<AfterSalesLine> earlierLines) =>
        Ensure(order.ShippedQuantityOf, lines, earlierLines);

    private static int QuantityOf(Func<string, int> shippedQuantityOf, string skuCode, IEnumerable<AfterSalesLine> earlierLines) =>
        Math.Max(0, shippedQuantityOf(skuCode) - earlierLines.Where(l => l.MerchantSkuCode == skuCode).Sum(l => l.Quantity));

    private static void Ensure(Func<string, int> shippedQuantityOf, IEnumerable<AfterSalesLine> lines,
        IEnumerable<AfterSalesLine> earlierLines)
    {
        var earlier = earlierLines.ToList();
        foreach (var sku in lines.GroupBy(l => l.MerchantSkuCode))
        {
            var requested = sku.Sum(l => l.Quantity);
            var left = QuantityOf(shippedQuantityOf, sku.Key, earlier);
            if (requested > left)
                throw DomainError.Rule(QuantityExceedsShipped,
                    $"{sku.Key}: {requested} requested but only {left} shipped and not yet in an after-sales order.");
        }
    }
}
