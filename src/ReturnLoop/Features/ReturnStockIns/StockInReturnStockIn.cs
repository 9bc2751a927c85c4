using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.ReturnStockIns;

/// <summary>
/// The seller receives its own returned goods into any of its own warehouses, 3PL included: good units to sellable stock,
/// damaged units to damaged stock, each with a ledger row referencing this Return &amp; Stock-in; the after-sales order is
/// received and completed at once (the buyer's refund happens on the marketplace), all in one transaction.
/// </summary>
public sealed class StockInReturnStockIn(AppDbContext db, TimeProvider clock)
{
    public sealed record Line(
        [property: Required] string? SkuCode,
        [property: Required] int? Quantity,
        [property: Required] ItemCondition? Condition);

    public sealed record Request([property: Required] string? WarehouseId, [property: Required] IReadOnlyList<Line>? Lines);

    public Task<ReturnStockIn> HandleAsync(string accountId, string id, Request request, CancellationToken ct)
    {
        var check = new Check().Required(request.WarehouseId, "warehouseId", Ids.Length).Required(request.Lines, "lines");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            check.Required(lines[i].SkuCode, $"lines[{i}].skuCode", 64)
                .That(lines[i].Quantity is >= 0, $"lines[{i}].quantity", "A whole number, 0 or more.")
                .Required(lines[i].Condition, $"lines[{i}].condition");
        }
        check.ThrowIfInvalid();

        return db.RetryOnConflictAsync(async () =>
        {
            var ret = await db.ReturnStockIns.FindForAccountAsync(accountId, id, ct);
            var warehouse = await db.Warehouses.AsNoTracking().FindForAccountAsync(accountId, request.WarehouseId!, ct);
            var now = clock.GetUtcNow();
            var received = ret.StockIn(warehouse,
                lines.Select(l => new ReturnStockInInput(l.SkuCode!.Trim(), l.Quantity!.Value, l.Condition!.Value)).ToList(), now);
            await db.ReceiveReturnAsync(accountId, warehouse.Id, received, ret.Id, now, ct);

            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == ret.AfterSalesOrderId, ct);
            afterSales.MarkReceivedAndCompleted(now);
            var units = ret.Lines.Sum(l => l.ReceivedQuantity);
            var damaged = ret.Lines.Sum(l => l.DamagedQuantity);
            db.Record(afterSales.Id, Side.Distributor, accountId, "StockedIn",
                $"Stocked in {units} unit(s) into {warehouse.Code}, {damaged} damaged.", now);
            db.Record(afterSales.Id, Side.System, null, "Completed", "Goods received: the after-sales order is completed.", now);
            await db.SaveChangesAsync(ct);
            return ret;
        });
    }
}
