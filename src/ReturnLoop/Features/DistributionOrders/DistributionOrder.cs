namespace ReturnLoop.Features.DistributionOrders;

/// <summary>Where an order or an after-sales request comes from.</summary>
public enum Platform { Shopee, TikTok, Lazada, Manual }

public enum DistributionOrderStatus { Created, Shipped, Cancelled }

public enum PaymentMethod { CustomerBalance, BankTransfer }

/// <summary>
/// The forward order: the distributor's marketplace (or manual) order that the supplier ships from its warehouse.
/// Lines are supplier SKUs; a combo merchant SKU becomes one line per component, each keeping the merchant SKU.
/// </summary>
public sealed class DistributionOrder
{
    private readonly List<DistributionOrderLine> _lines = [];

    private DistributionOrder() { }

    public string Id { get; private set; } = Ids.New();
    public string DistributorAccountId { get; private set; } = "";
    public string SupplierAccountId { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";
    public Platform Platform { get; private set; }
    public string? ShopId { get; private set; }
    public string? MarketplaceOrderNo { get; private set; }
    public DistributionOrderStatus Status { get; private set; }
    /// <summary>When the order was placed; in the past for history imported from another system.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? ShippedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>
    /// Touched by every new after-sales order on this order, so two created at once conflict on the order's
    /// version and the "no more returned than shipped" check runs again for the loser.
    /// </summary>
    public DateTimeOffset? LastAfterSalesAt { get; private set; }
    /// <summary>The supplier's base currency.</summary>
    public string Currency { get; private set; } = "";
    public decimal DistributionFee { get; private set; }
    /// <summary>Σ(unit price at shipment × quantity) + distribution fee; set at shipment.</summary>
    public decimal StockOutAmount { get; private set; }
    /// <summary>The sum of the order's settlement ledger.</summary>
    public decimal SettledAmount { get; private set; }
    public IReadOnlyList<DistributionOrderLine> Lines => _lines;

    public decimal UnsettledAmount => StockOutAmount - SettledAmount;
    public bool IsShipped => Status == DistributionOrderStatus.Shipped;
    public bool CanShip => Status == DistributionOrderStatus.Created;
    public bool CanCancel => Status == DistributionOrderStatus.Created;

    public static DistributionOrder Create(string distributorAccountId, string supplierAccountId, string currency, string warehouseId,
        Platform platform, string? shopId, string? marketplaceOrderNo, IEnumerable<DistributionOrderLine> lines,
        DateTimeOffset createdAt, DateTimeOffset now)
    {
        var order = new DistributionOrder
        {
            DistributorAccountId = distributorAccountId,
            SupplierAccountId = supplierAccountId,
            Currency = currency,
            WarehouseId = warehouseId,
            Platform = platform,
            ShopId = string.IsNullOrWhiteSpace(shopId) ? null : shopId.Trim(),
            MarketplaceOrderNo = string.IsNullOrWhiteSpace(marketplaceOrderNo) ? null : marketplaceOrderNo.Trim(),
            Status = DistributionOrderStatus.Created,
            CreatedAt = createdAt,
            RecordedAt = now,
        };
        order._lines.AddRange(lines);
        if (order._lines.Count == 0) throw DomainError.Validation("lines", "At least one line.");
        return order;
    }

    /// <summary>
    /// Stock-out: freezes each line's unit price at shipment and the distribution fee. The caller lowers the stock
    /// in the same transaction.
    /// </summary>
    public void Ship(IReadOnlyDictionary<string, decimal> unitPriceBySupplierSku, decimal distributionFee, DateTimeOffset shippedAt)
    {
        if (!CanShip) throw DomainError.StateNotAllowed("ship", Status);
        if (shippedAt < CreatedAt) throw DomainError.Validation("shippedAt", "Must not be before the order was created.");
        if (_lines.FirstOrDefault(l => !unitPriceBySupplierSku.ContainsKey(l.SupplierSkuCode)) is { } unpriced)
            throw new InvalidOperationException($"No price given for {unpriced.SupplierSkuCode}.");
        foreach (var line in _lines) line.FreezePrice(unitPriceBySupplierSku[line.SupplierSkuCode]);
        DistributionFee = distributionFee;
        StockOutAmount = _lines.Sum(l => l.Value) + distributionFee;
        ShippedAt = shippedAt;
        Status = DistributionOrderStatus.Shipped;
    }

    public void Cancel(DateTimeOffset now)
    {
        if (!CanCancel) throw DomainError.StateNotAllowed("cancel", Status);
        Status = DistributionOrderStatus.Cancelled;
        CancelledAt = now;
    }

    /// <summary>The distributor pays part of what it owes; never more than is unsettled.</summary>
    public OrderSettlement RecordPayment(decimal amount, PaymentMethod method, string? reference, DateTimeOffset now)
    {
        EnsureCanPay(amount);
        return Settle(SettlementType.Payment, amount, method, reference, now);
    }

    public void EnsureCanPay(decimal amount)
    {
        if (!IsShipped) throw DomainError.StateNotAllowed("pay", Status);
        if (amount <= 0) throw DomainError.Validation("amount", "Must be above 0.");
        if (amount > UnsettledAmount)
            throw DomainError.Rule("payment.exceeds_unsettled", $"Only {UnsettledAmount} {Currency} of this order is unsettled.");
    }

    /// <summary>A refund order deducts (or, when voided, gives back) part of the unsettled amount (domain.md, "Refund order").</summary>
    public OrderSettlement SettleByRefund(decimal amount, string refundOrderId, DateTimeOffset now)
    {
        if (amount < 0 || amount > UnsettledAmount) throw new InvalidOperationException("Refund settles more than is unsettled.");
        return Settle(SettlementType.RefundDeduction, amount, null, refundOrderId, now);
    }

    public OrderSettlement ReverseRefundSettlement(decimal amount, string refundOrderId, DateTimeOffset now)
    {
        if (amount < 0 || amount > SettledAmount) throw new InvalidOperationException("Reversal exceeds what is settled.");
        return Settle(SettlementType.RefundDeductionReversed, -amount, null, refundOrderId, now);
    }

    public void NoteAfterSales(DateTimeOffset now) => LastAfterSalesAt = now;

    /// <summary>What was shipped of a merchant SKU, in its own units (sets, for a combo).</summary>
    public int ShippedQuantityOf(string merchantSkuCode) =>
        IsShipped ? _lines.Where(l => l.MerchantSkuCode == merchantSkuCode).Select(l => l.MerchantQuantity).FirstOrDefault() : 0;

    private OrderSettlement Settle(SettlementType type, decimal amount, PaymentMethod? method, string? reference, DateTimeOffset now)
    {
        SettledAmount += amount;
        return new OrderSettlement(this, type, amount, method, reference, now);
    }
}

/// <summary>
/// One supplier SKU of the order. <see cref="MerchantQuantity"/> is what the distributor sold of its merchant SKU;
/// <see cref="Quantity"/> = merchant quantity × <see cref="QuantityPerSet"/> is what leaves the warehouse.
/// </summary>
public sealed class DistributionOrderLine
{
    private DistributionOrderLine() { }

    public DistributionOrderLine(string merchantSkuCode, int merchantQuantity, string supplierSkuCode, int quantityPerSet)
    {
        MerchantSkuCode = merchantSkuCode;
        MerchantQuantity = merchantQuantity;
        SupplierSkuCode = supplierSkuCode;
        QuantityPerSet = quantityPerSet;
        Quantity = merchantQuantity * quantityPerSet;
    }

    public string MerchantSkuCode { get; private set; } = "";
    public int MerchantQuantity { get; private set; }
    public string SupplierSkuCode { get; private set; } = "";
    public int QuantityPerSet { get; private set; }
    public int Quantity { get; private set; }
    public decimal? UnitPriceAtShipment { get; private set; }

    public decimal Value => (UnitPriceAtShipment ?? 0) * Quantity;

    internal void FreezePrice(decimal price) => UnitPriceAtShipment = price;
}

public enum SettlementType { Payment, RefundDeduction, RefundDeductionReversed }

/// <summary>One row of an order's settlement ledger: the settled amount is their sum.</summary>
public sealed class OrderSettlement
{
    private OrderSettlement() { }

    internal OrderSettlement(DistributionOrder order, SettlementType type, decimal amount, PaymentMethod? method, string? reference,
        DateTimeOffset at)
    {
        DistributionOrderId = order.Id;
        SupplierAccountId = order.SupplierAccountId;
        DistributorAccountId = order.DistributorAccountId;
        Type = type;
        Amount = amount;
        SettledAfter = order.SettledAmount;
        Method = method;
        Reference = reference;
        CreatedAt = at;
    }

    public string Id { get; private set; } = Ids.New();
    public string DistributionOrderId { get; private set; } = "";
    public string SupplierAccountId { get; private set; } = "";
    public string DistributorAccountId { get; private set; } = "";
    public SettlementType Type { get; private set; }
    /// <summary>Signed: + settles, − gives back.</summary>
    public decimal Amount { get; private set; }
    public decimal SettledAfter { get; private set; }
    public PaymentMethod? Method { get; private set; }
    /// <summary>The refund order, or the balance ledger entry of a balance payment.</summary>
    public string? Reference { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
