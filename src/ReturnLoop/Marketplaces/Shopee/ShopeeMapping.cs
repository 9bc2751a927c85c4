using System.Text.Json;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Marketplaces.Shopee;

/// <summary>Shopee's return objects and pushes in ReturnLoop's words (marketplaces.md §1 and the decisions table).</summary>
public static class ShopeeMapping
{
    public const int ReturnPushCode = 29;

    public static PlatformStage StageOf(string status) => status switch
    {
        "REQUESTED" or "PROCESSING" or "SELLER_DISPUTE" or "JUDGING" => PlatformStage.Requested,
        "ACCEPTED" => PlatformStage.Approved,
        "CANCELLED" or "CLOSED" => PlatformStage.Cancelled,
        "REFUND_PAID" => PlatformStage.Refunded,
        _ => PlatformStage.Unknown,
    };

    /// <summary>The <c>error</c> of an envelope, which Shopee also sends with HTTP 200; null when the call succeeded.</summary>
    public static string? ErrorOf(JsonElement envelope) => envelope.Text("error") is { Length: > 0 } e ? e : null;

    /// <summary>A <c>get_return_list</c> page: its returns and whether another page follows.</summary>
    public static (IReadOnlyList<PlatformReturn> Returns, bool More) ListPage(JsonElement envelope, string shopId)
    {
        var response = envelope.Get("response") ?? throw new PayloadException("The list has no response.");
        return (response.Array("return").Select(r => Return(r, shopId)).ToList(), response.Text("more") == "true");
    }

    /// <summary>A <c>get_return_detail</c> answer: the same return object, alone in <c>response</c>.</summary>
    public static PlatformReturn Detail(JsonElement envelope, string shopId) =>
        Return(envelope.Get("response") ?? throw new PayloadException("The detail has no response."), shopId);

    public static PlatformReturn Return(JsonElement r, string shopId)
    {
        var rawType = r.Text("return_solution") ?? "";
        var status = r.RequiredText("status");
        var lines = r.Array("item").Select(Line).ToList();
        return new PlatformReturn(
            Platform: Platform.Shopee,
            ShopId: shopId,
            ReturnId: r.RequiredText("return_sn"),
            OrderNo: r.RequiredText("order_sn"),
            Type: rawType switch { "0" => AfterSalesType.ReturnAndRefund, "1" => AfterSalesType.RefundOnly, _ => null },
            RawType: rawType,
            Status: status,
            Stage: StageOf(status),
            Reason: r.Text("reason"),
            ReasonText: r.Text("text_reason"),
            Currency: r.Text("currency"),
            RefundAmount: r.Decimal("refund_amount"),
            CreatedAt: PayloadReader.Seconds(r.Long("create_time")),
            UpdatedAt: PayloadReader.Seconds(r.Long("update_time")),
            Lines: lines);
    }

    // The variation's SKU names the merchant SKU; an item without variations has only its item SKU.
    private static PlatformReturnLine Line(JsonElement item)
    {
        var sku = item.Text("variation_sku") is { Length: > 0 } v ? v : item.RequiredText("item_sku");
        var quantity = Math.Max(item.Int("amount"), 1);
        var refund = item.Get("refund_amount") is not null ? item.Decimal("refund_amount") : item.Decimal("item_price") * quantity;
        return new PlatformReturnLine(sku, quantity, refund);
    }

    /// <summary>
    /// A push: code 29 is a return update; any other code is kept but hints at no return. Shopee pushes carry no id, so a
    /// repeat is told by shop + code + timestamp + return (marketplaces.md §1.6).
    /// </summary>
    public static PlatformPush Push(JsonElement push)
    {
        var shopId = push.RequiredText("shop_id");
        var code = push.Int("code");
        var timestamp = push.Long("timestamp");
        var data = push.Get("data");
        if (code != ReturnPushCode || data is not { } d)
            return new PlatformPush(Platform.Shopee, shopId, null, null, null, PayloadReader.Seconds(timestamp),
                $"{shopId}:{code}:{timestamp}");
        var returnSn = d.RequiredText("return_sn");
        var statusChange = d.Array("updated_values").FirstOrDefault(u => u.Text("update_field") == "return_status");
        var status = statusChange.ValueKind == JsonValueKind.Object ? statusChange.Text("new_value") : null;
        var at = d.Array("updated_values").Select(u => u.Long("update_time")).DefaultIfEmpty(timestamp).Max();
        return new PlatformPush(Platform.Shopee, shopId, returnSn, d.Text("order_sn"), status, PayloadReader.Seconds(at),
            $"{shopId}:{code}:{timestamp}:{returnSn}");
    }
}
