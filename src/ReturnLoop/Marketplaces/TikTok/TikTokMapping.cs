using System.Text.Json;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces.TikTok;

/// <summary>TikTok Shop's returns and pushes in ReturnLoop's words (marketplaces.md §2 and the decisions table).</summary>
public static class TikTokMapping
{
    public const int ReturnStatusChange = 12;

    public static PlatformStage StageOf(string status) => status switch
    {
        "RETURN_OR_REFUND_REQUEST_PENDING" or "REPLACEMENT_REQUEST_PENDING" => PlatformStage.Requested,
        "AWAITING_BUYER_SHIP" or "BUYER_SHIPPED_ITEM" => PlatformStage.Approved,
        "RETURN_OR_REFUND_REQUEST_CANCEL" or "REFUND_OR_RETURN_REQUEST_REJECT" or "REPLACEMENT_REQUEST_CANCEL"
            or "REPLACEMENT_REQUEST_REJECT" => PlatformStage.Cancelled,
        "RETURN_OR_REFUND_REQUEST_SUCCESS" or "RETURN_OR_REFUND_REQUEST_COMPLETE" or "REPLACEMENT_REQUEST_REFUND_SUCCESS"
            or "REPLACEMENT_REQUEST_COMPLETE" => PlatformStage.Refunded,
        _ => PlatformStage.Unknown,
    };

    public static AfterSalesType? TypeOf(string returnType) => returnType switch
    {
        "RETURN_AND_REFUND" => AfterSalesType.ReturnAndRefund,
        "REFUND" => AfterSalesType.RefundOnly,
        "REPLACEMENT" => AfterSalesType.Exchange,
        _ => null,
    };

    /// <summary>The envelope's error, null when <c>code</c> is 0.</summary>
    public static (string Code, string? Message)? ErrorOf(JsonElement envelope) =>
        envelope.Text("code") is { } code && code != "0" ? (code, envelope.Text("message")) : null;

    /// <summary>A <c>returns/search</c> page and the token of the next one (absent or empty on the last page).</summary>
    public static (IReadOnlyList<PlatformReturn> Returns, string? NextPageToken) SearchPage(JsonElement envelope, string shopId)
    {
        var data = envelope.Get("data") ?? throw new PayloadException("The search answer has no data.");
        var next = data.Text("next_page_token") is { Length: > 0 } token ? token : null;
        return (data.Array("return_orders").Select(r => Return(r, shopId)).ToList(), next);
    }

    public static PlatformReturn Return(JsonElement r, string shopId)
    {
        var rawType = r.Text("return_type") ?? "";
        var status = r.RequiredText("return_status");
        var refund = r.Get("refund_amount");
        // a return line item is one unit: units of the same seller SKU become one line
        var lines = r.Array("return_line_items")
            .GroupBy(l => l.RequiredText("seller_sku"))
            .Select(g => new PlatformReturnLine(g.Key, g.Count(),
                g.Sum(l => l.Get("refund_amount") is { } a ? a.Decimal("refund_total") : 0m)))
            .ToList();
        return new PlatformReturn(
            Platform: Platform.TikTok,
            ShopId: shopId,
            ReturnId: r.RequiredText("return_id"),
            OrderNo: r.RequiredText("order_id"),
            Type: TypeOf(rawType),
            RawType: rawType,
            Status: status,
            Stage: StageOf(status),
            Reason: r.Text("return_reason"),
            ReasonText: r.Text("return_reason_text"),
            Currency: refund?.Text("currency"),
            RefundAmount: refund?.Decimal("refund_total") ?? 0m,
            CreatedAt: PayloadReader.Seconds(r.Long("create_time")),
            UpdatedAt: PayloadReader.Seconds(r.Long("update_time")),
            Lines: lines);
    }

    /// <summary>
    /// A push: type 12 is a return's status change; others (order, cancellation of an unshipped order…) hint at no return.
    /// Each carries its own notification id, so a repeat is told by it.
    /// </summary>
    public static PlatformPush Push(JsonElement push)
    {
        var shopId = push.RequiredText("shop_id");
        var type = push.Int("type");
        var id = push.RequiredText("tts_notification_id");
        var data = push.Get("data");
        if (type != ReturnStatusChange || data is not { } d)
            return new PlatformPush(Platform.TikTok, shopId, null, data?.Text("order_id"), null,
                PayloadReader.Seconds(push.Long("timestamp")), id);
        var at = d.Long("update_time") is > 0 and var u ? u : push.Long("timestamp");
        return new PlatformPush(Platform.TikTok, shopId, d.RequiredText("return_id"), d.Text("order_id"), d.Text("return_status"),
            PayloadReader.Seconds(at), id);
    }
}
