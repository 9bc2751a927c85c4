using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.StoreOrders;

/// <summary>
/// The seller records an order of its own shop that it shipped from one of its own warehouses (3PL included), with its
/// own SKUs at the prices the buyer paid. It moves no stock: the shipment already happened.
/// </summary>
public sealed class CreateStoreOrder(AppDbContext db, TimeProvider clock)
{
    public sealed record Line([property: Required] string? SkuCode, [property: Required] int? Quantity,
        [property: Required] decimal? UnitPrice);

    public sealed record Request(
        [property: Required] Platform? Platform,
        string? ShopId,
        [property: Required] string? MarketplaceOrderNo,
        [property: Required] string? WarehouseId,
        [property: Required] IReadOnlyList<Line>? Lines,
        DateTimeOffset? ShippedAt);

    public async Task<StoreOrder> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var currency = await db.CurrencyOfAsync(accountId, ct);
        var check = new Check()
            .Required(request.Platform, "platform")
            .Optional(request.ShopId, "shopId", 100)
            // The order number is unique per shop: without the shop, two imports of one order could both land.
            .That(request.Platform is null or Platform.Manual || !string.IsNullOrWhiteSpace(request.ShopId), "shopId",
                "Required for a marketplace order.")
            .Required(request.MarketplaceOrderNo, "marketplaceOrderNo", 100)
            .Required(request.WarehouseId, "warehouseId", Ids.Length)
            .That(request.Lines is { Count: > 0 }, "lines", "At least one line.")
            .PastOrNow(request.ShippedAt, now, "shippedAt");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            check.Required(lines[i].SkuCode, $"lines[{i}].skuCode", 64)
                .Positive(lines[i].Quantity, $"lines[{i}].quantity")
                .Amount(lines[i].UnitPrice, $"lines[{i}].unitPrice", currency);
        }
        check.ThrowIfInvalid();

        // Any of the seller's own warehouses, third-party ones included; another account's is not there (404).
        var warehouse = await db.Warehouses.AsNoTracking().FindForAccountAsync(accountId, request.WarehouseId!, ct);

        var codes = lines.Select(l => l.SkuCode!.Trim()).Distinct().ToList();
        var own = await db.SupplierSkus.AsNoTracking().Where(s => s.AccountId == accountId && codes.Contains(s.Code))
            .Select(s => s.Code).ToListAsync(ct);
        for (var i = 0; i < lines.Count; i++)
            check.That(own.Contains(lines[i].SkuCode!.Trim()), $"lines[{i}].skuCode", "Not one of your SKUs.");
        check.ThrowIfInvalid();

        var shopId = string.IsNullOrWhiteSpace(request.ShopId) ? null : request.ShopId.Trim();
        var orderNo = request.MarketplaceOrderNo!.Trim();
        if (await db.StoreOrders.FindByMarketplaceOrderAsync(accountId, request.Platform!.Value, shopId, orderNo, ct) is not null)
            throw DomainError.Conflict($"Order {orderNo} of this shop is already recorded.");

        var order = StoreOrder.Record(accountId, request.Platform.Value, shopId, orderNo, warehouse.Id,
            lines.Select(l => new StoreOrderLine(l.SkuCode!.Trim(), l.Quantity!.Value, l.UnitPrice!.Value)),
            (request.ShippedAt ?? now).ToUniversalTime(), now);
        db.StoreOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return order;
    }
}
