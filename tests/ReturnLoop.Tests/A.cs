namespace ReturnLoop.Tests;

/// <summary>
/// Test data, built through the entities' own factories and transitions so every object is one the product
/// could have made. Time is fixed: nothing here reads a clock.
/// </summary>
public static class A
{
    public const string Distributor = "distributor-1";
    public const string Supplier = "supplier-1";
    public const string WarehouseId = "warehouse-kl";

    /// <summary>The original order is placed at <see cref="OrderCreated"/>, shipped a day later, and the return handled days
    /// after.</summary>
    public static readonly DateTimeOffset OrderCreated = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Shipped = OrderCreated.AddDays(1);
    public static readonly DateTimeOffset Now = OrderCreated.AddDays(10);

    /// <summary>Active long before any order of the tests, never terminated.</summary>
    public static readonly DateTimeOffset PartnershipStart = OrderCreated.AddDays(-100);

    public static readonly BankAccount Bank = new("Maybank", "Kedai Baju Sdn Bhd", "5140-1234-5678");

    public static OrderBuilder Order() => new();

    public static OrderBuilder ShippedOrder() => new OrderBuilder().ShippedAt(Shipped);

    public static Partnership Partnership(DateTimeOffset activeFrom, DateTimeOffset? terminatedAt = null)
    {
        var p = ReturnLoop.Features.Partnerships.Partnership.Apply(Distributor, Supplier, activeFrom.AddDays(-1));
        p.Accept(activeFrom);
        if (terminatedAt is { } end) p.Terminate(end);
        return p;
    }

    public static Partnership ActivePartnership() => Partnership(PartnershipStart);

    public static Warehouse OwnWarehouse() => Warehouse.Create(Supplier, "WH-KL", "Kuala Lumpur", WarehouseKind.Own, PartnershipStart);

    public static Warehouse ThirdPartyWarehouse() =>
        Warehouse.Create(Supplier, "3PL-SG", "Ninja 3PL", WarehouseKind.ThirdParty, PartnershipStart);

    /// <summary>A marketplace return and refund request for some merchant SKUs of the order.</summary>
    public static AfterSalesOrder Return(DistributionOrder order, params (string MerchantSku, int Quantity)[] lines) =>
        AfterSales(order, AfterSalesType.ReturnAndRefund, lines);

    public static AfterSalesOrder AfterSales(DistributionOrder order, AfterSalesType type,
        params (string MerchantSku, int Quantity)[] lines) =>
        AfterSalesOrder.Create(order, Platform.Shopee, type, "Wrong size", lines.Select(l => new AfterSalesLine(l.MerchantSku, l.Quantity)),
            Now, shopId: "shop-1", platformReturnId: "RET-1");

    /// <summary>The merchant SKUs the order was sold under, mapped the way it was shipped (combos with their components).</summary>
    public static Dictionary<string, MerchantSku> MappingsOf(DistributionOrder order) =>
        order.Lines.GroupBy(l => l.MerchantSkuCode).ToDictionary(g => g.Key, g =>
            MerchantSku.Create(Distributor, g.Key, g.Key, Supplier, g.Select(l => new SkuComponent(l.SupplierSkuCode, l.QuantityPerSet)),
                PartnershipStart));

    public sealed record PushedReturn(DistributionReturn Distribution, SupplierReturn Supplier);

    /// <summary>What the push rules read for one return: an active partnership, the order's SKUs mapped, its warehouse open.</summary>
    public static PushContext PushContext(DistributionOrder order, AfterSalesOrder afterSales) =>
        ReturnLoop.Features.DistributionReturns.PushContext.Of([order], [afterSales], [ActivePartnership()], MappingsOf(order).Values,
            [order.WarehouseId]);

    /// <summary>Approves a request if it waits for that, and pushes its return &amp; stock-in – distribution (the product's own
    /// push).</summary>
    public static PushedReturn Push(DistributionOrder order, AfterSalesOrder afterSales)
    {
        if (afterSales.CanApprove) afterSales.Approve(Now);
        var distribution = DistributionReturn.Create(afterSales.Id, order.Id, Distributor, Supplier, order.WarehouseId, Now);
        afterSales.AttachDistributionReturn(distribution.Id);
        var supplier = distribution.Push(PushContext(order, afterSales), new PushOptions().MaxOrderAge, Now)
            ?? throw new InvalidOperationException($"Test setup: the push failed with {distribution.PushFailure}.");
        return new PushedReturn(distribution, supplier);
    }

    /// <summary>Pushes the request and stocks the given lines in to the supplier's own warehouse.</summary>
    public static SupplierReturn ReceivedReturn(DistributionOrder order, AfterSalesOrder afterSales, params StockInLine[] lines)
    {
        var ret = Push(order, afterSales).Supplier;
        ret.StockIn(OwnWarehouse(), lines, Now);
        afterSales.MarkReceived(Now);
        return ret;
    }

    public static StockInLine Good(string supplierSku, int quantity) => new(supplierSku, quantity, ItemCondition.Good);

    public static StockInLine Damaged(string supplierSku, int quantity) => new(supplierSku, quantity, ItemCondition.Damaged);

    public static DomainError Error(Action act) => Assert.Throws<DomainError>(act);
}

/// <summary>
/// A distribution order: <c>A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).WithFee(8.00m).Paid(100.00m).Build()</c>.
/// A single SKU line uses the same code for the merchant and the supplier SKU.
/// </summary>
public sealed class OrderBuilder
{
    private readonly List<DistributionOrderLine> _lines = [];
    private readonly Dictionary<string, decimal> _prices = [];
    private string _currency = "MYR";
    private decimal _fee;
    private decimal _paid;
    private DateTimeOffset _createdAt = A.OrderCreated;
    private DateTimeOffset? _shippedAt;

    public OrderBuilder WithLine(string sku, int quantity, decimal unitPrice)
    {
        _lines.Add(new DistributionOrderLine(sku, quantity, sku, 1));
        _prices[sku] = unitPrice;
        return this;
    }

    public OrderBuilder WithCombo(string merchantSku, int sets, params (string SupplierSku, int PerSet, decimal UnitPrice)[] components)
    {
        foreach (var c in components)
        {
            _lines.Add(new DistributionOrderLine(merchantSku, sets, c.SupplierSku, c.PerSet));
            _prices[c.SupplierSku] = c.UnitPrice;
        }
        return this;
    }

    public OrderBuilder WithFee(decimal distributionFee) { _fee = distributionFee; return this; }

    public OrderBuilder In(string currency) { _currency = currency; return this; }

    public OrderBuilder CreatedAt(DateTimeOffset at) { _createdAt = at; return this; }

    public OrderBuilder ShippedAt(DateTimeOffset at) { _shippedAt = at; return this; }

    /// <summary>The distributor has paid this much of the stock-out amount by bank transfer.</summary>
    public OrderBuilder Paid(decimal amount) { _paid = amount; return this; }

    public DistributionOrder Build()
    {
        var order = DistributionOrder.Create(A.Distributor, A.Supplier, _currency, A.WarehouseId, Platform.Shopee, "shop-1", "SO-1001",
            _lines, _createdAt, _createdAt);
        if (_shippedAt is { } shippedAt)
        {
            order.Ship(_prices, _fee, shippedAt);
            if (_paid > 0) order.RecordPayment(_paid, PaymentMethod.BankTransfer, "TT-1", shippedAt);
        }
        return order;
    }

    public static implicit operator DistributionOrder(OrderBuilder builder) => builder.Build();
}
