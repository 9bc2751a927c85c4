namespace ReturnLoop.Tests;

/// <summary>domain.md, "Stock in sync on both sides": two buckets, each the sum of its ledger, never negative.</summary>
public class StockTests
{
    private static StockLevel Empty() => StockLevel.Empty(A.Supplier, A.WarehouseId, "TS-RED");

    [Fact]
    public void Adjustment_changes_sellable_stock_and_returns_its_ledger_row()
    {
        var stock = Empty();

        var movement = stock.Adjust(10, "Opening stock", A.Now);

        Assert.Equal((10, 0), (stock.OnHand, stock.Damaged));
        Assert.Equal((StockBucket.Sellable, 10, 10, StockMovementReason.Adjustment, "Opening stock"),
            (movement.Bucket, movement.Quantity, movement.QuantityAfter, movement.Reason, movement.Note));
        Assert.Equal((A.Supplier, A.WarehouseId, "TS-RED", A.Now),
            (movement.AccountId, movement.WarehouseId, movement.SkuCode, movement.CreatedAt));
    }

    [Fact]
    public void Shipping_lowers_sellable_stock_with_a_movement_referencing_the_order()
    {
        var stock = Empty();
        stock.Adjust(10, null, A.Now);

        var movement = stock.Ship(3, "order-1", A.Now);

        Assert.Equal(7, stock.OnHand);
        Assert.Equal((StockBucket.Sellable, -3, 7, StockMovementReason.Ship, "order-1"),
            (movement.Bucket, movement.Quantity, movement.QuantityAfter, movement.Reason, movement.Reference));
    }

    [Fact]
    public void Shipping_more_than_is_on_hand_is_refused()
    {
        var stock = Empty();
        stock.Adjust(2, null, A.Now);

        var error = A.Error(() => stock.Ship(3, "order-1", A.Now));

        Assert.Equal(("stock.insufficient", 422), (error.Code, error.Status));
        Assert.Equal(2, stock.OnHand);
    }

    [Fact]
    public void Adjustment_below_zero_is_refused_and_down_to_zero_is_allowed()
    {
        var stock = Empty();
        stock.Adjust(10, null, A.Now);

        Assert.Equal("stock.insufficient", A.Error(() => stock.Adjust(-11, "Count", A.Now)).Code);
        Assert.Equal(10, stock.OnHand);

        Assert.Equal(0, stock.Adjust(-10, "Count", A.Now).QuantityAfter);
        Assert.Equal(0, stock.OnHand);
    }

    [Theory]
    [InlineData(StockBucket.Sellable, 2, 0)]
    [InlineData(StockBucket.Damaged, 0, 2)]
    public void Returned_goods_go_to_the_bucket_of_their_condition(StockBucket bucket, int onHand, int damaged)
    {
        var stock = Empty();

        var movement = stock.ReceiveReturn(bucket, 2, "supplier-return-1", A.Now);

        Assert.Equal((onHand, damaged), (stock.OnHand, stock.Damaged));
        Assert.Equal((bucket, 2, 2, StockMovementReason.ReturnStockIn, "supplier-return-1"),
            (movement.Bucket, movement.Quantity, movement.QuantityAfter, movement.Reason, movement.Reference));
    }

    [Fact]
    public void Damaged_stock_is_not_sellable()
    {
        var stock = Empty();
        stock.ReceiveReturn(StockBucket.Damaged, 5, "supplier-return-1", A.Now);

        Assert.Equal("stock.insufficient", A.Error(() => stock.Ship(1, "order-1", A.Now)).Code);
        Assert.Equal((0, 5), (stock.OnHand, stock.Damaged));
    }

    [Fact]
    public void Single_merchant_sku_can_ship_its_supplier_skus_sellable_stock()
    {
        var warehouse = A.OwnWarehouse();
        var single = MerchantSku.Create(A.Distributor, "MY-TS-RED", "Red tee", A.Supplier, [new SkuComponent("TS-RED", 1)], A.Now);
        var onHand = new Dictionary<(string, string), int> { [(warehouse.Id, "TS-RED")] = 7 };

        Assert.Equal(7, DistributionStock.Available(single, warehouse, onHand));
    }

    [Fact]
    public void Combo_can_ship_as_many_complete_sets_as_its_scarcest_component_allows()
    {
        var warehouse = A.OwnWarehouse();
        var combo = MerchantSku.Create(A.Distributor, "SET-SUMMER", "Summer set", A.Supplier,
            [new SkuComponent("TS-RED", 1), new SkuComponent("CAP-BLK", 2)], A.Now);
        var onHand = new Dictionary<(string, string), int> { [(warehouse.Id, "TS-RED")] = 10, [(warehouse.Id, "CAP-BLK")] = 7 };

        Assert.Equal(3, DistributionStock.Available(combo, warehouse, onHand));
        onHand[(warehouse.Id, "CAP-BLK")] = 1;
        Assert.Equal(0, DistributionStock.Available(combo, warehouse, onHand));
    }

    [Fact]
    public void Unmapped_merchant_sku_has_nothing_to_ship()
    {
        var warehouse = A.OwnWarehouse();
        var unmapped = MerchantSku.Create(A.Distributor, "MYSTERY", "Mystery", A.Supplier, [], A.Now);

        Assert.Equal(0, DistributionStock.Available(unmapped, warehouse, new Dictionary<(string, string), int>()));
    }
}

/// <summary>domain.md, Glossary "customer balance": an append-only ledger per (supplier, distributor).</summary>
public class CustomerBalanceTests
{
    private static CustomerBalance Open() => CustomerBalance.Open(A.Supplier, A.Distributor, "MYR", A.Now);

    [Fact]
    public void New_balance_is_zero()
    {
        var balance = Open();

        Assert.Equal(0m, balance.Balance);
        Assert.Equal((A.Supplier, A.Distributor, "MYR"), (balance.SupplierAccountId, balance.DistributorAccountId, balance.Currency));
    }

    [Fact]
    public void Credit_adds_to_the_balance_with_a_ledger_entry()
    {
        var balance = Open();

        var entry = balance.Credit(53.00m, BalanceEntryType.RefundCredit, "refund-1", null, A.Now);

        Assert.Equal(53.00m, balance.Balance);
        Assert.Equal((BalanceEntryType.RefundCredit, 53.00m, 53.00m, "refund-1", "MYR"),
            (entry.Type, entry.Amount, entry.BalanceAfter, entry.Reference, entry.Currency));
    }

    [Fact]
    public void Debit_is_a_negative_ledger_entry()
    {
        var balance = Open();
        balance.Credit(53.00m, BalanceEntryType.RefundCredit, "refund-1", null, A.Now);

        var entry = balance.Debit(20.00m, BalanceEntryType.OrderPayment, "order-2", null, A.Now.AddHours(1));

        Assert.Equal(33.00m, balance.Balance);
        Assert.Equal((BalanceEntryType.OrderPayment, -20.00m, 33.00m), (entry.Type, entry.Amount, entry.BalanceAfter));
        Assert.Equal(A.Now.AddHours(1), balance.UpdatedAt);
    }

    [Fact]
    public void Debit_above_the_balance_is_refused()
    {
        var balance = Open();
        balance.Credit(53.00m, BalanceEntryType.ManualCredit, null, "opening", A.Now);

        var error = A.Error(() => balance.Debit(53.01m, BalanceEntryType.OrderPayment, "order-2", null, A.Now));

        Assert.Equal(("balance.insufficient", 422), (error.Code, error.Status));
        Assert.Equal(53.00m, balance.Balance);
    }

    [Fact]
    public void Debit_of_the_whole_balance_leaves_zero()
    {
        var balance = Open();
        balance.Credit(53.00m, BalanceEntryType.RefundCredit, "refund-1", null, A.Now);

        Assert.Equal(0m, balance.Debit(53.00m, BalanceEntryType.OrderPayment, "order-2", null, A.Now).BalanceAfter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Credits_and_debits_are_above_zero(decimal amount)
    {
        var balance = Open();
        balance.Credit(10m, BalanceEntryType.ManualCredit, null, null, A.Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => balance.Credit(amount, BalanceEntryType.ManualCredit, null, null, A.Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => balance.Debit(amount, BalanceEntryType.OrderPayment, null, null, A.Now));
        Assert.Equal(10m, balance.Balance);
    }
}
