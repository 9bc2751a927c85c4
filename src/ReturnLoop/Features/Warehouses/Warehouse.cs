namespace ReturnLoop.Features.Warehouses;

public enum WarehouseKind { Own, ThirdParty }

public sealed class Warehouse
{
    private Warehouse() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public WarehouseKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>A closed warehouse is kept for history; returns can no longer be pushed or stocked into it.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public static Warehouse Create(string accountId, string code, string name, WarehouseKind kind, DateTimeOffset now) =>
        new() { AccountId = accountId, Code = code.Trim(), Name = name.Trim(), Kind = kind, CreatedAt = now };

    public bool IsAvailable => ClosedAt is null;

    public void Close(DateTimeOffset now)
    {
        if (!IsAvailable) throw DomainError.StateNotAllowed("close", "Closed");
        ClosedAt = now;
    }
}
