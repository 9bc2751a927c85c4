using System.Text.Json;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces.Lazada;

/// <summary>Lazada's reverse orders and pushes in ReturnLoop's words (marketplaces.md §3 and the decisions table).</summary>
public static class LazadaMapping
{
    public const int ReversePush = 10;

    public static PlatformStage StageOf(string status) => status switch
    {
        "REQUEST_INITIATE" or "RTM_INIT" or "RTW_INIT" => PlatformStage.Requested,
        "RTM_SHIPPING_BACK" or "RTW_SHIPPING_BACK" or "RTM_RECEIVE_ITEM" => PlatformStage.Approved,
        "REQUEST_CANCEL" or "REQUEST_REJECT" or "RTM_CANCELED" or "RTW_CANCELED" => PlatformStage.Cancelled,
        "REFUND_SUCCESS" => PlatformStage.Refunded,
        _ => PlatformStage.Unknown,
    };

    /// <summary>Reverse lines carry no currency: it is the seller country's (the shop's region).</summary>
    public static string? CurrencyOf(string region) => region.ToUpperInvariant() switch
    {
        "SG" => "SGD", "MY" => "MYR", "PH" => "PHP", "TH" => "THB", "ID" => "IDR", "VN" => "VND", _ => null,
    };

    /// <summary>Amounts are whole minor units (100 = SGD 1), except in Vietnam where they are whole dong.</summary>
    public static decimal Major(decimal minor, string? currency) => currency == "VND" ? minor : minor / 100m;

    public static (string Code, string? Message)? ErrorOf(JsonElement envelope) =>
        envelope.Text("code") is { } code && code != "0" ? (code, envelope.Text("message")) : null;

    /// <summary>
    /// A <c>getreverseordersforseller</c> page: its after-sales reverse orders (order cancellations, request type CANCEL, are
    /// not after-sales orders and are left out) and the total the platform reports.
    /// </summary>
    public static (IReadOnlyList<PlatformReturn> Returns, int Total, int ItemCount) ListPage(JsonElement envelope, string shopId,
        string? currency)
    {
        var result = envelope.Get("result") ?? throw new PayloadException("The list has no result.");
        var items = result.Array("items").ToList();
        var returns = items.Select(i => Return(i, shopId, currency)).OfType<PlatformReturn>().ToList();
        return (returns, result.Int("total"), items.Count);
    }

    /// <summary>The detail answer (<c>data</c>, with its own casing of the lines); null for an order cancellation.</summary>
    public static PlatformReturn? Detail(JsonElement envelope, string shopId, string? currency) =>
        Return(envelope.Get("data") ?? throw new PayloadException("The detail has no data."), shopId, currency);

    /// <summary>
    /// One reverse order. Its status lives on each line: all lines cancelled cancel it, any line on its way back approves it,
    /// an unknown line status needs attention, otherwise it is still requested.
    /// </summary>
    public static PlatformReturn? Return(JsonElement r, string shopId, string? currency)
    {
        var rawType = r.Text("request_type") ?? "";
        if (rawType == "CANCEL") return null;
        var lines = (r.Get("reverse_order_lines") ?? r.Get("reverseOrderLineDTOList")) is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().ToList() : [];
        var statuses = lines.Select(l => l.RequiredText("reverse_status")).ToList();
        var stage = Combine(statuses.Select(StageOf).ToList());
        var leading = lines.FirstOrDefault(l => StageOf(l.RequiredText("reverse_status")) == stage);
        return new PlatformReturn(
            Platform: Platform.Lazada,
            ShopId: shopId,
            ReturnId: r.RequiredText("reverse_order_id"),
            OrderNo: r.RequiredText("trade_order_id"),
            Type: rawType switch { "RETURN" => AfterSalesType.ReturnAndRefund, "ONLY_REFUND" => AfterSalesType.RefundOnly, _ => null },
            RawType: rawType,
            Status: string.Join(",", statuses.Distinct()),
            Stage: stage,
            Reason: leading.ValueKind == JsonValueKind.Object ? leading.Text("reason_code") : null,
            ReasonText: leading.ValueKind == JsonValueKind.Object ? leading.Text("reason_text") : null,
            Currency: currency,
            RefundAmount: lines.Sum(l => Major(l.Decimal("refund_amount"), currency)),
            CreatedAt: Epoch(lines.Select(l => l.Long("return_order_line_gmt_create")).DefaultIfEmpty().Min()),
            UpdatedAt: Epoch(lines.Select(l => l.Long("return_order_line_gmt_modified")).DefaultIfEmpty().Max()),
            // a reverse order line is one unit of one trade order line
            Lines: lines.GroupBy(l => l.RequiredText("seller_sku_id"))
                .Select(g => new PlatformReturnLine(g.Key, g.Count(), g.Sum(l => Major(l.Decimal("refund_amount"), currency))))
                .ToList());
    }

    private static DateTimeOffset Epoch(long unix) => PayloadReader.SecondsOrMilliseconds(unix);

    private static PlatformStage Combine(IReadOnlyList<PlatformStage> stages) =>
        stages.Count == 0 ? PlatformStage.Unknown
        : stages.All(s => s == PlatformStage.Cancelled) ? PlatformStage.Cancelled
        : stages.All(s => s is PlatformStage.Cancelled or PlatformStage.Refunded) ? PlatformStage.Refunded
        : stages.Contains(PlatformStage.Approved) ? PlatformStage.Approved
        : stages.Contains(PlatformStage.Unknown) ? PlatformStage.Unknown
        : PlatformStage.Requested;

    /// <summary>
    /// A push: message type 10 is a reverse order's status; others hint at no return. Delivery is at least once: a repeat is
    /// told by line (or order) + status + update time (marketplaces.md §3.6).
    /// </summary>
    public static PlatformPush Push(JsonElement push)
    {
        var sellerId = push.RequiredText("seller_id");
        var type = push.Int("message_type");
        var data = push.Get("data");
        var timestamp = push.Long("timestamp");
        if (type != ReversePush || data is not { } d)
            return new PlatformPush(Platform.Lazada, sellerId, null, data?.Text("trade_order_id"), null,
                PayloadReader.SecondsOrMilliseconds(timestamp), $"{sellerId}:{type}:{timestamp}:{data?.Text("trade_order_line_id")}");
        var status = d.Text("reverse_status");
        var updated = d.Long("status_update_time") is > 0 and var u ? u : timestamp;
        var line = d.Text("reverse_order_line_id") ?? d.Text("trade_order_line_id") ?? d.RequiredText("reverse_order_id");
        return new PlatformPush(Platform.Lazada, sellerId, d.RequiredText("reverse_order_id"), d.Text("trade_order_id"), status,
            PayloadReader.SecondsOrMilliseconds(updated), $"{sellerId}:{line}:{status}:{updated}");
    }
}
