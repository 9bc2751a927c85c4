using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.ReturnStockIns;

public enum ReturnStockInStatus { PendingStockIn, ReceivedReturn, Cancelled }

/// <summary>One line of the seller's stock-in: units of one of its own SKUs, good or damaged.</summary>
public sealed record ReturnStockInInput(string SkuCode, int Quantity, ItemCondition Condition);

/// <summary>
/// The seller's own Return &amp; Stock-in (regular, not distribution): the goods of a regular after-sales order coming back to
/// the seller's own stock. Pending Stock-in → Received Return, or Cancelled when the after-sales order is cancelled first.
/// Nothing is pushed; any of the seller's own warehouses takes it, third-party (3PL) ones included.
/// </summary>
public sealed class ReturnStockIn
{
    public const string QuantityExceedsExpected = "stock_in.quantity_exceeds_expected";

    private readonly List<ReturnStockInLine> _lines = [];

    private ReturnStockIn() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string AfterSalesOrderId { get; private set; } = "";
    public string StoreOrderId { get; private set; } = "";
    public ReturnStockInStatus Status { get; private set; }
    /// <summary>Where the goods were received; null until then.</summary>
    public string? WarehouseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public IReadOnlyList<ReturnStockInLine> Lines => _lines;

    public bool CanStockIn => Status == ReturnStockInStatus.PendingStockIn;
    public bool CanCancel => Status == ReturnStockInStatus.PendingStockIn;

    /// <summary>Opened for a regular after-sales order that brings goods back, expecting its lines.</summary>
    public static ReturnStockIn Open(AfterSalesOrder afterSales, DateTimeOffset now)
    {
        if (afterSales.StoreOrderId is not { } storeOrderId)
            throw new InvalidOperationException("Only a regular after-sales order (on a store order) has a return & stock-in.");
        if (!afterSales.BringsGoodsBack) throw new InvalidOperationException("A refund without goods has nothing to stock in.");
        var r = new ReturnStockIn
        {
            AccountId = afterSales.DistributorAccountId,
            AfterSalesOrderId = afterSales.Id,
            StoreOrderId = storeOrderId,
            Status = ReturnStockInStatus.PendingStockIn,
            CreatedAt = now,
        };
        r._lines.AddRange(afterSales.Lines.GroupBy(l => l.MerchantSkuCode)
            .Select(g => new ReturnStockInLine(g.Key, g.Sum(l => l.Quantity))));
        return r;
    }

    /// <summary>
    /// Stock-in into any available warehouse of the seller's own, 3PL included. Per SKU the units (good and damaged, which may
    /// be split over two lines) must not exceed what is expected (0 is allowed). Returns what goes into each SKU's stock.
    /// </summary>
    public IReadOnlyList<ReturnedUnits> StockIn(Warehouse warehouse, IReadOnlyList<ReturnStockInInput> lines, DateTimeOffset now)
    {
        if (!CanStockIn) throw DomainError.StateNotAllowed("stock in", Status);
        if (warehouse.AccountId != AccountId || !warehouse.IsAvailable) throw DomainError.NotFound("warehouse");
        if (lines.Any(l => l.Quantity < 0)) throw DomainError.Validation("lines", "Quantities must not be negative.");
        if (lines.FirstOrDefault(l => _lines.All(e => e.SkuCode != l.SkuCode)) is { } unknown)
            throw DomainError.Rule(QuantityExceedsExpected, $"{unknown.SkuCode}: {unknown.Quantity} received but 0 expected.");

        var received = lines.GroupBy(l => l.SkuCode)
            .Select(g => new ReturnedUnits(g.Key,
                g.Where(l => l.Condition == ItemCondition.Good).Sum(l => l.Quantity),
                g.Where(l => l.Condition == ItemCondition.Damaged).Sum(l => l.Quantity)))
            .ToList();
        foreach (var sku in received)
        {
            var expected = _lines.Single(l => l.SkuCode == sku.SkuCode).ExpectedQuantity;
            if (sku.Good + sku.Damaged > expected)
                throw DomainError.Rule(QuantityExceedsExpected,
                    $"{sku.SkuCode}: {sku.Good + sku.Damaged} received but {expected} expected.");
        }
        foreach (var sku in received) _lines.Single(l => l.SkuCode == sku.SkuCode).Receive(sku.Good + sku.Damaged, sku.Damaged);

        WarehouseId = warehouse.Id;
        Status = ReturnStockInStatus.ReceivedReturn;
        ReceivedAt = now;
        return received.Where(r => r.Good + r.Damaged > 0).ToList();
    }

    /// <summary>The after-sales order was cancelled before the goods arrived.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (!CanCancel) throw DomainError.StateNotAllowed("cancel", Status);
        Status = ReturnStockInStatus.Cancelled;
        CancelledAt = now;
    }
}

public sealed class ReturnStockInLine
{
    private ReturnStockInLine() { }

    public ReturnStockInLine(string skuCode, int expectedQuantity)
    {
        SkuCode = skuCode;
        ExpectedQuantity = expectedQuantity;
    }

    /// <summary>The seller's own SKU code, as on the store order and the after-sales order.</summary>
    public string SkuCode { get; private set; } = "";
    public int ExpectedQuantity { get; private set; }
    /// <summary>Every unit received, damaged included.</summary>
    public int ReceivedQuantity { get; private set; }
    public int DamagedQuantity { get; private set; }

    internal void Receive(int received, int damaged)
    {
        ReceivedQuantity = received;
        DamagedQuantity = damaged;
    }
}
