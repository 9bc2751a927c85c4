using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Tests;

/// <summary>Issue 9: which tab of which list a row counts under, from its values by property name.</summary>
public class CountedListTests
{
    private static Func<string, object?> Row(params (string Name, object? Value)[] values) =>
        name => values.Single(v => v.Name == name).Value;

    [Fact]
    public void A_row_counts_under_its_owner_partner_and_status()
    {
        var key = CountedLists.SupplierReturns.KeyOf(Row(("SupplierAccountId", "sup"), ("DistributorAccountId", "dis"),
            ("Status", SupplierReturnStatus.PendingStockIn), ("NeedsAttention", false)));

        Assert.Equal(new TabKey("SupplierReturns", "sup", "dis", "PendingStockIn"), key);
    }

    [Fact]
    public void The_needs_attention_list_holds_only_flagged_rows()
    {
        (string, object?)[] values = [("DistributorAccountId", "dis"), ("SupplierAccountId", null),
            ("Status", AfterSalesStatus.ToConfirm), ("NeedsAttention", true)];

        Assert.Equal(new TabKey("AfterSalesOrders.NeedsAttention", "dis", "", "ToConfirm"),
            CountedLists.AfterSalesOrdersNeedingAttention.KeyOf(Row(values)));
        values[3] = ("NeedsAttention", false);
        Assert.Null(CountedLists.AfterSalesOrdersNeedingAttention.KeyOf(Row(values)));
        Assert.NotNull(CountedLists.AfterSalesOrders.KeyOf(Row(values)));
    }

    [Fact]
    public void The_method_list_keys_on_the_method_by_name_as_the_database_stores_it()
    {
        var key = CountedLists.SupplierRefundOrdersByMethod.KeyOf(Row(("SupplierAccountId", "sup"),
            ("Method", RefundMethod.BankTransfer), ("Status", RefundStatus.AwaitingConfirmation)));

        Assert.Equal(new TabKey("RefundOrders.Supplier.Method", "sup", "BankTransfer", "AwaitingConfirmation"), key);
    }

    [Fact]
    public void An_order_where_the_account_is_both_sides_counts_on_its_supplier_side_only()
    {
        var values = Row(("SupplierAccountId", "me"), ("DistributorAccountId", "me"), ("Status", DistributionOrderStatus.Shipped));

        Assert.NotNull(CountedLists.SupplierDistributionOrders.KeyOf(values));
        Assert.Null(CountedLists.DistributorDistributionOrders.KeyOf(values));
    }

    [Fact]
    public void Lists_have_distinct_names_and_the_signature_names_them_all()
    {
        Assert.Equal(CountedLists.All.Count, CountedLists.All.Select(l => l.Name).Distinct().Count());
        Assert.DoesNotContain(CountedLists.All, l => l.Name == CountedLists.MarkerList);
        Assert.Matches("^[0-9a-f]{32}$", CountedLists.Signature);
    }
}
