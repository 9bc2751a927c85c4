using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.DistributionOrders;

/// <summary>
/// The distributor places an order for the supplier to ship. Needs an active partnership now; a past
/// <c>createdAt</c> imports history, and whether its returns can be pushed is for the push rules to say.
/// </summary>
public sealed class CreateDistributionOrder(AppDbContext db, TimeProvider clock)
{
    public sealed record Line([property: Required] string? MerchantSkuCode, [property: Required] int? Quantity);

    public sealed record Request(
        [property: Required] string? SupplierAccountId,
        [property: Required] string? WarehouseId,
        [property: Required] Platform? Platform,
        string? ShopId,
        string? MarketplaceOrderNo,
        [property: Required] IReadOnlyList<Line>? Lines,
        DateTimeOffset? CreatedAt);

    public async Task<DistributionOrder> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new Check()
            .Required(request.SupplierAccountId, "supplierAccountId", Ids.Length)
            .Required(request.WarehouseId, "warehouseId", Ids.Length)
            .Required(request.Platform, "platform")
            .Optional(request.ShopId, "shopId", 100)
            .Optional(request.MarketplaceOrderNo, "marketplaceOrderNo", 100)
            .That(request.Platform is null or Platform.Manual || !string.IsNullOrWhiteSpace(request.MarketplaceOrderNo),
                "marketplaceOrderNo", "Required for a marketplace order.")
            // The order number is unique per shop: without the shop, two imports of one order could both land.
            .That(request.Platform is null or Platform.Manual || !string.IsNullOrWhiteSpace(request.ShopId), "shopId",
                "Required for a marketplace order.")
            .That(request.Lines is { Count: > 0 }, "lines", "At least one line.")
            .PastOrNow(request.CreatedAt, now, "createdAt");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
            check.Required(lines[i].MerchantSkuCode, $"lines[{i}].merchantSkuCode", 64).Positive(lines[i].Quantity, $"lines[{i}].quantity");
        check.ThrowIfInvalid();

        var supplierId = request.SupplierAccountId!;
        await db.Partnerships.EnsureActiveAsync(distributorAccountId, supplierId, ct);
        var warehouse = await db.Warehouses.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Id == request.WarehouseId && w.AccountId == supplierId, ct);
        check.That(warehouse is { IsAvailable: true }, "warehouseId", "Not an open warehouse of this supplier.");

        // Sold quantities per merchant SKU; the same SKU on two lines is one line.
        var sold = lines.GroupBy(l => l.MerchantSkuCode!.Trim()).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity!.Value));
        var codes = sold.Keys.ToList();
        var skus = await db.MerchantSkus.AsNoTracking().Where(s => s.AccountId == distributorAccountId && codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, ct);
        for (var i = 0; i < lines.Count; i++)
        {
            var sku = skus.GetValueOrDefault(lines[i].MerchantSkuCode!.Trim());
            check.That(sku is not null, $"lines[{i}].merchantSkuCode", "Not one of your merchant SKUs.")
                .That(sku is null || sku.SupplierAccountId == supplierId, $"lines[{i}].merchantSkuCode", "Mapped to another supplier.");
        }
        check.ThrowIfInvalid();
        var unmapped = skus.Values.FirstOrDefault(s => !s.IsMapped);
        if (unmapped is not null) throw DomainError.Rule("sku.unmapped", $"Merchant SKU {unmapped.Code} is not mapped to a supplier SKU.");

        if (request.MarketplaceOrderNo is { } orderNo
            && await db.DistributionOrders.AnyAsync(o => o.DistributorAccountId == distributorAccountId
                && o.Platform == request.Platform && o.ShopId == request.ShopId && o.MarketplaceOrderNo == orderNo.Trim(), ct))
            throw DomainError.Conflict($"Order {orderNo} of this shop is already recorded.");

        var orderLines = sold.SelectMany(s =>
            skus[s.Key].Components.Select(c => new DistributionOrderLine(s.Key, s.Value, c.SupplierSkuCode, c.Quantity)));
        var currency = await db.CurrencyOfAsync(supplierId, ct);
        var order = DistributionOrder.Create(distributorAccountId, supplierId, currency, warehouse!.Id, request.Platform!.Value,
            request.ShopId, request.MarketplaceOrderNo, orderLines, (request.CreatedAt ?? now).ToUniversalTime(), now);
        db.DistributionOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return order;
    }
}
