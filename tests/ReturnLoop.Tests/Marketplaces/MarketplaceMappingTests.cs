using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Marketplaces;
using ReturnLoop.Marketplaces.Lazada;
using ReturnLoop.Marketplaces.Shopee;
using ReturnLoop.Marketplaces.TikTok;

namespace ReturnLoop.Tests.Marketplaces;

/// <summary>The platforms' payloads (marketplaces.md: official samples, recordings, constructed from the field tables) mapped.</summary>
public sealed class MarketplaceMappingTests
{
    [Fact]
    public void Shopee_list_sample_is_a_requested_refund_only_in_exact_major_units()
    {
        var (returns, more) = ShopeeMapping.ListPage(Payload.Json("shopee-return-list.json"), "220004993");

        Assert.False(more);
        var r = Assert.Single(returns);
        Assert.Equal((Platform.Shopee, "220004993", "2206150VT13E3MQ", "220613ABCDEF12"), (r.Platform, r.ShopId, r.ReturnId, r.OrderNo));
        Assert.Equal(AfterSalesType.RefundOnly, r.Type);
        Assert.Equal(("REQUESTED", PlatformStage.Requested), (r.Status, r.Stage));
        Assert.Equal(("NOT_RECEIPT", "not received"), (r.Reason, r.ReasonText));
        Assert.Equal(("SGD", 25.9m), (r.Currency, r.RefundAmount));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1655367417), r.UpdatedAt);
        Assert.Equal([new PlatformReturnLine("TS-01-M", 1, 25.9m)], r.Lines); // the variation SKU wins over the item SKU
        Assert.Null(r.AttentionReason);
    }

    [Fact]
    public void Shopee_detail_without_a_variation_takes_the_item_sku_and_its_price_times_quantity()
    {
        var r = ShopeeMapping.Detail(Payload.Json("shopee-return-detail-accepted.json"), "220004993");

        Assert.Equal((AfterSalesType.ReturnAndRefund, PlatformStage.Approved), (r.Type, r.Stage));
        Assert.Equal(("IDR", 1_500_000m), (r.Currency, r.RefundAmount));
        Assert.Equal([new PlatformReturnLine("BTK-01", 2, 1_500_000m)], r.Lines);
    }

    [Theory]
    [InlineData("REQUESTED", PlatformStage.Requested)]
    [InlineData("PROCESSING", PlatformStage.Requested)]
    [InlineData("SELLER_DISPUTE", PlatformStage.Requested)]
    [InlineData("JUDGING", PlatformStage.Requested)]
    [InlineData("ACCEPTED", PlatformStage.Approved)]
    [InlineData("CANCELLED", PlatformStage.Cancelled)]
    [InlineData("CLOSED", PlatformStage.Cancelled)]
    [InlineData("REFUND_PAID", PlatformStage.Refunded)]
    [InlineData("SOMETHING_NEW", PlatformStage.Unknown)]
    public void Shopee_statuses_follow_the_decisions_table(string status, PlatformStage stage) =>
        Assert.Equal(stage, ShopeeMapping.StageOf(status));

    [Fact]
    public void Shopee_error_envelope_is_told_even_with_http_200() =>
        Assert.Equal("error_auth", ShopeeMapping.ErrorOf(Payload.Json("shopee-error.json")));

    [Fact]
    public void Shopee_return_push_hints_at_its_return_and_new_status()
    {
        var push = ShopeeMapping.Push(Payload.Json("shopee-push-return.json"));

        Assert.True(push.IsAboutAReturn);
        Assert.Equal(("220004993", "2411280EDT4JRV5", "241128EDQ9YKJ0", "PROCESSING"),
            (push.ShopId, push.ReturnId, push.OrderNo, push.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1732796767), push.At);
        Assert.Equal("220004993:29:1732796767:2411280EDT4JRV5", push.DedupeKey);
    }

    [Fact]
    public void TikTok_recorded_search_maps_decimal_strings_and_groups_units_by_seller_sku()
    {
        var (returns, next) = TikTokMapping.SearchPage(Payload.Json("tiktok-returns-search.json"), "7494049642642441621");

        Assert.Null(next); // the recording's last page has no next_page_token
        var r = Assert.Single(returns);
        Assert.Equal(("4035514779895827085", "579669030929468045"), (r.ReturnId, r.OrderNo));
        Assert.Equal(AfterSalesType.ReturnAndRefund, r.Type);
        // The refund is done on the platform: known (PlatformStage.Refunded), so nothing to flag.
        Assert.Equal(("RETURN_OR_REFUND_REQUEST_COMPLETE", PlatformStage.Refunded), (r.Status, r.Stage));
        Assert.Null(r.AttentionReason);
        Assert.Equal(("VND", 143000m), (r.Currency, r.RefundAmount));
        Assert.Equal([new PlatformReturnLine("FUJIWA02-450", 1, 143000m)], r.Lines);
        Assert.Equal("ecom_order_delivered_refund_and_return_reason_defective", r.Reason);
    }

    [Theory]
    [InlineData("RETURN_OR_REFUND_REQUEST_PENDING", PlatformStage.Requested)]
    [InlineData("REPLACEMENT_REQUEST_PENDING", PlatformStage.Requested)]
    [InlineData("AWAITING_BUYER_SHIP", PlatformStage.Approved)]
    [InlineData("BUYER_SHIPPED_ITEM", PlatformStage.Approved)]
    [InlineData("RETURN_OR_REFUND_REQUEST_CANCEL", PlatformStage.Cancelled)]
    [InlineData("REFUND_OR_RETURN_REQUEST_REJECT", PlatformStage.Cancelled)]
    [InlineData("REPLACEMENT_REQUEST_CANCEL", PlatformStage.Cancelled)]
    [InlineData("REPLACEMENT_REQUEST_REJECT", PlatformStage.Cancelled)]
    [InlineData("RETURN_OR_REFUND_REQUEST_SUCCESS", PlatformStage.Refunded)]
    [InlineData("RETURN_OR_REFUND_REQUEST_COMPLETE", PlatformStage.Refunded)]
    [InlineData("REPLACEMENT_REQUEST_COMPLETE", PlatformStage.Refunded)]
    [InlineData("REJECT_RECEIVE_PACKAGE", PlatformStage.Unknown)]
    public void TikTok_statuses_follow_the_decisions_table(string status, PlatformStage stage) =>
        Assert.Equal(stage, TikTokMapping.StageOf(status));

    [Theory]
    [InlineData("RETURN_AND_REFUND", AfterSalesType.ReturnAndRefund)]
    [InlineData("REFUND", AfterSalesType.RefundOnly)]
    [InlineData("REPLACEMENT", AfterSalesType.Exchange)]
    [InlineData("SOMETHING_ELSE", null)]
    public void TikTok_types_follow_the_decisions_table(string type, AfterSalesType? expected) =>
        Assert.Equal(expected, TikTokMapping.TypeOf(type));

    [Fact]
    public void TikTok_return_push_and_cancellation_push()
    {
        var push = TikTokMapping.Push(Payload.Json("tiktok-push-return.json"));
        Assert.Equal(("7494049642642441621", "576486316948490001", "RETURN_OR_REFUND_REQUEST_PENDING"),
            (push.ShopId, push.ReturnId, push.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1644412885), push.At);
        Assert.Equal("7327112393057371910", push.DedupeKey);

        var cancellation = TikTokMapping.Push(Payload.Json("tiktok-push-cancellation.json"));
        Assert.False(cancellation.IsAboutAReturn); // an unshipped order's cancellation is not an after-sales order
        Assert.Equal("576486316948490001", cancellation.OrderNo);
    }

    [Fact]
    public void Lazada_official_list_sample_is_an_order_cancellation_and_not_an_after_sales_order()
    {
        var (returns, total, items) = LazadaMapping.ListPage(Payload.Json("lazada-reverse-list-cancel.json"), "12345", "THB");

        Assert.Empty(returns);
        Assert.Equal((50, 1), (total, items)); // numbers sent as strings
    }

    [Fact]
    public void Lazada_lines_are_units_in_minor_units_and_any_line_on_its_way_back_approves()
    {
        var (returns, total, _) = LazadaMapping.ListPage(Payload.Json("lazada-reverse-list-return.json"), "12345",
            LazadaMapping.CurrencyOf("MY"));

        Assert.Equal(2, total);
        var r = returns[0];
        Assert.Equal(("700100200300", "500600700800", AfterSalesType.ReturnAndRefund), (r.ReturnId, r.OrderNo, r.Type));
        Assert.Equal(("RTM_SHIPPING_BACK,RTM_INIT", PlatformStage.Approved), (r.Status, r.Stage));
        Assert.Equal(("MYR", 91.80m), (r.Currency, r.RefundAmount));
        Assert.Equal([new PlatformReturnLine("LZ-TS-RED-M", 2, 91.80m)], r.Lines);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732500000000), r.UpdatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732400000000), r.CreatedAt);

        var refundOnly = returns[1];
        Assert.Equal(AfterSalesType.RefundOnly, refundOnly.Type);
        Assert.Equal(PlatformStage.Unknown, refundOnly.Stage); // REFUND_PENDING is not in the table: needs attention
        Assert.Equal(19.99m, refundOnly.RefundAmount);
    }

    [Fact]
    public void Lazada_detail_has_its_own_casing_and_vietnam_amounts_are_whole_dong()
    {
        var r = LazadaMapping.Detail(Payload.Json("lazada-reverse-detail-vn.json"), "12345", LazadaMapping.CurrencyOf("vn"))!;

        Assert.Equal(PlatformStage.Cancelled, r.Stage);
        Assert.Equal(("VND", 143000m), (r.Currency, r.RefundAmount));
        Assert.Equal("FUJIWA02-450", Assert.Single(r.Lines).SellerSku);
    }

    [Theory]
    [InlineData("REQUEST_INITIATE", PlatformStage.Requested)]
    [InlineData("RTM_INIT", PlatformStage.Requested)]
    [InlineData("RTW_INIT", PlatformStage.Requested)]
    [InlineData("RTM_SHIPPING_BACK", PlatformStage.Approved)]
    [InlineData("RTW_SHIPPING_BACK", PlatformStage.Approved)]
    [InlineData("RTM_RECEIVE_ITEM", PlatformStage.Approved)]
    [InlineData("REQUEST_CANCEL", PlatformStage.Cancelled)]
    [InlineData("REQUEST_REJECT", PlatformStage.Cancelled)]
    [InlineData("RTM_CANCELED", PlatformStage.Cancelled)]
    [InlineData("RTW_CANCELED", PlatformStage.Cancelled)]
    [InlineData("REFUND_SUCCESS", PlatformStage.Refunded)]
    [InlineData("RTW_REJECT", PlatformStage.Unknown)]
    public void Lazada_statuses_follow_the_decisions_table(string status, PlatformStage stage) =>
        Assert.Equal(stage, LazadaMapping.StageOf(status));

    [Fact]
    public void Lazada_reverse_push_with_numeric_ids_and_seconds()
    {
        var push = LazadaMapping.Push(Payload.Json("lazada-push-reverse.json"));

        Assert.Equal(("12345", "658960600102006", "416557324702006", "RTM_INIT"), (push.ShopId, push.ReturnId, push.OrderNo, push.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1626767698), push.At);
        Assert.Equal("12345:663790000102006:RTM_INIT:1626767698", push.DedupeKey);
    }
}
