using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.SupplierReturns;

public enum SupplierReturnStatus { PendingStockIn, ReceivedReturn, RefundProcessing, Completed, Recalled }

public enum ItemCondition { Good, Damaged }

/// <summary>One line of a stock-in: a SKU may appear twice to split good from damaged units.</summary>
public sealed record StockInLine(string SupplierSkuCode, int Quantity, ItemCondition Condition);

/// <summary>What a stock-in puts into one SKU's stock.</summary>
public sealed record ReceivedStock(string SupplierSkuCode, int Good, int Damaged);

/// <summary>
/// What a push creates on the supplier side: listed in After Sales Orders – BigShop (always "Return &amp; Refund")
/// and in Return &amp; Stock-in – BigShop.
/// </summary>
public sealed class SupplierReturn
{
    public const string ReturnType = "ReturnAndRefund";

    private readonly List<SupplierReturnLine> _lines = [];

    private SupplierReturn() { }

    public string Id { get; private set; } = Ids.New();
    public string SupplierAccountId { get; private set; } = "";
    public string DistributorAccountId { get; private set; } = "";
    public string AfterSalesOrderId { get; private set; } = "";
    public string DistributionReturnId { get; private set; } = "";
    public string DistributionOrderId { get; private set; } = "";
    public string? MarketplaceOrderNo { get; private set; }
    public Platform Source { get; private set; }
    public bool IsAbnormal { get; private set; }
    public SupplierReturnStatus Status { get; private set; }
    public string Currency { get; private set; } = "";
    /// <summary>
    /// The warehouse the goods are expected back in (the one they shipped from), then the one they were stocked into.
    /// </summary>
    public string WarehouseId { get; private set; } = "";
    /// <summary>The original order's stock-out amount and fee, for the abnormal-return estimate.</summary>
    public decimal OrderStockOutAmount { get; private set; }
    public decimal OrderDistributionFee { get; private set; }
    /// <summary>Set when the distributor cancelled after the goods were stocked in: both sides must look at it.</summary>
    public bool NeedsAttention { get; private set; }
    public string? AttentionReason { get; private set; }
    public string? ActiveRefundOrderId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? RecalledAt { get; private set; }
    public IReadOnlyList<SupplierReturnLine> Lines => _lines;

    public bool CanStockIn => Status == SupplierReturnStatus.PendingStockIn;
    public bool CanRecall => Status == SupplierReturnStatus.PendingStockIn;
    public bool CanCreateRefund => Status == SupplierReturnStatus.ReceivedReturn && ActiveRefundOrderId is null;

    /// <summary>Σ(unit price at original shipment × received quantity, damaged included): not the cost price at stock-in.</summary>
    public decimal ReturnAmount => _lines.Sum(l => l.UnitPriceAtShipment * l.ReceivedQuantity);

    public static SupplierReturn FromPush(DistributionReturn pushed, AfterSalesOrder afterSales, DistributionOrder order,
        IEnumerable<ReturnLine> lines, DateTimeOffset now)
    {
        var ret = new SupplierReturn
        {
            SupplierAccountId = pushed.SupplierAccountId,
            DistributorAccountId = pushed.DistributorAccountId,
            AfterSalesOrderId = pushed.AfterSalesOrderId,
            DistributionReturnId = pushed.Id,
            DistributionOrderId = order.Id,
            MarketplaceOrderNo = order.MarketplaceOrderNo,
            Source = afterSales.Source,
            IsAbnormal = afterSales.Type == AfterSalesType.AbnormalReturn,
            Status = SupplierReturnStatus.PendingStockIn,
            Currency = order.Currency,
            WarehouseId = order.WarehouseId,
            OrderStockOutAmount = order.StockOutAmount,
            OrderDistributionFee = order.DistributionFee,
            CreatedAt = now,
        };
        ret._lines.AddRange(lines.Select(l =>
            new SupplierReturnLine(l.SupplierSkuCode, l.FromMerchantSkuCode, l.Quantity, l.UnitPriceAtShipment)));
        return ret;
    }

    /// <summary>
    /// Estimated refund, shown before stock-in (domain.md): an abnormal return is worth its whole order less the
    /// distribution fee; any other return its lines at the unit price at shipment. Less the handling fee, never below 0.
    /// Once stocked in, what was received counts (the refund's Return Amount), whatever the type. The fee is the
    /// supplier's current setting until a refund order freezes it: then the refund order's fee counts.
    /// </summary>
    /// <param name="currentHandlingFee">The return handling fee in the supplier's charge settings now.</param>
    /// <param name="refundHandlingFee">The fee frozen on the active refund order, if there is one.</param>
    public decimal EstimatedRefund(decimal currentHandlingFee, decimal? refundHandlingFee = null)
    {
        var fee = ActiveRefundOrderId is not null && refundHandlingFee is { } frozen ? frozen : currentHandlingFee;
        var goods = Status == SupplierReturnStatus.PendingStockIn || ReceivedAt is null
            ? IsAbnormal ? OrderStockOutAmount - OrderDistributionFee : _lines.Sum(l => l.UnitPriceAtShipment * l.ExpectedQuantity)
            : ReturnAmount;
        return Money.Max0(goods - fee);
    }

    /// <summary>
    /// Stock-in into one of the supplier's own warehouses, never a third party's. Per SKU the lines must not
    /// exceed what is expected (0 is allowed). Returns what goes into each SKU's stock.
    /// </summary>
    public IReadOnlyList<ReceivedStock> StockIn(Warehouse warehouse, IReadOnlyList<StockInLine> lines, DateTimeOffset now)
    {
        var received = EnsureCanStockIn(warehouse, lines);
        foreach (var sku in received)
        {
            // A SKU may sit on several lines (a single and a combo); fill them in order, damaged units first.
            int good = sku.Good, damaged = sku.Damaged;
            foreach (var line in _lines.Where(l => l.SupplierSkuCode == sku.SupplierSkuCode))
            {
                var d = Math.Min(damaged, line.ExpectedQuantity);
                var g = Math.Min(good, line.ExpectedQuantity - d);
                line.Receive(g + d, d);
                damaged -= d;
                good -= g;
            }
        }

        WarehouseId = warehouse.Id;
        Status = SupplierReturnStatus.ReceivedReturn;
        ReceivedAt = now;
        return received.Where(r => r.Good + r.Damaged > 0).ToList();
    }

    /// <summary>
    /// Every refusal of <see cref="StockIn"/>, changing nothing: a bulk stock-in refuses a return with it and goes on with
    /// the others in the same unit of work. Returns what each SKU would receive.
    /// </summary>
    public IReadOnlyList<ReceivedStock> EnsureCanStockIn(Warehouse warehouse, IReadOnlyList<StockInLine> lines)
    {
        if (!CanStockIn) throw DomainError.StateNotAllowed("stock in", Status);
        if (warehouse.AccountId != SupplierAccountId || !warehouse.IsAvailable) throw DomainError.NotFound("warehouse");
        if (warehouse.Kind == WarehouseKind.ThirdParty)
            throw DomainError.Rule("stock_in.third_party_warehouse",
                "Distribution returns cannot be stocked into a third-party warehouse.");
        if (lines.Any(l => l.Quantity < 0)) throw DomainError.Validation("lines", "Quantities must not be negative.");

        var received = lines
            .GroupBy(l => l.SupplierSkuCode)
            .Select(g => new ReceivedStock(g.Key,
                g.Where(l => l.Condition == ItemCondition.Good).Sum(l => l.Quantity),
                g.Where(l => l.Condition == ItemCondition.Damaged).Sum(l => l.Quantity)))
            .ToList();

        foreach (var sku in received)
        {
            var expected = _lines.Where(l => l.SupplierSkuCode == sku.SupplierSkuCode).Sum(l => l.ExpectedQuantity);
            if (sku.Good + sku.Damaged > expected)
                throw DomainError.Rule("stock_in.quantity_exceeds_expected",
                    $"{sku.SupplierSkuCode}: {sku.Good + sku.Damaged} received but {expected} expected.");
        }
        return received;
    }

    /// <summary>The distributor cancelled before stock-in: the return leaves the supplier's pending lists.</summary>
    public void Recall(DateTimeOffset now)
    {
        if (!CanRecall) throw DomainError.StateNotAllowed("recall", Status);
        Status = SupplierReturnStatus.Recalled;
        RecalledAt = now;
    }

    public void FlagAttention(string reason)
    {
        NeedsAttention = true;
        AttentionReason = reason;
    }

    public void ClearAttention()
    {
        NeedsAttention = false;
        AttentionReason = null;
    }

    /// <summary>One active refund order per return, and only once the goods are received.</summary>
    public void EnsureCanCreateRefund()
    {
        if (ActiveRefundOrderId is not null)
            throw new DomainError(StatusCodes.Status409Conflict, "refund.already_exists",
                "This return already has a refund order.");
        if (Status != SupplierReturnStatus.ReceivedReturn) throw DomainError.StateNotAllowed("create a refund order for", Status);
    }

    public void AttachRefund(string refundOrderId, bool completed, DateTimeOffset now)
    {
        EnsureCanCreateRefund();
        ActiveRefundOrderId = refundOrderId;
        Status = SupplierReturnStatus.RefundProcessing;
        if (completed) Complete(now);
    }

    public void Complete(DateTimeOffset now)
    {
        if (Status != SupplierReturnStatus.RefundProcessing) throw DomainError.StateNotAllowed("complete", Status);
        Status = SupplierReturnStatus.Completed;
        CompletedAt = now;
    }

    /// <summary>The refund order was voided before the distributor confirmed it: a new one may be created.</summary>
    public void DetachVoidedRefund()
    {
        if (Status != SupplierReturnStatus.RefundProcessing) throw DomainError.StateNotAllowed("void the refund of", Status);
        ActiveRefundOrderId = null;
        Status = SupplierReturnStatus.ReceivedReturn;
    }
}

public sealed class SupplierReturnLine
{
    private SupplierReturnLine() { }

    public SupplierReturnLine(string supplierSkuCode, string fromMerchantSkuCode, int expectedQuantity, decimal unitPriceAtShipment)
    {
        SupplierSkuCode = supplierSkuCode;
        FromMerchantSkuCode = fromMerchantSkuCode;
        ExpectedQuantity = expectedQuantity;
        UnitPriceAtShipment = unitPriceAtShipment;
    }

    public string SupplierSkuCode { get; private set; } = "";
    public string FromMerchantSkuCode { get; private set; } = "";
    public int ExpectedQuantity { get; private set; }
    /// <summary>Every unit received, damaged included.</summary>
    public int ReceivedQuantity { get; private set; }
    public int DamagedQuantity { get; private set; }
    public decimal UnitPriceAtShipment { get; private set; }

    internal void Receive(int received, int damaged)
    {
        ReceivedQuantity = received;
        DamagedQuantity = damaged;
    }
}
