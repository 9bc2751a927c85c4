namespace ReturnLoop.Features.Inventory;

public enum StockBucket { Sellable, Damaged }

public enum StockMovementReason { Adjustment, Ship, ReturnStockIn }

/// <summary>
/// A supplier's stock of one SKU in one warehouse: sellable (<c>OnHand</c>) and <c>Damaged</c>, each the sum of
/// its movement ledger and never negative. Every change returns the ledger row that explains it.
/// </summary>
public sealed class StockLevel
{
    private StockLevel() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";
    public string SkuCode { get; private set; } = "";
    public int OnHand { get; private set; }
    public int Damaged { get; private set; }

    public static StockLevel Empty(string accountId, string warehouseId, string skuCode) =>
        new() { AccountId = accountId, WarehouseId = warehouseId, SkuCode = skuCode };

    /// <summary>A signed change of sellable stock (opening stock, counts); refused when it would go below 0.</summary>
    public StockMovement Adjust(int quantity, string? note, DateTimeOffset now) =>
        Move(StockBucket.Sellable, quantity, StockMovementReason.Adjustment, reference: null, note, now);

    public StockMovement Ship(int quantity, string orderId, DateTimeOffset now) =>
        Move(StockBucket.Sellable, -quantity, StockMovementReason.Ship, orderId, note: null, now);

    /// <param name="returnId">The supplier return, or the seller's own return &amp; stock-in, that brought the goods back.</param>
    public StockMovement ReceiveReturn(StockBucket bucket, int quantity, string returnId, DateTimeOffset now) =>
        Move(bucket, quantity, StockMovementReason.ReturnStockIn, returnId, note: null, now);

    private StockMovement Move(StockBucket bucket, int quantity, StockMovementReason reason, string? reference, string? note,
        DateTimeOffset now)
    {
        var after = (bucket == StockBucket.Sellable ? OnHand : Damaged) + quantity;
        if (after < 0)
        {
            var (have, kind) = bucket == StockBucket.Sellable ? (OnHand, "sellable") : (Damaged, "damaged");
            throw DomainError.Rule("stock.insufficient", $"{SkuCode} has {have} {kind} in this warehouse; {-quantity} needed.");
        }
        if (bucket == StockBucket.Sellable) OnHand = after; else Damaged = after;
        return new StockMovement(AccountId, WarehouseId, SkuCode, bucket, quantity, after, reason, reference, note, now);
    }
}

/// <summary>One row of the stock ledger: appended, never edited.</summary>
public sealed class StockMovement
{
    private StockMovement() { }

    internal StockMovement(string accountId, string warehouseId, string skuCode, StockBucket bucket, int quantity, int quantityAfter,
        StockMovementReason reason, string? reference, string? note, DateTimeOffset at)
    {
        AccountId = accountId;
        WarehouseId = warehouseId;
        SkuCode = skuCode;
        Bucket = bucket;
        Quantity = quantity;
        QuantityAfter = quantityAfter;
        Reason = reason;
        Reference = reference;
        Note = note;
        CreatedAt = at;
    }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";
    public string SkuCode { get; private set; } = "";
    public StockBucket Bucket { get; private set; }
    /// <summary>Signed: + in, − out.</summary>
    public int Quantity { get; private set; }
    /// <summary>The bucket's quantity after this movement.</summary>
    public int QuantityAfter { get; private set; }
    public StockMovementReason Reason { get; private set; }
    /// <summary>The distribution order, supplier return or own return &amp; stock-in that caused it.</summary>
    public string? Reference { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
