using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces;

/// <summary>Where a platform's status puts an after-sales order (marketplaces.md, "Decisions for ReturnLoop").</summary>
public enum PlatformStage
{
    /// <summary>The buyer asked; the order waits in To Confirm.</summary>
    Requested,

    /// <summary>The platform (or the seller there) accepted the return: approve, which creates the return &amp; stock-in.</summary>
    Approved,

    /// <summary>Cancelled or rejected on the platform: cancel, which recalls a pushed return.</summary>
    Cancelled,

    /// <summary>
    /// The platform refunded the buyer (Shopee REFUND_PAID, TikTok …_REQUEST_SUCCESS / …_COMPLETE, Lazada REFUND_SUCCESS): a
    /// refund-only order is completed; one that brings goods back is approved if it was not yet, and otherwise goes on in
    /// ReturnLoop (the supplier still stocks in and refunds the distributor). Not in marketplaces.md's table: flagging every
    /// finished return as "needs attention" would bury the ones that need it.
    /// </summary>
    Refunded,

    /// <summary>A status outside the table: kept as received, shown as needing attention, moves nothing.</summary>
    Unknown,
}

/// <summary>One line of a platform return: the seller SKU is the distributor's merchant SKU code.</summary>
public sealed record PlatformReturnLine(string SellerSku, int Quantity, decimal RefundAmount);

/// <summary>
/// A platform's return request in ReturnLoop's words, whichever platform it came from: what ingestion needs to create or move
/// an after-sales order. Amounts are exact decimals in major units of <see cref="Currency"/>; the raw status and reason are
/// kept as received so an unknown value can be shown, never lost.
/// </summary>
public sealed record PlatformReturn(
    Platform Platform,
    string ShopId,
    string ReturnId,
    string OrderNo,
    AfterSalesType? Type,
    string RawType,
    string Status,
    PlatformStage Stage,
    string? Reason,
    string? ReasonText,
    string? Currency,
    decimal RefundAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PlatformReturnLine> Lines)
{
    /// <summary>A type or status the decisions table does not know: stored and flagged, never a crash.</summary>
    public string? AttentionReason =>
        Type is null ? $"Unknown return type {RawType}" : Stage == PlatformStage.Unknown ? $"Unknown status {Status}" : null;
}

/// <summary>
/// A push from a platform, reduced to what it hints at: which return of which shop changed, and when. A push is only a hint:
/// the details are fetched from the platform's API. <see cref="DedupeKey"/> tells a repeated push from a new one.
/// </summary>
public sealed record PlatformPush(Platform Platform, string ShopId, string? ReturnId, string? OrderNo, string? Status,
    DateTimeOffset At, string DedupeKey)
{
    /// <summary>True when the push is about a return (others, e.g. order status, are stored and ignored).</summary>
    public bool IsAboutAReturn => ReturnId is not null;
}
