using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// domain.md "Regular after-sales (the seller's own stock)": store orders of the seller's own shop, regular after-sales orders
/// in the same list as distribution ones, and the seller's own Return &amp; Stock-in into any own warehouse, 3PL included.
/// </summary>
public sealed class RegularAfterSalesTests
{
    /// <summary>The world's distributor as a seller of its own stock: two own warehouses (one a 3PL) and two own SKUs.</summary>
    private sealed record Seller(World W, string OwnWarehouseId, string ThirdPartyWarehouseId, string Tee, string Cap)
    {
        public Api Api => W.Distributor;
    }

    private static async Task<Seller> SellerAsync(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var own = (await w.Distributor.Post("/api/v1/warehouses", new { code = "DOWN", name = "Kedai warehouse", kind = "Own" })).Ok().Id;
        var tpl = (await w.Distributor.Post("/api/v1/warehouses", new { code = "D3PL", name = "Ninja 3PL", kind = "ThirdParty" })).Ok().Id;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var tee = $"RG-TEE-{suffix}";
        var cap = $"RG-CAP-{suffix}";
        foreach (var code in new[] { tee, cap })
            (await w.Distributor.Post("/api/v1/skus", new { code, name = code, costPrice = 10m, distributionPrice = 20m })).Ok();
        return new Seller(w, own, tpl, tee, cap);
    }

    private static Task<Reply> StoreOrder(Seller s, string warehouseId, params (string Sku, int Quantity, decimal UnitPrice)[] lines) =>
        s.Api.Post("/api/v1/store-orders", new
        {
            platform = "Shopee",
            shopId = "my-shop",
            marketplaceOrderNo = $"SP-{Guid.NewGuid():N}",
            warehouseId,
            lines = lines.Select(l => new { skuCode = l.Sku, quantity = l.Quantity, unitPrice = l.UnitPrice }).ToArray(),
        });

    private static Task<Reply> RegularAfterSales(Seller s, string storeOrderId, string type, params (string Sku, int Quantity)[] lines) =>
        s.Api.Post("/api/v1/after-sales-orders", new
        {
            storeOrderId,
            type,
            reason = "wrong size",
            lines = lines.Select(l => new { merchantSkuCode = l.Sku, quantity = l.Quantity }).ToArray(),
        });

    private static async Task<(int OnHand, int Damaged)> OwnStock(Seller s, string warehouseId, string sku)
    {
        var items = (await s.Api.Get($"/api/v1/inventory?warehouseId={warehouseId}&skuCode={sku}")).Ok().Items;
        return items.Count == 0 ? (0, 0) : (items[0].Int("onHand"), items[0].Int("damaged"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Store_orders_are_recorded_listed_and_validated(DatabaseProvider provider)
    {
        var s = await SellerAsync(provider);
        var created = (await StoreOrder(s, s.ThirdPartyWarehouseId, (s.Tee, 3, 29.90m), (s.Cap, 1, 15m))).Ok();
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Shopee", created.Str("platform"));
        Assert.Equal("my-shop", created.Str("shopId"));
        Assert.Equal(s.ThirdPartyWarehouseId, created.Str("warehouseId"));
        Assert.Equal(29.90m, created.Arr("lines")[0].Dec("unitPrice"));
        Assert.Equal(3, created.Arr("lines")[0].Int("quantity"));
        var orderNo = created.Str("marketplaceOrderNo");

        Assert.Equal(created.Id, (await s.Api.Get($"/api/v1/store-orders/{created.Id}")).Ok().Id);
        Assert.Equal([created.Id], (await s.Api.Get($"/api/v1/store-orders?q={orderNo}")).Ok().Items.Ids());
        Assert.Empty((await s.Api.Get("/api/v1/store-orders?q=nothing-like-it")).Ok().Items);
        var second = (await StoreOrder(s, s.OwnWarehouseId, (s.Tee, 1, 29.90m))).Ok().Id;
        var (ids, pages) = await s.Api.AllPages("/api/v1/store-orders", limit: 1);
        Assert.Equal([second, created.Id], ids);
        Assert.Equal(2, pages);

        // A record of a shipment that already happened: no stock moves.
        Assert.Equal((0, 0), await OwnStock(s, s.ThirdPartyWarehouseId, s.Tee));

        // The same order of the same shop again.
        (await s.Api.Post("/api/v1/store-orders", new
        {
            platform = "Shopee", shopId = "my-shop", marketplaceOrderNo = orderNo, warehouseId = s.OwnWarehouseId,
            lines = new[] { new { skuCode = s.Tee, quantity = 1, unitPrice = 1m } },
        })).Problem(HttpStatusCode.Conflict, "conflict");

        // Not the seller's own SKU (the supplier's catalogue), another account's warehouse, too many decimals.
        var supplierSku = $"SUP-{Guid.NewGuid():N}"[..12];
        (await s.W.Supplier.Post("/api/v1/skus", new { code = supplierSku, name = "x", costPrice = 1m, distributionPrice = 2m })).Ok();
        var foreign = (await StoreOrder(s, s.OwnWarehouseId, (supplierSku, 1, 10m)))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(foreign.Json!["errors"]!["lines[0].skuCode"]);
        (await StoreOrder(s, s.W.OwnWarehouseId, (s.Tee, 1, 10m))).Problem(HttpStatusCode.NotFound, "not_found");
        var precise = (await StoreOrder(s, s.OwnWarehouseId, (s.Tee, 1, 10.999m))).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(precise.Json!["errors"]!["lines[0].unitPrice"]);
        var empty = (await s.Api.Post("/api/v1/store-orders",
                new { platform = "Lazada", warehouseId = s.OwnWarehouseId, lines = Array.Empty<object>() }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(empty.Json!["errors"]!["shopId"]);
        Assert.NotNull(empty.Json!["errors"]!["marketplaceOrderNo"]);
        Assert.NotNull(empty.Json!["errors"]!["lines"]);

        // Another account sees none of it.
        Assert.Empty((await s.W.Supplier.Get("/api/v1/store-orders")).Ok().Items);
        (await s.W.Supplier.Get($"/api/v1/store-orders/{created.Id}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_regular_return_is_approved_stocked_into_a_3pl_warehouse_and_completed_in_the_same_list(DatabaseProvider provider)
    {
        var s = await SellerAsync(provider);
        var storeOrder = (await StoreOrder(s, s.OwnWarehouseId, (s.Tee, 3, 29.90m), (s.Cap, 2, 15m))).Ok();
        // A distribution after-sales order beside it, in the same list.
        var merchant = await s.W.Product($"DS{Guid.NewGuid():N}"[..10].ToUpperInvariant(), 40m, stock: 10);
        var shipped = await s.W.ShippedOrder((merchant, 2));
        var distribution = (await s.W.CreateAfterSales(shipped, "ReturnAndRefund", (merchant, 1))).Ok().Id;

        var created = (await RegularAfterSales(s, storeOrder.Id, "ReturnAndRefund", (s.Tee, 2), (s.Cap, 1))).Ok();
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("ToConfirm", created.Str("status"));
        Assert.Equal("Manual", created.Str("source"));
        Assert.Equal(storeOrder.Id, created.Str("storeOrderId"));
        Assert.Null(created.Json!["supplierAccountId"]);
        Assert.Null(created.Json!["distributionOrderId"]);
        Assert.Equal(s.OwnWarehouseId, created.Str("shippingWarehouseId"));
        Assert.Equal(storeOrder.Str("marketplaceOrderNo"), created.Str("marketplaceOrderNo"));
        Assert.Null(created.Json!["returnStockIn"]);

        // Quantities ≤ shipped minus earlier non-cancelled after-sales: one tee is left.
        (await RegularAfterSales(s, storeOrder.Id, "ReturnAndRefund", (s.Tee, 2))).Problem((HttpStatusCode)422,
            "after_sales.quantity_exceeds_shipped");
        var notOnOrder = (await RegularAfterSales(s, storeOrder.Id, "ReturnAndRefund", ("NOPE", 1)))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(notOnOrder.Json!["errors"]!["lines[0].merchantSkuCode"]);
        // Exactly one original order.
        (await s.Api.Post("/api/v1/after-sales-orders", new
        {
            storeOrderId = storeOrder.Id, distributionOrderId = shipped, type = "ReturnAndRefund",
            lines = new[] { new { merchantSkuCode = s.Tee, quantity = 1 } },
        })).Problem(HttpStatusCode.BadRequest, "validation.failed");
        (await s.Api.Post("/api/v1/after-sales-orders", new
        {
            type = "ReturnAndRefund", lines = new[] { new { merchantSkuCode = s.Tee, quantity = 1 } },
        })).Problem(HttpStatusCode.BadRequest, "validation.failed");

        var approved = (await s.W.Approve(created.Id)).Ok();
        Assert.Equal("ConfirmReturn", approved.Str("status"));
        Assert.Null(approved.Json!["distributionReturn"]);
        Assert.Equal("PendingStockIn", approved["returnStockIn"].Str("status"));
        var stockInId = approved["returnStockIn"].Str("id");

        var pending = (await s.Api.Get("/api/v1/return-stock-ins?status=PendingStockIn")).Ok().Items;
        Assert.Equal([stockInId], pending.Ids());
        var rsi = pending.Single(stockInId);
        Assert.Equal(created.Id, rsi.Str("afterSalesOrderId"));
        Assert.Equal(storeOrder.Id, rsi.Str("storeOrderId"));
        Assert.Null(rsi["warehouseId"]);
        Assert.Equal(2, rsi.Arr("lines").Single(l => l.Str("skuCode") == s.Tee).Int("expectedQuantity"));
        var counts = (await s.Api.Get("/api/v1/return-stock-ins/counts")).Ok();
        Assert.Equal((1, 0, 0), (counts.Count("PendingStockIn"), counts.Count("ReceivedReturn"), counts.Count("Cancelled")));
        Assert.Equal([stockInId],
            (await s.Api.Get($"/api/v1/return-stock-ins?q={storeOrder.Str("marketplaceOrderNo")}")).Ok().Items.Ids());

        // More than expected is refused, and nothing moves.
        (await StockIn(s, stockInId, s.ThirdPartyWarehouseId, (s.Tee, 2, "Good"), (s.Tee, 1, "Damaged")))
            .Problem((HttpStatusCode)422, "stock_in.quantity_exceeds_expected");
        (await StockIn(s, stockInId, s.W.OwnWarehouseId, (s.Tee, 1, "Good"))).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal((0, 0), await OwnStock(s, s.ThirdPartyWarehouseId, s.Tee));

        // Into the 3PL warehouse, the tees split good and damaged.
        var received = (await StockIn(s, stockInId, s.ThirdPartyWarehouseId, (s.Tee, 1, "Good"), (s.Tee, 1, "Damaged"), (s.Cap, 1, "Good")))
            .Ok();
        Assert.Equal("ReceivedReturn", received.Str("status"));
        Assert.Equal(s.ThirdPartyWarehouseId, received.Str("warehouseId"));
        var tee = received.Arr("lines").Single(l => l.Str("skuCode") == s.Tee);
        Assert.Equal((2, 2, 1), (tee.Int("expectedQuantity"), tee.Int("receivedQuantity"), tee.Int("damagedQuantity")));
        Assert.Equal((1, 1), await OwnStock(s, s.ThirdPartyWarehouseId, s.Tee));
        Assert.Equal((1, 0), await OwnStock(s, s.ThirdPartyWarehouseId, s.Cap));
        var movements = (await s.Api.Get($"/api/v1/inventory/movements?warehouseId={s.ThirdPartyWarehouseId}")).Ok().Items;
        Assert.All(movements, m => Assert.Equal(("ReturnStockIn", stockInId), (m.Str("reason"), m.Str("reference"))));
        Assert.Equal([("Damaged", s.Tee, 1), ("Sellable", s.Cap, 1), ("Sellable", s.Tee, 1)],
            movements.Select(m => (m.Str("bucket"), m.Str("skuCode"), m.Int("quantity"))).Order().ToList());
        (await StockIn(s, stockInId, s.ThirdPartyWarehouseId, (s.Tee, 1, "Good"))).Problem(HttpStatusCode.Conflict, "state.not_allowed");

        // Completed on receipt, with both steps on the timeline.
        var done = await s.W.AfterSales(created.Id);
        Assert.Equal("Completed", done.Str("status"));
        Assert.Equal("ReceivedReturn", done["returnStockIn"].Str("status"));
        var events = done.Arr("timeline").Select(e => e.Str("event")).ToList();
        Assert.Contains("StockedIn", events);
        Assert.Contains("Completed", events);

        // One list for both kinds; the supplier filter leaves the regular one out, the shipping warehouse filter finds it.
        var all = (await s.Api.Get("/api/v1/after-sales-orders")).Ok().Items;
        Assert.Equal([created.Id, distribution], all.Ids());
        Assert.Null(all.Single(created.Id)["supplierAccountId"]);
        Assert.Equal(s.W.SupplierId, all.Single(distribution).Str("supplierAccountId"));
        Assert.Equal([distribution], (await s.Api.Get($"/api/v1/after-sales-orders?supplierId={s.W.SupplierId}")).Ok().Items.Ids());
        Assert.Equal([created.Id], (await s.Api.Get($"/api/v1/after-sales-orders?warehouseId={s.OwnWarehouseId}")).Ok().Items.Ids());
        var asCounts = (await s.Api.Get("/api/v1/after-sales-orders/counts")).Ok();
        Assert.Equal((1, 1), (asCounts.Count("Completed"), asCounts.Count("ToConfirm")));
        Assert.Equal(0, (await s.Api.Get($"/api/v1/after-sales-orders/counts?supplierId={s.W.SupplierId}")).Ok().Count("Completed"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_before_stock_in_cancels_the_return_stock_in_and_frees_the_quantity(DatabaseProvider provider)
    {
        var s = await SellerAsync(provider);
        var storeOrder = (await StoreOrder(s, s.ThirdPartyWarehouseId, (s.Tee, 2, 29.90m))).Ok().Id;
        var afterSales = (await RegularAfterSales(s, storeOrder, "Exchange", (s.Tee, 2))).Ok().Id;
        var stockInId = (await s.W.Approve(afterSales)).Ok()["returnStockIn"].Str("id");

        var cancelled = (await s.W.Cancel(afterSales)).Ok();
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal("Cancelled", cancelled["returnStockIn"].Str("status"));
        Assert.Equal("Cancelled", (await s.Api.Get($"/api/v1/return-stock-ins/{stockInId}")).Ok().Str("status"));
        Assert.Equal(1, (await s.Api.Get("/api/v1/return-stock-ins/counts")).Ok().Count("Cancelled"));
        (await StockIn(s, stockInId, s.OwnWarehouseId, (s.Tee, 1, "Good"))).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Equal((0, 0), await OwnStock(s, s.OwnWarehouseId, s.Tee));

        // A cancelled one no longer counts against what was shipped.
        var refundOnly = (await RegularAfterSales(s, storeOrder, "RefundOnly", (s.Tee, 2))).Ok().Id;
        var processing = (await s.W.Approve(refundOnly)).Ok();
        Assert.Equal("RefundProcessing", processing.Str("status"));
        Assert.Null(processing.Json!["returnStockIn"]);
        Assert.Equal("Completed", (await s.Api.Post($"/api/v1/after-sales-orders/{refundOnly}/complete")).Ok().Str("status"));

        // An abnormal return without lines: the whole parcel, its Return & Stock-in open at once.
        var other = (await StoreOrder(s, s.OwnWarehouseId, (s.Tee, 1, 29.90m), (s.Cap, 2, 15m))).Ok().Id;
        var abnormal = (await s.Api.Post("/api/v1/after-sales-orders", new { storeOrderId = other, type = "AbnormalReturn" })).Ok();
        Assert.Equal("ConfirmReturn", abnormal.Str("status"));
        Assert.Equal("PendingStockIn", abnormal["returnStockIn"].Str("status"));
        var expected = (await s.Api.Get($"/api/v1/return-stock-ins/{abnormal["returnStockIn"].Str("id")}")).Ok().Arr("lines");
        Assert.Equal([(s.Cap, 2), (s.Tee, 1)],
            expected.Select(l => (l.Str("skuCode"), l.Int("expectedQuantity"))).Order().ToList());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_regular_after_sales_never_exceed_the_shipped_quantity_and_one_approval_opens_one_stock_in(
        DatabaseProvider provider)
    {
        var s = await SellerAsync(provider);
        var storeOrder = (await StoreOrder(s, s.OwnWarehouseId, (s.Tee, 3, 29.90m))).Ok().Id;
        var clients = Trust.Clients(s.W.App, s.Api, 6);

        var replies = await Trust.AtOnce(clients.Select((c, i) => (Func<Task<Reply>>)(() => c.Post("/api/v1/after-sales-orders", new
        {
            storeOrderId = storeOrder,
            type = i % 2 == 0 ? "ReturnAndRefund" : "RefundOnly",
            lines = new[] { new { merchantSkuCode = s.Tee, quantity = 2 } },
        }))).ToArray());

        var created = replies.Where(r => r.IsSuccess()).ToList();
        Assert.Single(created);
        Assert.All(replies.Where(r => !r.IsSuccess()), r =>
            r.AssertProblemOneOf((HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped"),
                (HttpStatusCode.Conflict, "conflict")));
        Assert.Single(await Trust.AllItems(s.Api, $"/api/v1/after-sales-orders?q={storeOrder}"));

        // Two approvals at once (the seller's click and a second tab): one Return & Stock-in.
        var returnable = (await RegularAfterSales(s, storeOrder, "Exchange", (s.Tee, 1))).Ok().Id;
        var approvals = await Trust.AtOnce(clients.Take(2).Select(c =>
            (Func<Task<Reply>>)(() => c.Post($"/api/v1/after-sales-orders/{returnable}/approve"))).ToArray());
        Assert.Single(approvals, r => r.IsSuccess());
        Assert.All(approvals.Where(r => !r.IsSuccess()), r =>
            r.AssertProblemOneOf((HttpStatusCode.Conflict, "state.not_allowed"), (HttpStatusCode.Conflict, "conflict")));
        Assert.Single(await Trust.AllItems(s.Api, "/api/v1/return-stock-ins"));
    }

    private static Task<Reply> StockIn(Seller s, string id, string warehouseId,
        params (string Sku, int Quantity, string Condition)[] lines) =>
        s.Api.Post($"/api/v1/return-stock-ins/{id}/stock-in", new
        {
            warehouseId,
            lines = lines.Select(l => new { skuCode = l.Sku, quantity = l.Quantity, condition = l.Condition }).ToArray(),
        });
}
