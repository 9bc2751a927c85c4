namespace ReturnLoop.Features.ReturnStockIns;

public sealed record ReturnStockInLineResponse(string SkuCode, int ExpectedQuantity, int ReceivedQuantity, int DamagedQuantity);

public sealed record ReturnStockInResponse(string Id, string AfterSalesOrderId, string StoreOrderId, ReturnStockInStatus Status,
    string? WarehouseId, IReadOnlyList<ReturnStockInLineResponse> Lines, DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt,
    DateTimeOffset? CancelledAt);

/// <summary>The seller's own Return &amp; Stock-in: goods of regular after-sales orders coming back to its own stock.</summary>
public static class ReturnStockInsApi
{
    public static ReturnStockInResponse ToResponse(this ReturnStockIn r) =>
        new(r.Id, r.AfterSalesOrderId, r.StoreOrderId, r.Status, r.WarehouseId,
            r.Lines.Select(l => new ReturnStockInLineResponse(l.SkuCode, l.ExpectedQuantity, l.ReceivedQuantity, l.DamagedQuantity))
                .ToList(),
            r.CreatedAt, r.ReceivedAt, r.CancelledAt);

    public static IEndpointRouteBuilder MapReturnStockIns(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/return-stock-ins", "Return & Stock-in").RequirePermissionToWrite(Permission.Stock);
        g.MapGet("/", async Task<Ok<Page<ReturnStockInResponse>>> (ClaimsPrincipal p, AppDbContext db, ReturnStockInStatus? status,
                string? q, int? limit, string? cursor, CancellationToken ct) =>
                TypedResults.Ok(await db.ReturnStockInsOf(p.AccountId(), status, q)
                    .ToPageAsync(PageRequest.From(limit, cursor), r => r.ToResponse(), ct)))
            .WithSummary("Your own Return & Stock-in, newest first; q finds an id, after-sales order, store order or order number.");
        g.MapGet("/counts", async Task<Ok<Dictionary<string, int>>> (ClaimsPrincipal p, AppDbContext db, string? q,
                CancellationToken ct) =>
                TypedResults.Ok(await db.ReturnStockInCountsAsync(p.AccountId(), q, ct)))
            .WithSummary("Counts per status tab, under the same filters.");
        g.MapGet("/{id}", async Task<Ok<ReturnStockInResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ReturnStockIns.AsNoTracking().FindForAccountAsync(p.AccountId(), id, ct)).ToResponse()));
        g.MapPost("/{id}/stock-in", async Task<Ok<ReturnStockInResponse>> (string id, StockInReturnStockIn.Request request,
                ClaimsPrincipal p, StockInReturnStockIn useCase, CancellationToken ct) =>
                TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request, ct)).ToResponse()))
            .WithSummary("Receive the goods into any of your own warehouses (3PL included); the after-sales order is completed.");
        return app;
    }
}
