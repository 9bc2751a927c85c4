using System.Globalization;
using System.Text.Json.Nodes;

namespace MarketplaceSimulator;

/// <summary>Each platform's return object and push, as marketplaces.md documents them (§1.3, §1.6, §2.3, §2.6, §3.3, §3.6).</summary>
public static class Shapes
{
    private static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();
    private static long UnixMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
    private static decimal Total(SimReturn r) => r.Lines.Sum(l => l.UnitPrice * l.Quantity);

    public static JsonObject Shopee(SimReturn r) => new()
    {
        ["image"] = new JsonArray(), ["reason"] = r.Reason, ["text_reason"] = r.ReasonText, ["reassessed_request_reason"] = "NONE",
        ["return_sn"] = r.ReturnId(), ["refund_amount"] = (double)Total(r), ["currency"] = r.Currency,
        ["create_time"] = Unix(r.CreatedAt), ["update_time"] = Unix(r.UpdatedAt), ["status"] = r.Status,
        ["due_date"] = Unix(r.CreatedAt.AddDays(3)), ["tracking_number"] = "", ["needs_logistics"] = r.Type != "RefundOnly",
        ["amount_before_discount"] = (double)Total(r), ["user"] = new JsonObject { ["username"] = "b****r" },
        ["item"] = new JsonArray(r.Lines.Select((l, i) => (JsonNode)new JsonObject
        {
            ["model_id"] = 10001 + i, ["name"] = l.SellerSku, ["images"] = new JsonArray(), ["amount"] = l.Quantity,
            ["item_price"] = (double)l.UnitPrice, ["is_add_on_deal"] = false, ["is_main_item"] = false, ["add_on_deal_id"] = 0,
            ["item_id"] = 2001 + i, ["item_sku"] = l.SellerSku.Split('-')[0], ["variation_sku"] = l.SellerSku,
        }).ToArray()),
        ["order_sn"] = r.OrderNo, ["return_solution"] = r.Type == "RefundOnly" ? 1 : 0, ["return_refund_request_type"] = 0,
        ["validation_type"] = "seller_validation",
    };

    public static JsonObject ShopeePush(SimReturn r, string? previousStatus) => new()
    {
        ["data"] = new JsonObject
        {
            ["order_sn"] = r.OrderNo, ["return_sn"] = r.ReturnId(),
            ["updated_values"] = new JsonArray(new JsonObject
            {
                ["update_field"] = "return_status", ["old_value"] = previousStatus ?? "", ["new_value"] = r.Status,
                ["update_time"] = Unix(r.UpdatedAt),
            }),
        },
        ["shop_id"] = long.TryParse(r.ShopId, out var id) ? id : 0, ["code"] = 29, ["timestamp"] = Unix(r.UpdatedAt),
    };

    private static JsonObject TikTokMoney(string currency, decimal amount) => new()
    {
        ["currency"] = currency, ["refund_shipping_fee"] = "0", ["refund_subtotal"] = Text(amount), ["refund_tax"] = "0",
        ["refund_total"] = Text(amount),
    };

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static JsonObject TikTok(SimReturn r) => new()
    {
        ["return_id"] = r.Id, ["order_id"] = r.OrderNo,
        ["return_type"] = r.Type switch { "RefundOnly" => "REFUND", "Exchange" => "REPLACEMENT", _ => "RETURN_AND_REFUND" },
        ["return_status"] = r.Status, ["return_reason"] = r.Reason, ["return_reason_text"] = r.ReasonText, ["role"] = "BUYER",
        ["create_time"] = Unix(r.CreatedAt), ["update_time"] = Unix(r.UpdatedAt), ["is_combined_return"] = false,
        ["refund_amount"] = TikTokMoney(r.Currency, Total(r)),
        // one return line item per unit, as TikTok Shop lists them
        ["return_line_items"] = new JsonArray(r.Lines.SelectMany(l => Enumerable.Repeat(l, l.Quantity)).Select((l, i) =>
            (JsonNode)new JsonObject
            {
                ["return_line_item_id"] = $"{r.Id[..10]}{i:D8}", ["order_line_item_id"] = $"{r.OrderNo}{i:D2}",
                ["product_name"] = l.SellerSku, ["seller_sku"] = l.SellerSku, ["sku_id"] = $"17{i:D16}",
                ["sku_name"] = "Default", ["refund_amount"] = TikTokMoney(r.Currency, l.UnitPrice),
            }).ToArray()),
    };

    public static JsonObject TikTokPush(SimReturn r) => new()
    {
        ["type"] = 12, ["tts_notification_id"] = SimState.NewId(SimPlatform.TikTok), ["shop_id"] = r.ShopId,
        ["timestamp"] = Unix(r.UpdatedAt),
        ["data"] = new JsonObject
        {
            ["order_id"] = r.OrderNo, ["return_role"] = "BUYER", ["return_type"] = TikTok(r)["return_type"]!.GetValue<string>(),
            ["return_status"] = r.Status, ["return_id"] = r.Id, ["create_time"] = Unix(r.CreatedAt), ["update_time"] = Unix(r.UpdatedAt),
        },
    };

    /// <summary>Lazada amounts are whole minor units, except whole dong in Vietnam.</summary>
    private static long Minor(decimal amount, string currency) => (long)(currency == "VND" ? amount : amount * 100);

    private static IEnumerable<(SimLine Line, int Index)> Units(SimReturn r) =>
        r.Lines.SelectMany(l => Enumerable.Repeat(l, l.Quantity)).Select((l, i) => (l, i));

    public static JsonObject Lazada(SimReturn r, bool detail)
    {
        var lines = new JsonArray(Units(r).Select(u => (JsonNode)new JsonObject
        {
            ["reverse_order_line_id"] = $"{r.Id}{u.Index}", ["trade_order_line_id"] = $"{r.OrderNo}{u.Index}",
            ["reverse_status"] = r.Status, ["ofc_status"] = "", ["is_need_refund"] = "true", ["is_dispute"] = "false",
            ["refund_amount"] = Minor(u.Line.UnitPrice, r.Currency), ["item_unit_price"] = Minor(u.Line.UnitPrice, r.Currency),
            ["reason_code"] = "10021", ["reason_text"] = r.ReasonText, ["seller_sku_id"] = u.Line.SellerSku,
            ["platform_sku_id"] = $"sim-{u.Index}",
            ["return_order_line_gmt_create"] = UnixMs(r.CreatedAt).ToString(CultureInfo.InvariantCulture),
            ["return_order_line_gmt_modified"] = UnixMs(r.UpdatedAt).ToString(CultureInfo.InvariantCulture),
        }).ToArray());
        return new JsonObject
        {
            ["reverse_order_id"] = r.Id, ["trade_order_id"] = r.OrderNo,
            ["request_type"] = r.Type == "RefundOnly" ? "ONLY_REFUND" : "RETURN", ["is_rtm"] = "true", ["shipping_type"] = "DROP_OFF",
            [detail ? "reverseOrderLineDTOList" : "reverse_order_lines"] = lines,
        };
    }

    /// <summary>Lazada pushes each reverse order line on its own.</summary>
    public static IEnumerable<JsonObject> LazadaPushes(SimReturn r, string region) => Units(r).Select(u => new JsonObject
    {
        ["seller_id"] = r.ShopId, ["message_type"] = 10,
        ["data"] = new JsonObject
        {
            ["reverse_order_id"] = long.Parse(r.Id, CultureInfo.InvariantCulture), ["reverse_status"] = r.Status,
            ["trade_order_id"] = r.OrderNo, ["trade_order_line_id"] = $"{r.OrderNo}{u.Index}", ["buyer_id"] = 100112802006,
            ["seller_id"] = r.ShopId, ["reverse_order_line_id"] = $"{r.Id}{u.Index}", ["status_update_time"] = Unix(r.UpdatedAt),
        },
        ["timestamp"] = Unix(r.UpdatedAt), ["site"] = $"lazada_{region.ToLowerInvariant()}",
    });

    private static string ReturnId(this SimReturn r) => r.Id;
}
