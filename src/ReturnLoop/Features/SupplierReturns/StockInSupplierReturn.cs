using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.SupplierReturns;

/// <summary>
/// The supplier receives a pushed return into one of its own warehouses: good units to sellable stock, damaged
/// units to damaged stock, each with a ledger row referencing the return; the return moves to Received Return
/// and the distributor's after-sales order to ReceivedReturn, all in one transaction.
/// </summary>
public sealed class StockInSupplierReturn(AppDbContext db, TimeProvider clock)
{
    public sealed record Line(
        [property: Required] string? SupplierSkuCode,
        [property: Required] int? Quantity,
        [property: Required] ItemCondition? Condition);

    public sealed record Request([property: Required] string? WarehouseId, [property: Required] IReadOnlyList<Line>? Lines);

    public Task<SupplierReturn> HandleAsync(string supplierAccountId, string id, Request request, CancellationToken ct)
    {
        var check = new Check().Required(request.WarehouseId, "warehouseId", Ids.Length).Required(request.Lines, "lines");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            check.Required(lines[i].SupplierSkuCode, $"lines[{i}].supplierSkuCode", 64)
                .That(lines[i].Quantity is >= 0, $"lines[{i}].quantity", "A whole number, 0 or more.")
                .Required(lines[i].Condition, $"lines[{i}].condition");
        }
        check.ThrowIfInvalid();

        return db.RetryOnConflictAsync(async () =>
        {
            var ret = await db.SupplierReturns.FindForSupplierAsync(supplierAccountId, id, ct);
            var warehouse = await db.Warehouses.AsNoTracking().FindForAccountAsync(supplierAccountId, request.WarehouseId!, ct);
            var afterSales = await db.AfterSalesOrders.SingleAsync(a => a.Id == ret.AfterSalesOrderId, ct);
            var now = clock.GetUtcNow();
            var stockInLines = lines.Select(l => new StockInLine(l.SupplierSkuCode!.Trim(), l.Quantity!.Value, l.Condition!.Value))
                .ToList();
            var received = ret.StockIn(warehouse, stockInLines, now);
            afterSales.MarkReceived(now);

            // The hot stock rows last: locked from here to the commit only, not across the reads above.
            await db.ReceiveReturnAsync(supplierAccountId, warehouse.Id,
                received.Select(r => new ReturnedUnits(r.SupplierSkuCode, r.Good, r.Damaged)).ToList(), ret.Id, now, ct);

            var units = ret.Lines.Sum(l => l.ReceivedQuantity);
            var damaged = ret.Lines.Sum(l => l.DamagedQuantity);
            db.Record(ret.AfterSalesOrderId, Side.Supplier, supplierAccountId, "StockedIn",
                $"Supplier stocked in {units} unit(s) into {warehouse.Code}, {damaged} damaged.", now);
            await db.SaveChangesAsync(ct);
            return ret;
        });
    }
}
