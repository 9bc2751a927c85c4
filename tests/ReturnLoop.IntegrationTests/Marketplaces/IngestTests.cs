using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Shops;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.Marketplaces;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>
/// A platform's return becoming an after-sales order (marketplaces.md, "Decisions for ReturnLoop"), whichever way it came in
/// (push or sync both end here): created, approved, cancelled as the platform says; repeated and older news change nothing;
/// what ReturnLoop cannot place is kept and flagged.
/// </summary>
public sealed class IngestTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-3);

    /// <summary>A distributor with a connected Shopee shop, and a shipped distribution order of that shop.</summary>
    private sealed record Setup(World W, string ShopId, string OrderNo, string OrderId, string MerchantSku)
    {
        public PlatformReturn Return(string returnId, string status, PlatformStage stage, DateTimeOffset at,
            AfterSalesType? type = AfterSalesType.ReturnAndRefund, string? orderNo = null, int quantity = 1) =>
            new(Platform.Shopee, ShopId, returnId, orderNo ?? OrderNo, type, type is null ? "7" : "0", status, stage, "DAMAGED",
                "arrived broken", "MYR", 45m * quantity, T0, at, [new PlatformReturnLine(MerchantSku, quantity, 45m * quantity)]);

        public async Task<IngestResult> Ingest(PlatformReturn r)
        {
            await using var scope = W.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Platform == Platform.Shopee && s.PlatformShopId == ShopId);
            return await scope.ServiceProvider.GetRequiredService<IngestPlatformReturn>().HandleAsync(shop, r, default);
        }
    }

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product($"IG{Guid.NewGuid():N}"[..10], 45m);
        var shopId = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await w.Distributor.Post("/api/v1/shops", new
        {
            platform = "Shopee", shopId, name = "Kedai Ali", region = "MY",
            credentials = new { partnerId = "2001234", partnerKey = "key", accessToken = "token" },
        })).Ok();
        var orderNo = $"2412{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var orderId = (await w.Distributor.Post("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform = "Shopee", shopId, marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = sku, quantity = 2 } },
        })).Ok().Id;
        (await w.Supplier.Post($"/api/v1/distribution-orders/{orderId}/ship", new { })).Ok();
        return new Setup(w, shopId, orderNo, orderId, sku);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_requested_return_becomes_an_after_sales_order_on_its_distribution_order(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);

        var result = await s.Ingest(s.Return("RET1", "REQUESTED", PlatformStage.Requested, T0));

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        var a = (await s.W.AfterSales(result.AfterSalesOrderId!)).Ok();
        Assert.Equal(("Shopee", "ReturnAndRefund", "ToConfirm", "REQUESTED"),
            (a.Str("source"), a.Str("type"), a.Str("status"), a.Str("platformStatus")));
        Assert.Equal((s.OrderId, s.W.SupplierId, s.W.OwnWarehouseId, "RET1", s.ShopId),
            (a.Str("distributionOrderId"), a.Str("supplierAccountId"), a.Str("shippingWarehouseId"), a.Str("platformReturnId"),
                a.Str("shopId")));
        Assert.False(a.Bool("needsAttention"));
        Assert.Equal("DAMAGED – arrived broken", a.Str("reason"));
        var line = Assert.Single(a.Arr("lines"));
        Assert.Equal((s.MerchantSku, 1), (line.Str("merchantSkuCode"), line.Int("quantity")));
        Assert.Contains(a.Arr("timeline"), e => e.Str("side") == "Platform" && e.Str("event") == "Created");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_platforms_approval_opens_the_return_and_auto_push_sends_it_then_a_cancellation_recalls_it(
        DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        (await s.W.SetAutoPush(true)).Ok();
        await s.Ingest(s.Return("RET2", "REQUESTED", PlatformStage.Requested, T0));

        var approved = await s.Ingest(s.Return("RET2", "ACCEPTED", PlatformStage.Approved, T0.AddMinutes(5)));

        Assert.Equal(IngestOutcome.Updated, approved.Outcome);
        var a = (await s.W.AfterSales(approved.AfterSalesOrderId!)).Ok();
        Assert.Equal("ConfirmReturn", a.Str("status"));
        var ret = (await s.W.DistributionReturn(a.Json!["distributionReturn"].Str("id"))).Ok();
        Assert.Equal("Pushed", ret.Str("status"));
        var supplierReturn = (await s.W.SupplierReturn(ret.Str("supplierReturnId"))).Ok();
        Assert.Equal("PendingStockIn", supplierReturn.Str("status"));

        var cancelled = await s.Ingest(s.Return("RET2", "CANCELLED", PlatformStage.Cancelled, T0.AddMinutes(9)));

        Assert.Equal(IngestOutcome.Updated, cancelled.Outcome);
        Assert.Equal("Cancelled", (await s.W.AfterSales(a.Id)).Str("status"));
        Assert.Equal("Recalled", (await s.W.DistributionReturn(ret.Id)).Str("status"));
        Assert.Equal("Recalled", (await s.W.SupplierReturn(supplierReturn.Id)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_news_twice_changes_nothing_and_older_news_never_moves_an_order_backwards(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        var accepted = s.Return("RET3", "ACCEPTED", PlatformStage.Approved, T0.AddMinutes(5));
        var created = await s.Ingest(accepted);

        Assert.Equal(IngestOutcome.Created, created.Outcome);
        Assert.Equal(IngestOutcome.Unchanged, (await s.Ingest(accepted)).Outcome);
        // The "requested" push that was overtaken arrives last: it is older than what is applied.
        Assert.Equal(IngestOutcome.Stale, (await s.Ingest(s.Return("RET3", "REQUESTED", PlatformStage.Requested, T0))).Outcome);

        var a = (await s.W.AfterSales(created.AfterSalesOrderId!)).Ok();
        Assert.Equal(("ConfirmReturn", "ACCEPTED"), (a.Str("status"), a.Str("platformStatus")));
        var list = (await s.W.Distributor.Get($"/api/v1/after-sales-orders?q={s.OrderNo}")).Ok();
        Assert.Single(list.Items); // one after-sales order per platform return id and shop
        var returns = (await s.W.Distributor.Get("/api/v1/distribution-returns")).Ok();
        Assert.Single(returns.Items); // approved once: one return & stock-in
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_status_is_kept_flagged_and_moves_nothing_until_a_known_one_arrives(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await s.Ingest(s.Return("RET4", "REQUESTED", PlatformStage.Requested, T0));

        var odd = await s.Ingest(s.Return("RET4", "SOMETHING_NEW", PlatformStage.Unknown, T0.AddMinutes(1)));

        var a = (await s.W.AfterSales(odd.AfterSalesOrderId!)).Ok();
        Assert.Equal(("ToConfirm", "SOMETHING_NEW", true), (a.Str("status"), a.Str("platformStatus"), a.Bool("needsAttention")));
        Assert.Contains("SOMETHING_NEW", a.Str("attentionReason"));
        var flagged = (await s.W.Distributor.Get("/api/v1/after-sales-orders?needsAttention=true")).Ok();
        Assert.Equal([a.Id], flagged.Items.Ids());
        // The tab counts under the filter follow the flag (kept as their own list): set, then cleared.
        var flaggedCounts = (await s.W.Distributor.Get("/api/v1/after-sales-orders/counts?needsAttention=true")).Ok();
        Assert.Equal((1, 0), (flaggedCounts.Count("ToConfirm"), flaggedCounts.Count("ConfirmReturn")));
        var unflagged = (await s.W.Distributor.Get("/api/v1/after-sales-orders/counts?needsAttention=false")).Ok().Count("ToConfirm");

        await s.Ingest(s.Return("RET4", "ACCEPTED", PlatformStage.Approved, T0.AddMinutes(2)));

        a = (await s.W.AfterSales(a.Id)).Ok();
        Assert.Equal(("ConfirmReturn", false), (a.Str("status"), a.Bool("needsAttention")));
        flaggedCounts = (await s.W.Distributor.Get("/api/v1/after-sales-orders/counts?needsAttention=true")).Ok();
        Assert.Equal((0, 0), (flaggedCounts.Count("ToConfirm"), flaggedCounts.Count("ConfirmReturn")));
        var unflaggedAfter = (await s.W.Distributor.Get("/api/v1/after-sales-orders/counts?needsAttention=false")).Ok();
        Assert.Equal(unflagged, unflaggedAfter.Count("ToConfirm"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_return_without_a_known_order_is_kept_flagged_and_linked_by_hand_later(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        (await s.W.SetAutoPush(true)).Ok();

        var result = await s.Ingest(s.Return("RET5", "ACCEPTED", PlatformStage.Approved, T0, orderNo: "UNKNOWN-ORDER"));

        var a = (await s.W.AfterSales(result.AfterSalesOrderId!)).Ok();
        Assert.Equal(("ConfirmReturn", true), (a.Str("status"), a.Bool("needsAttention")));
        Assert.Null(a.Json!["distributionOrderId"]);
        Assert.Null(a.Json["supplierAccountId"]);
        Assert.Null(a.Json["distributionReturn"]); // nothing to push before the order is known

        var linked = (await s.W.Distributor.Post($"/api/v1/after-sales-orders/{a.Id}/link", new { distributionOrderId = s.OrderId }))
            .Ok();

        Assert.Equal((s.OrderId, s.W.SupplierId, false), (linked.Str("distributionOrderId"), linked.Str("supplierAccountId"),
            linked.Bool("needsAttention")));
        var ret = (await s.W.DistributionReturn(linked.Json!["distributionReturn"].Str("id"))).Ok();
        Assert.Equal("Pushed", ret.Str("status")); // approved on the platform already: opened and auto-pushed at linking
        (await s.W.Distributor.Post($"/api/v1/after-sales-orders/{a.Id}/link", new { distributionOrderId = s.OrderId }))
            .Problem(HttpStatusCode.Conflict, "state.not_allowed");
    }

    /// <summary>The distributor's own stock: an own 3PL warehouse and an own SKU, sold in the same shop.</summary>
    private static async Task<(string WarehouseId, string Sku)> OwnStockAsync(World w)
    {
        var warehouse = (await w.Distributor.Post("/api/v1/warehouses", new { code = "MY3PL", name = "My 3PL", kind = "ThirdParty" })).Ok();
        var sku = $"OWN{Guid.NewGuid():N}"[..10];
        (await w.Distributor.Post("/api/v1/skus", new { code = sku, name = "Own tee", costPrice = 5m, distributionPrice = 20m })).Ok();
        return (warehouse.Id, sku);
    }

    private static PlatformReturn OwnReturn(Setup s, string returnId, string orderNo, string sku, string status, PlatformStage stage,
        DateTimeOffset at) =>
        new(Platform.Shopee, s.ShopId, returnId, orderNo, AfterSalesType.ReturnAndRefund, "0", status, stage, "WRONG_ITEM", null, "MYR",
            39.90m, T0, at, [new PlatformReturnLine(sku, 1, 19.95m), new PlatformReturnLine(sku, 1, 19.95m)]);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_return_on_the_sellers_own_store_order_becomes_a_regular_after_sales_order_stocked_in_to_its_own_warehouse(
        DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        var (warehouseId, sku) = await OwnStockAsync(s.W);
        var storeOrder = (await s.W.Distributor.Post("/api/v1/store-orders", new
        {
            platform = "Shopee", shopId = s.ShopId, marketplaceOrderNo = "OWN-ORDER-1", warehouseId,
            lines = new[] { new { skuCode = sku, quantity = 3, unitPrice = 19.95m } },
        })).Ok();

        await s.Ingest(OwnReturn(s, "OWN1", "OWN-ORDER-1", sku, "REQUESTED", PlatformStage.Requested, T0));
        var approved = await s.Ingest(OwnReturn(s, "OWN1", "OWN-ORDER-1", sku, "ACCEPTED", PlatformStage.Approved, T0.AddMinutes(4)));

        var a = (await s.W.AfterSales(approved.AfterSalesOrderId!)).Ok();
        Assert.Equal((storeOrder.Id, warehouseId, "ConfirmReturn", false),
            (a.Str("storeOrderId"), a.Str("shippingWarehouseId"), a.Str("status"), a.Bool("needsAttention")));
        Assert.Null(a.Json!["supplierAccountId"]);
        Assert.Null(a.Json["distributionReturn"]); // nothing is pushed: it is the seller's own stock
        var stockInId = a.Json["returnStockIn"].Str("id");
        var line = Assert.Single(a.Arr("lines"));
        Assert.Equal((sku, 2), (line.Str("merchantSkuCode"), line.Int("quantity")));
        var list = (await s.W.Distributor.Get("/api/v1/after-sales-orders?source=Shopee")).Ok();
        Assert.Contains(a.Id, list.Items.Ids()); // regular and distribution after-sales share one list

        (await s.W.Distributor.Post($"/api/v1/return-stock-ins/{stockInId}/stock-in", new
        {
            warehouseId, lines = new[] { new { skuCode = sku, quantity = 2, condition = "Good" } },
        })).Ok();

        Assert.Equal("Completed", (await s.W.AfterSales(a.Id)).Str("status"));
        var stock = Assert.Single((await s.W.Distributor.Get($"/api/v1/inventory?warehouseId={warehouseId}&skuCode={sku}")).Ok().Items);
        Assert.Equal((2, 0), (stock.Int("onHand"), stock.Int("damaged")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_return_of_the_sellers_own_skus_on_an_unknown_order_records_the_store_order_from_the_return(
        DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        var (warehouseId, sku) = await OwnStockAsync(s.W);

        var result = await s.Ingest(OwnReturn(s, "OWN2", "NEW-OWN-ORDER", sku, "REQUESTED", PlatformStage.Requested, T0));

        var a = (await s.W.AfterSales(result.AfterSalesOrderId!)).Ok();
        Assert.False(a.Bool("needsAttention"));
        var storeOrder = (await s.W.Distributor.Get($"/api/v1/store-orders/{a.Str("storeOrderId")}")).Ok();
        Assert.Equal(("NEW-OWN-ORDER", s.ShopId, warehouseId), (storeOrder.Str("marketplaceOrderNo"), storeOrder.Str("shopId"),
            storeOrder.Str("warehouseId")));
        var line = Assert.Single(storeOrder.Arr("lines"));
        Assert.Equal((sku, 2, 19.95m), (line.Str("skuCode"), line.Int("quantity"), line.Dec("unitPrice")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unlinked_return_can_be_linked_by_hand_to_a_store_order_and_opens_its_own_return_stock_in(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        var (warehouseId, sku) = await OwnStockAsync(s.W);
        var result = await s.Ingest(s.Return("RET8", "ACCEPTED", PlatformStage.Approved, T0, orderNo: "TYPO-ORDER"));
        var storeOrder = (await s.W.Distributor.Post("/api/v1/store-orders", new
        {
            platform = "Shopee", shopId = s.ShopId, marketplaceOrderNo = "REAL-ORDER", warehouseId,
            lines = new[] { new { skuCode = sku, quantity = 1, unitPrice = 20m } },
        })).Ok();

        (await s.W.Distributor.Post($"/api/v1/after-sales-orders/{result.AfterSalesOrderId}/link", new { }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        var linked = (await s.W.Distributor.Post($"/api/v1/after-sales-orders/{result.AfterSalesOrderId}/link",
            new { storeOrderId = storeOrder.Id })).Ok();

        Assert.Equal((storeOrder.Id, false, "PendingStockIn"), (linked.Str("storeOrderId"), linked.Bool("needsAttention"),
            linked.Json!["returnStockIn"].Str("status")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_refund_only_request_is_completed_when_the_platform_has_refunded_the_buyer(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);
        await s.Ingest(s.Return("RET6", "REQUESTED", PlatformStage.Requested, T0, AfterSalesType.RefundOnly));

        var paid = await s.Ingest(s.Return("RET6", "REFUND_PAID", PlatformStage.Refunded, T0.AddMinutes(3), AfterSalesType.RefundOnly));

        var a = (await s.W.AfterSales(paid.AfterSalesOrderId!)).Ok();
        Assert.Equal(("RefundOnly", "Completed", false), (a.Str("type"), a.Str("status"), a.Bool("needsAttention")));
        Assert.Null(a.Json!["distributionReturn"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_type_is_kept_flagged_and_the_platforms_later_steps_are_recorded_not_followed(DatabaseProvider provider)
    {
        var s = await SetUpAsync(provider);

        var result = await s.Ingest(s.Return("RET7", "ACCEPTED", PlatformStage.Approved, T0, type: null));

        var a = (await s.W.AfterSales(result.AfterSalesOrderId!)).Ok();
        Assert.Equal(("ToConfirm", true, "ACCEPTED"), (a.Str("status"), a.Bool("needsAttention"), a.Str("platformStatus")));
        Assert.Contains("Unknown return type 7", a.Str("attentionReason"));
    }
}
