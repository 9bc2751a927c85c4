namespace ReturnLoop.Features.Warehouses;

public sealed record WarehouseResponse(string Id, string Code, string Name, WarehouseKind Kind, DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt);

public static class WarehousesApi
{
    public static WarehouseResponse ToResponse(this Warehouse w) => new(w.Id, w.Code, w.Name, w.Kind, w.CreatedAt, w.ClosedAt);

    public static IEndpointRouteBuilder MapWarehouses(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/warehouses", "Warehouses").RequirePermissionToWrite(Permission.Stock);
        g.MapPost("/", CreateAsync).WithSummary("Add a warehouse: Own, or ThirdParty (a 3PL).");
        g.MapGet("/", async Task<Ok<Page<WarehouseResponse>>> (ClaimsPrincipal p, AppDbContext db, WarehouseKind? kind, int? limit,
            string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await db.WarehousesOf(p.AccountId(), kind)
                .ToPageAsync(PageRequest.From(limit, cursor), w => w.ToResponse(), ct)));
        g.MapGet("/{id}", async Task<Ok<WarehouseResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Warehouses.AsNoTracking().FindForAccountAsync(p.AccountId(), id, ct)).ToResponse()));
        g.MapPost("/{id}/close", async Task<Ok<WarehouseResponse>> (string id, ClaimsPrincipal p, CloseWarehouse useCase,
            CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Close a warehouse: pushes of returns to it then fail with push.warehouse_unavailable.");
        return app;
    }

    private static async Task<Created<WarehouseResponse>> CreateAsync(CreateWarehouse.Request request, ClaimsPrincipal p,
        CreateWarehouse useCase, CancellationToken ct)
    {
        var w = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/warehouses/{w.Id}", w.ToResponse());
    }
}
