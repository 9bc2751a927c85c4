using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.Inventory;

public sealed record DistributionStockRow(string MerchantSkuCode, string SupplierAccountId, string WarehouseId, int Available);

/// <summary>
/// What each of the distributor's merchant SKUs can still be shipped from each warehouse of its supplier:
/// a single SKU's sellable stock, a combo's complete sets. Read live, so a supplier's stock-in shows at once.
/// </summary>
public static class DistributionStock
{
    public static async Task<IReadOnlyList<DistributionStockRow>> ForDistributorAsync(AppDbContext db, string distributorAccountId,
        string? supplierId, CancellationToken ct)
    {
        var suppliers = await db.Partnerships.AsNoTracking()
            .Where(p => p.DistributorAccountId == distributorAccountId && p.Status == PartnershipStatus.Active)
            .Where(p => supplierId == null || p.SupplierAccountId == supplierId)
            .Select(p => p.SupplierAccountId).ToListAsync(ct);
        if (suppliers.Count == 0) return [];

        var skus = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.AccountId == distributorAccountId && suppliers.Contains(s.SupplierAccountId)).ToListAsync(ct);
        var warehouses = await db.Warehouses.AsNoTracking()
            .Where(w => suppliers.Contains(w.AccountId) && w.ClosedAt == null).OrderBy(w => w.Code).ToListAsync(ct);
        var codes = skus.SelectMany(s => s.Components).Select(c => c.SupplierSkuCode).Distinct().ToList();
        var warehouseIds = warehouses.Select(w => w.Id).ToList();
        var stock = await db.StockLevels.AsNoTracking()
            .Where(s => warehouseIds.Contains(s.WarehouseId) && codes.Contains(s.SkuCode))
            .ToDictionaryAsync(s => (s.WarehouseId, s.SkuCode), s => s.OnHand, ct);

        return skus.OrderBy(s => s.Code).SelectMany(sku => warehouses
                .Where(w => w.AccountId == sku.SupplierAccountId)
                .Select(w => new DistributionStockRow(sku.Code, sku.SupplierAccountId, w.Id, Available(sku, w, stock))))
            .ToList();
    }

    /// <summary>Complete sets: the scarcest component decides. An unmapped SKU has none.</summary>
    public static int Available(MerchantSku sku, Warehouse warehouse, IReadOnlyDictionary<(string, string), int> onHand) =>
        sku.IsMapped ? sku.Components.Min(c => onHand.GetValueOrDefault((warehouse.Id, c.SupplierSkuCode)) / c.Quantity) : 0;
}
