using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Warehouses;

/// <summary>Adds a warehouse: Own, or ThirdParty (a 3PL); its code is unique in the account.</summary>
public sealed class CreateWarehouse(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(
        [property: Required] string? Code,
        [property: Required] string? Name,
        [property: Required] WarehouseKind? Kind);

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
