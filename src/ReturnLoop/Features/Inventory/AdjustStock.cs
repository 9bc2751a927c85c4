using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Inventory;

/// <summary>A signed change of sellable stock (opening stock, counts), never below 0, with its ledger row.</summary>
public sealed class AdjustStock(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(
        [property: Required] string? WarehouseId,
        [property: Required] string? SkuCode,
        [property: Required] int? Quantity,
        string? Reason);

    public Task<(StockMovement Movement, StockLevel Level)> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.WarehouseId, "warehouseId", Ids.Length).Required(request.SkuCode, "skuCode", 64)
            .That(request.Quantity is not (null or 0), "quantity", "A whole number other than 0.")
            .Optional(request.Reason, "reason", 500)
            .ThrowIfInvalid();

        return db.RetryOnConflictAsync(async () =>
        {
            var warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Id == request.WarehouseId && w.AccountId == accountId
                && w.ClosedAt == null, ct)
                ?? throw DomainError.NotFound("warehouse");
            if (!await db.SupplierSkus.AnyAsync(s => s.AccountId == accountId && s.Code == request.SkuCode, ct))
                throw DomainError.Validation("skuCode", "Not one of your SKUs.");
            var level = (await db.LoadForUpdateAsync(accountId, warehouse.Id, [request.SkuCode!], ct))[request.SkuCode!];
            var movement = level.Adjust(request.Quantity!.Value, request.Reason, clock.GetUtcNow());
            db.StockMovements.Add(movement);
            await db.SaveChangesAsync(ct);
            return (movement, level);
        });
    }
}
