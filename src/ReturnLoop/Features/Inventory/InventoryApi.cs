namespace ReturnLoop.Features.Inventory;

public sealed record StockResponse(string WarehouseId, string SkuCode, int OnHand, int Damaged);

public sealed record StockMovementResponse(string Id, string WarehouseId, string SkuCode, StockBucket Bucket, int Quantity,
    int QuantityAfter,
    StockMovementReason Reason, string? Reference, string? Note, DateTimeOffset CreatedAt);

public sealed record AdjustmentResponse(StockMovementResponse Movement, StockResponse Stock);

public static class InventoryApi
{
    public static StockResponse ToResponse(this StockLevel s) => new(s.WarehouseId, s.SkuCode, s.OnHand, s.Damaged);

    public static StockMovementResponse ToResponse(this StockMovement m) => new(
        Id: m.Id,
        WarehouseId: m.WarehouseId,
        SkuCode: m.SkuCode,
        Bucket: m.Bucket,
        Quantity: m.Quantity,
        QuantityAfter: m.QuantityAfter,
        Reason: m.Reason,
        Reference: m.Reference,
        Note: m.Note,
        CreatedAt: m.CreatedAt);

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1", "Inventory").RequirePermissionToWrite(Permission.Stock);
        g.MapGet("/inventory", async Task<Ok<Page<StockResponse>>> (ClaimsPrincipal p, AppDbContext db, string? warehouseId,
            string? skuCode, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await db.StockLevelsOf(p.AccountId(), warehouseId, skuCode)
                .ToPageAsync(PageRequest.From(limit, cursor), s => s.ToResponse(), ct)))
            .WithSummary("Stock rows {warehouseId, skuCode, onHand, damaged}; both filters optional.");
        g.MapGet("/inventory/movements", async Task<Ok<Page<StockMovementResponse>>> (ClaimsPrincipal p, AppDbContext db, string? skuCode,
            string? warehouseId, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await db.StockMovementsOf(p.AccountId(), skuCode, warehouseId)
                .ToPageAsync(PageRequest.From(limit, cursor), m => m.ToResponse(), ct)))
            .WithSummary("The stock ledger: every change with its reason and reference, newest first.");
        g.MapPost("/inventory/adjustments",
            async Task<Created<AdjustmentResponse>> (AdjustStock.Request request, ClaimsPrincipal p, AdjustStock useCase,
                CancellationToken ct) =>
        {
            var (movement, level) = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/inventory/movements?skuCode={Uri.EscapeDataString(level.SkuCode)}",
                new AdjustmentResponse(movement.ToResponse(), level.ToResponse()));
        }).WithSummary("A signed change of sellable stock (opening stock, counts); never below 0.");
        g.MapGet("/distribution-stock",
            async Task<Ok<ItemsResponse<DistributionStockRow>>> (ClaimsPrincipal p, AppDbContext db, string? supplierId,
                CancellationToken ct) =>
            TypedResults.Ok(new ItemsResponse<DistributionStockRow>(await DistributionStock.ForDistributorAsync(db, p.AccountId(),
                supplierId, ct))))
            .WithSummary("Distributor: what each merchant SKU can still be shipped from each supplier warehouse (a combo: complete sets).");
        return app;
    }
}
