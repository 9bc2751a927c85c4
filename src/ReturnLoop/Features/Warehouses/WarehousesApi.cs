namespace ReturnLoop.Features.Warehouses;

public sealed record WarehouseResponse(string Id, string Code, string Name, WarehouseKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

public sealed class CreateWarehouse(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Code, string? Name, WarehouseKind? Kind);

    public async Task<Warehouse> HandleAsync(string accountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.Code, "code", 64).Required(request.Name, "name").Required(request.Kind, "kind").ThrowIfInvalid();
        var code = request.Code!.Trim();
        if (await db.Warehouses.AnyAsync(w => w.AccountId == accountId && w.Code == code, ct))
            throw DomainError.Conflict($"A warehouse with code {code} already exists.");
        var warehouse = Warehouse.Create(accountId, code, request.Name!, request.Kind!.Value, clock.GetUtcNow());
        db.Warehouses.Add(warehouse);
        await db.SaveChangesAsync(ct);
        return warehouse;
    }
}

/// <summary>Closes a warehouse: kept for history, but returns can no longer be pushed or stocked into it.</summary>
public sealed class CloseWarehouse(AppDbContext db, TimeProvider clock)
{
    public async Task<Warehouse> HandleAsync(string accountId, string id, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, ct) ?? throw DomainError.NotFound("warehouse");
        warehouse.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return warehouse;
    }
}

public static class WarehousesApi
{
    public static WarehouseResponse ToResponse(this Warehouse w) => new(w.Id, w.Code, w.Name, w.Kind, w.CreatedAt, w.ClosedAt);

    public static IEndpointRouteBuilder MapWarehouses(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/warehouses", "Warehouses");
        g.MapPost("/", async Task<Created<WarehouseResponse>> (CreateWarehouse.Request request, ClaimsPrincipal p, CreateWarehouse useCase, CancellationToken ct) =>
        {
            var w = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/warehouses/{w.Id}", w.ToResponse());
        }).WithSummary("Add a warehouse: Own, or ThirdParty (a 3PL).");
        g.MapGet("/", async Task<Ok<Page<WarehouseResponse>>> (ClaimsPrincipal p, AppDbContext db, WarehouseKind? kind, int? limit, string? cursor, CancellationToken ct) =>
        {
            var me = p.AccountId();
            var query = db.Warehouses.AsNoTracking().Where(w => w.AccountId == me);
            if (kind is { } k) query = query.Where(w => w.Kind == k);
            return TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), w => w.ToResponse(), ct));
        });
        g.MapGet("/{id}", async Task<Ok<WarehouseResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
        {
            var me = p.AccountId();
            var w = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.AccountId == me, ct) ?? throw DomainError.NotFound("warehouse");
            return TypedResults.Ok(w.ToResponse());
        });
        g.MapPost("/{id}/close", async Task<Ok<WarehouseResponse>> (string id, ClaimsPrincipal p, CloseWarehouse useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Close a warehouse: pushes of returns to it then fail with push.warehouse_unavailable.");
        return app;
    }
}
