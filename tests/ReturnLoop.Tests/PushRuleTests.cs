namespace ReturnLoop.Tests;

/// <summary>domain.md, "Return &amp; Stock-in – Distribution": the push rules, their codes and their order.</summary>
public class PushRuleTests
{
    private static readonly TimeSpan NinetyDays = TimeSpan.FromHours(90 * 24);

    private static PushRules.Outcome Check(DistributionOrder order, AfterSalesOrder? request = null,
        IEnumerable<Partnership>? partnerships = null,
        IReadOnlyDictionary<string, MerchantSku>? mappings = null, bool warehouseAvailable = true, TimeSpan? maxOrderAge = null,
            DateTimeOffset? now = null) =>
        PushRules.Check(order, request ?? A.Return(order, (order.Lines[0].MerchantSkuCode, 1)), partnerships ?? [A.ActivePartnership()],
            mappings ?? A.MappingsOf(order), warehouseAvailable, maxOrderAge ?? NinetyDays, now ?? A.Now);

    private static DistributionOrder Order() => A.ShippedOrder().WithLine("TS-RED", 3, 45.00m).Build();

    private static DistributionOrder OrderCreatedAt(DateTimeOffset createdAt) =>
        A.ShippedOrder().CreatedAt(createdAt).ShippedAt(A.Now.AddDays(-1)).WithLine("TS-RED", 1, 45.00m).Build();

    [Fact]
    public void A_return_that_passes_every_rule_pushes_its_lines()
    {
        var outcome = Check(Order());

        Assert.True(outcome.Succeeded);
        var line = Assert.Single(outcome.Lines);
        Assert.Equal(("TS-RED", 1, "TS-RED", 45.00m),
            (line.SupplierSkuCode, line.Quantity, line.FromMerchantSkuCode, line.UnitPriceAtShipment));
    }

    [Fact]
    public void Default_push_window_is_90_times_24_hours()
    {
        Assert.Equal(90, new PushOptions().MaxOrderAgeDays);
        Assert.Equal(TimeSpan.FromHours(2160), new PushOptions().MaxOrderAge);
        Assert.Equal(TimeSpan.FromHours(720), new PushOptions { MaxOrderAgeDays = 30 }.MaxOrderAge);
    }

    [Fact]
    public void Order_shipped_exactly_90_days_before_the_push_still_pushes()
    {
        var order = Order();

        Assert.True(Check(order, now: A.Shipped + NinetyDays).Succeeded);
    }

    [Fact]
    public void Order_shipped_one_tick_more_than_90_days_before_the_push_is_too_old()
    {
        var order = Order();

        var outcome = Check(order, now: A.Shipped + NinetyDays + TimeSpan.FromTicks(1));

        Assert.False(outcome.Succeeded);
        Assert.Equal("push.order_too_old", outcome.Failure!.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Failure.Message));
        Assert.Empty(outcome.Lines);
    }

    [Fact]
    public void Push_window_is_configuration()
    {
        var order = Order();
        var thirtyDays = new PushOptions { MaxOrderAgeDays = 30 }.MaxOrderAge;

        Assert.True(Check(order, maxOrderAge: thirtyDays, now: A.Shipped.AddDays(30)).Succeeded);
        Assert.Equal("push.order_too_old", Check(order, maxOrderAge: thirtyDays, now: A.Shipped.AddDays(30).AddTicks(1)).Failure?.Code);
    }

    [Fact]
    public void Push_window_counts_from_shipment_not_from_order_creation()
    {
        // Created long ago, shipped recently: the age that matters is the shipment's.
        var order = A.ShippedOrder().CreatedAt(A.Now.AddDays(-200)).ShippedAt(A.Now.AddDays(-5)).WithLine("TS-RED", 1, 45.00m).Build();

        Assert.True(Check(order, partnerships: [A.Partnership(A.Now.AddDays(-300))]).Succeeded);
    }

    [Fact]
    public void Order_created_outside_any_active_partnership_cannot_be_pushed()
    {
        var order = OrderCreatedAt(A.Now.AddDays(-30));
        var earlier = A.Partnership(A.Now.AddDays(-80), terminatedAt: A.Now.AddDays(-60));

        Assert.Equal("push.no_partnership", Check(order, partnerships: [earlier]).Failure?.Code);
        Assert.Equal("push.no_partnership", Check(order, partnerships: []).Failure?.Code);
    }

    [Fact]
    public void Partnership_terminated_after_the_order_was_created_does_not_block_the_push()
    {
        var order = OrderCreatedAt(A.Now.AddDays(-30));
        var ended = A.Partnership(A.Now.AddDays(-80), terminatedAt: A.Now.AddDays(-2));

        Assert.True(Check(order, partnerships: [ended]).Succeeded);
    }

    [Fact]
    public void Order_created_before_the_partnership_became_active_cannot_be_pushed()
    {
        var activeFrom = A.Now.AddDays(-30);
        var order = OrderCreatedAt(activeFrom.AddTicks(-1));

        Assert.Equal("push.no_partnership", Check(order, partnerships: [A.Partnership(activeFrom)]).Failure?.Code);
    }

    [Fact]
    public void Order_created_at_the_instant_the_partnership_became_active_can_be_pushed()
    {
        var activeFrom = A.Now.AddDays(-30);
        var order = OrderCreatedAt(activeFrom);

        Assert.True(Check(order, partnerships: [A.Partnership(activeFrom)]).Succeeded);
    }

    [Fact]
    public void Order_created_at_the_instant_of_termination_cannot_be_pushed()
    {
        var terminatedAt = A.Now.AddDays(-20);
        var order = OrderCreatedAt(terminatedAt);
        var partnership = A.Partnership(A.Now.AddDays(-60), terminatedAt);

        Assert.Equal("push.no_partnership", Check(order, partnerships: [partnership]).Failure?.Code);
    }

    [Fact]
    public void A_later_partnership_period_counts_too()
    {
        var first = A.Partnership(A.Now.AddDays(-80), terminatedAt: A.Now.AddDays(-60));
        var second = A.Partnership(A.Now.AddDays(-40));

        Assert.True(Check(OrderCreatedAt(A.Now.AddDays(-30)), partnerships: [first, second]).Succeeded);
        Assert.True(Check(OrderCreatedAt(A.Now.AddDays(-70)), partnerships: [first, second]).Succeeded);
        Assert.Equal("push.no_partnership", Check(OrderCreatedAt(A.Now.AddDays(-50)), partnerships: [first, second]).Failure?.Code);
    }

    [Fact]
    public void Pending_and_rejected_partnerships_do_not_count()
    {
        var order = OrderCreatedAt(A.Now.AddDays(-30));
        var pending = Partnership.Apply(A.Distributor, A.Supplier, A.Now.AddDays(-90));
        var rejected = Partnership.Apply(A.Distributor, A.Supplier, A.Now.AddDays(-90));
        rejected.Reject(A.Now.AddDays(-89));

        Assert.Equal("push.no_partnership", Check(order, partnerships: [pending, rejected]).Failure?.Code);
    }

    [Fact]
    public void Merchant_sku_unknown_to_the_distributor_is_unmapped()
    {
        var order = Order();

        var outcome = Check(order, mappings: new Dictionary<string, MerchantSku>());

        Assert.Equal("push.unmapped_sku", outcome.Failure?.Code);
        Assert.Empty(outcome.Lines);
    }

    [Fact]
    public void Merchant_sku_without_components_is_unmapped()
    {
        var order = Order();
        var noComponents = MerchantSku.Create(A.Distributor, "TS-RED", "T-shirt red", A.Supplier, [], A.OrderCreated);

        Assert.Equal("push.unmapped_sku", Check(order, mappings: new Dictionary<string, MerchantSku> { ["TS-RED"] = noComponents })
            .Failure?.Code);
    }

    [Fact]
    public void Merchant_sku_off_the_order_mapped_to_a_supplier_sku_the_order_did_not_ship_is_unmapped()
    {
        var order = Order();
        var other = MerchantSku.Create(A.Distributor, "TS-BLUE-LISTING", "T-shirt blue", A.Supplier, [new SkuComponent("TS-BLUE", 1)],
            A.OrderCreated);
        var mappings = new Dictionary<string, MerchantSku>(A.MappingsOf(order)) { ["TS-BLUE-LISTING"] = other };

        var outcome = Check(order, A.Return(order, ("TS-BLUE-LISTING", 1)), mappings: mappings);

        Assert.Equal("push.unmapped_sku", outcome.Failure?.Code);
        Assert.Empty(outcome.Lines);
    }

    [Fact]
    public void Merchant_sku_off_the_order_splits_by_its_mapping_over_what_the_order_shipped()
    {
        var order = Order();
        var twin = MerchantSku.Create(A.Distributor, "TS-RED-TWIN", "Two red tees", A.Supplier, [new SkuComponent("TS-RED", 2)],
            A.OrderCreated);
        var mappings = new Dictionary<string, MerchantSku>(A.MappingsOf(order)) { ["TS-RED-TWIN"] = twin };

        var outcome = Check(order, A.Return(order, ("TS-RED-TWIN", 1)), mappings: mappings);

        var line = Assert.Single(outcome.Lines);
        Assert.Equal(("TS-RED", 2, "TS-RED-TWIN", 45.00m),
            (line.SupplierSkuCode, line.Quantity, line.FromMerchantSkuCode, line.UnitPriceAtShipment));
    }

    [Fact]
    public void Merchant_sku_on_the_order_splits_as_it_was_shipped_even_when_remapped_since()
    {
        var order = Order();
        var remapped = MerchantSku.Create(A.Distributor, "TS-RED", "T-shirt red", A.Supplier, [new SkuComponent("TS-BLUE", 1)],
            A.OrderCreated);

        var outcome = Check(order, mappings: new Dictionary<string, MerchantSku> { ["TS-RED"] = remapped });

        var line = Assert.Single(outcome.Lines);
        Assert.Equal(("TS-RED", 1, "TS-RED", 45.00m),
            (line.SupplierSkuCode, line.Quantity, line.FromMerchantSkuCode, line.UnitPriceAtShipment));
    }

    [Fact]
    public void Return_to_a_warehouse_that_is_gone_fails_with_warehouse_unavailable()
    {
        var outcome = Check(Order(), warehouseAvailable: false);

        Assert.Equal("push.warehouse_unavailable", outcome.Failure?.Code);
        Assert.Empty(outcome.Lines);
    }

    [Fact]
    public void Push_rules_report_the_first_failure_in_the_order_of_the_spec()
    {
        var order = OrderCreatedAt(A.Now.AddDays(-30));               // shipped the day before A.Now
        var request = A.Return(order, ("TS-RED", 1));
        var tooLate = order.ShippedAt!.Value + NinetyDays + TimeSpan.FromTicks(1);
        IEnumerable<Partnership> none = [];
        var unmapped = new Dictionary<string, MerchantSku>();

        Assert.Equal("push.order_too_old", Check(order, request, none, unmapped, warehouseAvailable: false, now: tooLate).Failure?.Code);
        Assert.Equal("push.no_partnership", Check(order, request, none, unmapped, warehouseAvailable: false).Failure?.Code);
        Assert.Equal("push.unmapped_sku", Check(order, request, [A.ActivePartnership()], unmapped, warehouseAvailable: false)
            .Failure?.Code);
        Assert.Equal("push.warehouse_unavailable",
            Check(order, request, [A.ActivePartnership()], A.MappingsOf(order), warehouseAvailable: false).Failure?.Code);
        Assert.True(Check(order, request, [A.ActivePartnership()], A.MappingsOf(order), warehouseAvailable: true).Succeeded);
    }

    [Fact]
    public void Combo_is_split_into_its_supplier_skus_each_at_its_own_unit_price_at_shipment()
    {
        // Two sets sold of a combo of 1 T-shirt and 2 caps, and 3 single socks.
        var order = A.ShippedOrder()
            .WithCombo("SET-SUMMER", 2, ("TS-RED", 1, 45.00m), ("CAP-BLK", 2, 12.50m))
            .WithLine("SOCK-WHT", 3, 6.00m)
            .Build();
        var request = A.Return(order, ("SET-SUMMER", 2), ("SOCK-WHT", 1));

        var outcome = Check(order, request);

        Assert.True(outcome.Succeeded);
        Assert.Equal(
            [("TS-RED", 2, "SET-SUMMER", 45.00m), ("CAP-BLK", 4, "SET-SUMMER", 12.50m), ("SOCK-WHT", 1, "SOCK-WHT", 6.00m)],
            outcome.Lines.Select(l => (l.SupplierSkuCode, l.Quantity, l.FromMerchantSkuCode, l.UnitPriceAtShipment)));
    }

    [Fact]
    public void Pushed_combo_lines_reach_the_supplier_return_with_their_combo_reference_and_value()
    {
        var order = A.ShippedOrder().WithCombo("SET-SUMMER", 2, ("TS-RED", 1, 45.00m), ("CAP-BLK", 2, 12.50m)).Build();
        var request = A.Return(order, ("SET-SUMMER", 1));

        var pushed = A.Push(order, request);

        Assert.Equal(
            [("TS-RED", "SET-SUMMER", 1, 45.00m), ("CAP-BLK", "SET-SUMMER", 2, 12.50m)],
            pushed.Supplier.Lines.Select(l => (l.SupplierSkuCode, l.FromMerchantSkuCode, l.ExpectedQuantity, l.UnitPriceAtShipment)));
        Assert.Equal(
            [("TS-RED", 1, "SET-SUMMER"), ("CAP-BLK", 2, "SET-SUMMER")],
            pushed.Distribution.Lines.Select(l => (l.SupplierSkuCode, l.Quantity, l.FromMerchantSkuCode)));
        Assert.Equal(70.00m, pushed.Supplier.EstimatedRefund(currentHandlingFee: 0m));
    }
}
