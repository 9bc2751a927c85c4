using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>
/// Everything the push rules read for a batch of returns, loaded in a handful of queries whatever the batch
/// size (no per-row queries in a bulk push). All read-only; only the returns themselves are tracked.
/// </summary>
public sealed class PushContext
{
    private PushContext() { }

    public required IReadOnlyDictionary<string, DistributionOrder> Orders { get; init; }
    public required IReadOnlyDictionary<string, AfterSalesOrder> AfterSales { get; init; }
    public required ILookup<string, Partnership> PartnershipsBySupplier { get; init; }
    public required IReadOnlyDictionary<string, MerchantSku> MerchantSkus { get; init; }
    public required IReadOnlyDictionary<string, Warehouse> Warehouses { get; init; }

    public static async Task<PushContext> LoadAsync(AppDbContext db, string distributorAccountId, IReadOnlyCollection<DistributionReturn> returns,
        CancellationToken ct, IEnumerable<DistributionOrder>? knownOrders = null, IEnumerable<AfterSalesOrder>? knownAfterSales = null)
    {
        var orders = (knownOrders ?? []).ToDictionary(o => o.Id);
        var missingOrders = returns.Select(r => r.DistributionOrderId).Where(id => !orders.ContainsKey(id)).Distinct().ToList();
        if (missingOrders.Count > 0)
            foreach (var o in await db.DistributionOrders.AsNoTracking().Where(o => missingOrders.Contains(o.Id)).ToListAsync(ct)) orders[o.Id] = o;

        var afterSales = (knownAfterSales ?? []).ToDictionary(a => a.Id);
        var missingAfterSales = returns.Select(r => r.AfterSalesOrderId).Where(id => !afterSales.ContainsKey(id)).Distinct().ToList();
        if (missingAfterSales.Count > 0)
            foreach (var a in await db.AfterSalesOrders.AsNoTracking().Where(a => missingAfterSales.Contains(a.Id)).ToListAsync(ct)) afterSales[a.Id] = a;

        var suppliers = returns.Select(r => r.SupplierAccountId).Distinct().ToList();
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.DistributorAccountId == distributorAccountId && suppliers.Contains(p.SupplierAccountId)).ToListAsync(ct);

        var codes = afterSales.Values.SelectMany(a => a.Lines).Select(l => l.MerchantSkuCode).Distinct().ToList();
        var skus = await db.MerchantSkus.AsNoTracking().Where(s => s.AccountId == distributorAccountId && codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);

        var warehouseIds = returns.Select(r => r.WarehouseId).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);

        return new PushContext
        {
            Orders = orders,
            AfterSales = afterSales,
            PartnershipsBySupplier = partnerships.ToLookup(p => p.SupplierAccountId),
            MerchantSkus = skus,
            Warehouses = warehouses,
        };
    }
}
