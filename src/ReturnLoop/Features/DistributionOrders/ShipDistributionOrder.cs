using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Inventory;

namespace ReturnLoop.Features.DistributionOrders;

/// <summary>
/// Stock-out: freezes each line's unit price at shipment (the SKU's distribution price unless given) and the
/// distribution fee (the charge settings unless given), and lowers stock with its ledger rows, in one transaction.
/// </summary>
public sealed class ShipDistributionOrder(AppDbContext db, TimeProvider clock)
{
    public sealed record PriceLine([property: Required] string? SupplierSkuCode, [property: Required] decimal? UnitPrice);

    public sealed record Request(IReadOnlyList<PriceLine>? Lines, decimal? DistributionFee, DateTimeOffset? ShippedAt);

    public Task<DistributionOrder> HandleAsync(string supplierAccountId, string id, Request request, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var order = await db.DistributionOrders.FindForPartyAsync(supplierAccountId, id, ct);
            if (order.SupplierAccountId != supplierAccountId) throw DomainError.Forbidden("Only the supplier ships an order.");
            if (!order.CanShip) throw DomainError.StateNotAllowed("ship", order.Status);

            var supplier = await db.AccountAsync(supplierAccountId, ct);
            var now = clock.GetUtcNow();
            var given = request.Lines ?? [];
            var check = new Check()
                .Amount(request.DistributionFee, "distributionFee", supplier.Currency, required: false)
                .PastOrNow(request.ShippedAt, now, "shippedAt");
            for (var i = 0; i < given.Count; i++)
            {
                check.Required(given[i].SupplierSkuCode, $"lines[{i}].supplierSkuCode", 64)
                    .That(given[i].SupplierSkuCode is null || order.Lines.Any(l => l.SupplierSkuCode == given[i].SupplierSkuCode),
                        $"lines[{i}].supplierSkuCode", "Not on this order.")
                    .Amount(given[i].UnitPrice, $"lines[{i}].unitPrice", supplier.Currency);
            }
            check.ThrowIfInvalid();

            var codes = order.Lines.Select(l => l.SupplierSkuCode).Distinct().ToList();
            var prices = await db.SupplierSkus.AsNoTracking().Where(s => s.AccountId == supplierAccountId && codes.Contains(s.Code))
                .ToDictionaryAsync(s => s.Code, s => s.DistributionPrice, ct);
            foreach (var line in given) prices[line.SupplierSkuCode!] = line.UnitPrice!.Value;
            var missing = codes.FirstOrDefault(c => !prices.ContainsKey(c));
            if (missing is not null) throw DomainError.Rule("sku.unknown", $"{missing} is not in the supplier's catalogue.");

            var warehouse = await db.Warehouses.AsNoTracking().SingleAsync(w => w.Id == order.WarehouseId, ct);
            if (!warehouse.IsAvailable) throw DomainError.Rule("warehouse.unavailable", "The order's warehouse is closed.");

            order.Ship(prices, request.DistributionFee ?? supplier.DistributionFee, (request.ShippedAt ?? now).ToUniversalTime());
            var stock = await db.LoadForUpdateAsync(supplierAccountId, order.WarehouseId, codes, ct);
            foreach (var need in order.Lines.GroupBy(l => l.SupplierSkuCode))
                db.StockMovements.Add(stock[need.Key].Ship(need.Sum(l => l.Quantity), order.Id, now));
            await db.SaveChangesAsync(ct);
            return order;
        });
}
