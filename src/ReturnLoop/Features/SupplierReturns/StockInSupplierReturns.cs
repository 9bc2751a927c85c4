using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.SupplierReturns;

/// <summary>
/// The quick path after a peak sale (the help article): many pushed returns stocked in at once into one own warehouse,
/// each as expected and all good. One transaction per slice of the batch (<see cref="BulkSlices"/>): the returns and their
/// after-sales orders are read in two set queries and the hot stock rows are locked once, in SKU order, only after every
/// return of the slice has been decided. A return
/// that cannot be stocked in fails on its own with its code; the others go on. Each return still gets its own ledger rows
/// and timeline entry, exactly as <see cref="StockInSupplierReturn"/> writes them.
/// </summary>
public sealed class StockInSupplierReturns(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] IReadOnlyList<string>? Ids, [property: Required] string? WarehouseId);

    /// <summary>The outcome for one id: the return as it now is, or why it was not stocked in.</summary>
    public sealed record Outcome(string Id, SupplierReturn? Return, DomainError? Error);

    public const int MaxBatch = 1000;

    public async Task<IReadOnlyList<Outcome>> HandleAsync(string supplierAccountId, Request request, CancellationToken ct)
    {
        new Check()
            .That(request.Ids is { Count: > 0 and <= MaxBatch }, "ids", $"1 to {MaxBatch} ids.")
            .That(request.Ids is null || request.Ids.All(i => !string.IsNullOrWhiteSpace(i) && i.Length <= Ids.Length), "ids",
                "Ids must not be empty.")
            .Required(request.WarehouseId, "warehouseId", Ids.Length)
            .ThrowIfInvalid();
        var ids = request.Ids!.Distinct().ToList();

        return await db.InSlicesAsync(ids, slice => db.RetryOnConflictAsync(async () =>
        {
            var refused = new Dictionary<string, DomainError>();
            // A refusal after a change (the after-sales order's) leaves the unit of work half changed: drop it and decide the
            // slice again without that return. The return's own refusals are checked before anything changes.
            IReadOnlyList<Outcome>? outcomes;
            while ((outcomes = await AttemptAsync(supplierAccountId, slice, request.WarehouseId!, refused, ct)) is null)
                db.ChangeTracker.Clear();
            await db.SaveChangesAsync(ct);
            return outcomes;
        }));
    }

    private async Task<IReadOnlyList<Outcome>?> AttemptAsync(string supplierAccountId, IReadOnlyList<string> ids, string warehouseId,
        Dictionary<string, DomainError> refused, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.AsNoTracking().FindForAccountAsync(supplierAccountId, warehouseId, ct);
        var wanted = ids.Where(id => !refused.ContainsKey(id)).ToList();
        var returns = await db.SupplierReturns.Where(r => wanted.Contains(r.Id) && r.SupplierAccountId == supplierAccountId)
            .ToDictionaryAsync(r => r.Id, ct);
        var afterSalesIds = returns.Values.Select(r => r.AfterSalesOrderId).Distinct().ToList();
        var afterSales = await db.AfterSalesOrders.Where(a => afterSalesIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        var now = clock.GetUtcNow();
        var received = new List<(SupplierReturn Return, IReadOnlyList<ReceivedStock> Stock)>();
        foreach (var ret in returns.Values)
        {
            var asExpected = ret.Lines.GroupBy(l => l.SupplierSkuCode)
                .Select(g => new StockInLine(g.Key, g.Sum(l => l.ExpectedQuantity), ItemCondition.Good)).ToList();
            if (BulkSlices.Refused(ret.Id, () => ret.EnsureCanStockIn(warehouse, asExpected), refused)) continue;
            try
            {
                received.Add((ret, ret.StockIn(warehouse, asExpected, now)));
                afterSales[ret.AfterSalesOrderId].MarkReceived(now);
            }
            catch (DomainError e)
            {
                refused[ret.Id] = e;
                return null;
            }
        }

        // Only now the hot rows: locked for the save alone, every SKU of the batch in one query.
        var stock = await db.LoadForUpdateAsync(supplierAccountId, warehouse.Id,
            received.SelectMany(r => r.Stock).Select(s => s.SupplierSkuCode), ct);
        foreach (var (ret, lines) in received)
        {
            foreach (var line in lines)
            {
                var level = stock[line.SupplierSkuCode];
                if (line.Good > 0) db.StockMovements.Add(level.ReceiveReturn(StockBucket.Sellable, line.Good, ret.Id, now));
                if (line.Damaged > 0) db.StockMovements.Add(level.ReceiveReturn(StockBucket.Damaged, line.Damaged, ret.Id, now));
            }
            db.Record(ret.AfterSalesOrderId, Side.Supplier, supplierAccountId, "StockedIn",
                $"Supplier stocked in {ret.Lines.Sum(l => l.ReceivedQuantity)} unit(s) into {warehouse.Code}, 0 damaged.", now);
        }

        return ids.Select(id => refused.TryGetValue(id, out var error) ? new Outcome(id, null, error)
            : returns.TryGetValue(id, out var ret) ? new Outcome(id, ret, null)
            : new Outcome(id, null, DomainError.NotFound("supplier return"))).ToList();
    }
}
