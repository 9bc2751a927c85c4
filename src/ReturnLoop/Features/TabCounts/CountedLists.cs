using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.SupplierReturns;

namespace ReturnLoop.Features.TabCounts;

/// <summary>
/// A list whose tabs are counted: the rows of <paramref name="Entity"/> in the list of their <paramref name="Owner"/>,
/// under the tab of their <paramref name="Status"/>, filterable by <paramref name="Partner"/>. All are property names of the
/// entity (the partner a string or an enum stored by name). A row whose <paramref name="UnlessOwnerIs"/> equals its owner
/// is not in the list, nor one whose boolean <paramref name="When"/> is false.
/// </summary>
public sealed record CountedList(string Name, Type Entity, string Owner, string? Partner, string Status, string? UnlessOwnerIs = null,
    string? When = null)
{
    /// <summary>A row's tab in this list from its values by property name (current or original); null when it is not in the list.</summary>
    public TabKey? KeyOf(Func<string, object?> value)
    {
        var owner = (string)value(Owner)!;
        if (UnlessOwnerIs is not null && Equals(value(UnlessOwnerIs), owner)) return null;
        if (When is not null && value(When) is not true) return null;
        var partner = Partner is null ? "" : value(Partner)?.ToString() ?? "";
        return new TabKey(Name, owner, partner, value(Status)!.ToString()!);
    }
}

public readonly record struct TabKey(string List, string AccountId, string PartnerId, string Status);

/// <summary>The lists whose tab counts are kept as <see cref="TabCount"/> rows rather than counted at each request.</summary>
public static class CountedLists
{
    public static readonly CountedList AfterSalesOrders = new("AfterSalesOrders", typeof(AfterSalesOrder),
        nameof(AfterSalesOrder.DistributorAccountId), nameof(AfterSalesOrder.SupplierAccountId), nameof(AfterSalesOrder.Status));

    /// <summary>The "needs attention" filter of the same list; its rows not flagged are the whole list's less these.</summary>
    public static readonly CountedList AfterSalesOrdersNeedingAttention = AfterSalesOrders with
    {
        Name = "AfterSalesOrders.NeedsAttention", When = nameof(AfterSalesOrder.NeedsAttention),
    };

    public static readonly CountedList DistributionReturns = new("DistributionReturns", typeof(DistributionReturn),
        nameof(DistributionReturn.DistributorAccountId), nameof(DistributionReturn.SupplierAccountId), nameof(DistributionReturn.Status));

    /// <summary>The supplier's side of a pushed return: After Sales Orders – BigShop and Return &amp; Stock-in – BigShop.</summary>
    public static readonly CountedList SupplierReturns = new("SupplierReturns", typeof(SupplierReturn),
        nameof(SupplierReturn.SupplierAccountId), nameof(SupplierReturn.DistributorAccountId), nameof(SupplierReturn.Status));

    public static readonly CountedList SupplierReturnsNeedingAttention = SupplierReturns with
    {
        Name = "SupplierReturns.NeedsAttention", When = nameof(SupplierReturn.NeedsAttention),
    };

    public static readonly CountedList ReturnStockIns = new("ReturnStockIns", typeof(ReturnStockIn),
        nameof(ReturnStockIn.AccountId), null, nameof(ReturnStockIn.Status));

    public static readonly CountedList SupplierRefundOrders = new("RefundOrders.Supplier", typeof(RefundOrder),
        nameof(RefundOrder.SupplierAccountId), nameof(RefundOrder.DistributorAccountId), nameof(RefundOrder.Status));

    /// <summary>The supplier's refund orders by method (the method filter of Refund Orders) in the partner's place.</summary>
    public static readonly CountedList SupplierRefundOrdersByMethod = SupplierRefundOrders with
    {
        Name = "RefundOrders.Supplier.Method", Partner = nameof(RefundOrder.Method),
    };

    public static readonly CountedList DistributorRefundOrders = new("RefundOrders.Distributor", typeof(RefundOrder),
        nameof(RefundOrder.DistributorAccountId), nameof(RefundOrder.SupplierAccountId), nameof(RefundOrder.Status));

    public static readonly CountedList SupplierDistributionOrders = new("DistributionOrders.Supplier", typeof(DistributionOrder),
        nameof(DistributionOrder.SupplierAccountId), nameof(DistributionOrder.DistributorAccountId), nameof(DistributionOrder.Status));

    /// <summary>An order where the account is both sides is counted on its supplier side only, as the list shows it.</summary>
    public static readonly CountedList DistributorDistributionOrders = new("DistributionOrders.Distributor", typeof(DistributionOrder),
        nameof(DistributionOrder.DistributorAccountId), nameof(DistributionOrder.SupplierAccountId), nameof(DistributionOrder.Status),
        UnlessOwnerIs: nameof(DistributionOrder.SupplierAccountId));

    public static readonly IReadOnlyList<CountedList> All =
    [
        AfterSalesOrders, AfterSalesOrdersNeedingAttention, DistributionReturns, SupplierReturns, SupplierReturnsNeedingAttention,
        ReturnStockIns, SupplierRefundOrders, SupplierRefundOrdersByMethod, DistributorRefundOrders, SupplierDistributionOrders,
        DistributorDistributionOrders,
    ];

    /// <summary>
    /// Names the lists and how each counts, kept in a marker row by a recount: a start that finds another (a build that
    /// counts a new list, or counts one differently) counts them all anew.
    /// </summary>
    public static readonly string Signature = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join(";", All.Select(l =>
            $"{l.Name}:{l.Entity.Name}:{l.Owner}:{l.Partner}:{l.Status}:{l.UnlessOwnerIs}:{l.When}")))))[..32].ToLowerInvariant();

    /// <summary>The <see cref="TabCount.List"/> of the marker row, never a list's name.</summary>
    public const string MarkerList = "$signature";

    internal static readonly IReadOnlyDictionary<Type, CountedList[]> ByEntity =
        All.GroupBy(l => l.Entity).ToDictionary(g => g.Key, g => g.ToArray());
}
