using System.Net;
using System.Net.Http.Headers;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>api.md "Error codes and their statuses": every code through the API, as problem details.</summary>
public sealed class FailureCodeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_input_is_400_validation_failed_with_errors_per_field(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);

        var missing = (await w.Supplier.Post("/api/v1/warehouses", new { })).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(missing["errors"]["code"]);
        Assert.NotNull(missing["errors"]["name"]);
        Assert.NotNull(missing["errors"]["kind"]);

        var malformed = (await w.Supplier.PostRaw("/api/v1/warehouses", "{\"code\": \"W2\", \"name\": "))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(malformed["errors"]);
        (await w.Supplier.Post("/api/v1/warehouses")).Problem(HttpStatusCode.BadRequest, "validation.failed");   // no body at all
        var badEnum = (await w.Supplier.PostRaw("/api/v1/warehouses", "{\"code\": \"W2\", \"name\": \"W\", \"kind\": \"Cellar\"}"))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badEnum["errors"]["kind"]);
        var badNumber = (await w.Supplier.PostRaw("/api/v1/skus",
            "{\"code\": \"X\", \"name\": \"X\", \"costPrice\": 1, \"distributionPrice\": \"cheap\"}"))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badNumber["errors"]["distributionPrice"]);
        Assert.Single((await w.Supplier.Get("/api/v1/warehouses")).Ok().Items, x => x.Str("code") == "OWN");

        // Money with more decimals than MYR has, or negative.
        var money = (await w.Supplier.Post("/api/v1/skus", new { code = "X", name = "X", costPrice = -1m, distributionPrice = 45.001m }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(money["errors"]["distributionPrice"]);
        Assert.NotNull(money["errors"]["costPrice"]);
        Assert.Empty((await w.Supplier.Get("/api/v1/skus")).Ok().Items);
        (await w.Supplier.Put("/api/v1/supplier/charge-settings", new { distributionFee = 1.005m, returnHandlingFee = 0m }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");

        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = (await w.CreateOrder((sku, 2))).Ok().Id;
        var future = (await w.Ship(orderId, new { shippedAt = Now.AddDays(1) })).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(future["errors"]["shippedAt"]);
        (await w.Ship(orderId)).Ok();
        var payment = (await w.Pay(orderId, 10.001m, "BankTransfer")).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(payment["errors"]["amount"]);
        Assert.Equal(0.00m, (await w.Order(orderId)).Dec("settledAmount"));

        var futureOrder = (await w.CreateOrder(Now.AddDays(1), (sku, 1))).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(futureOrder["errors"]["createdAt"]);
        var imported = (await w.CreateOrder(Now.AddDays(-2), (sku, 1))).Ok().Id;
        var beforeCreated = (await w.Ship(imported, new { shippedAt = Now.AddDays(-3) }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(beforeCreated["errors"]["shippedAt"]);
        var notOnIt = (await w.Ship(imported, new { lines = new[] { new { supplierSkuCode = "NOPE", unitPrice = 1m } } }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(notOnIt["errors"]["lines[0].supplierSkuCode"]);
        Assert.Equal("Created", (await w.Order(imported)).Str("status"));
        var notOnOrder = (await w.CreateAfterSales(orderId, "ReturnAndRefund", ("M-ELSEWHERE", 1)))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(notOnOrder["errors"]["lines[0].merchantSkuCode"]);
        var zero = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 0))).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(zero["errors"]["lines[0].quantity"]);
        var noLines = (await w.CreateAfterSales(orderId, "ReturnAndRefund")).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(noLines["errors"]["lines"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_missing_or_unknown_api_key_is_401_auth_required(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        (await app.Client().Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await app.Client().Post("/api/v1/warehouses", new { code = "W", name = "W", kind = "Own" }))
            .Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await app.Client("rl_not-a-real-key").Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await app.Client("rl_not-a-real-key").Get("/api/v1/after-sales-orders")).Problem(HttpStatusCode.Unauthorized, "auth.required");

        var basic = app.Client();
        basic.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        (await basic.Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");

        var (me, accountId) = await World.SignUpAsync(app, "Keyholder");
        Assert.Equal(accountId, (await me.Get("/api/v1/me")).Ok()["account"].Str("id"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Acting_on_the_other_side_of_a_partnership_is_403_forbidden(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var (newcomer, _) = await World.SignUpAsync(w.App, "Newcomer");
        var pending = (await newcomer.Post("/api/v1/partnerships", new { supplierAccountId = w.SupplierId })).Ok().Id;
        (await newcomer.Post($"/api/v1/partnerships/{pending}/accept")).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await newcomer.Post($"/api/v1/partnerships/{pending}/reject")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Pending", (await w.Supplier.Get($"/api/v1/partnerships/{pending}")).Ok().Str("status"));

        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = (await w.CreateOrder((sku, 1))).Ok().Id;
        (await w.Distributor.Post($"/api/v1/distribution-orders/{orderId}/ship", new { })).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Created", (await w.Order(orderId)).Str("status"));
        (await w.Ship(orderId)).Ok();
        (await w.Distributor.Post($"/api/v1/distribution-orders/{orderId}/payments", new { amount = 10.00m, method = "BankTransfer" }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0.00m, (await w.Order(orderId)).Dec("settledAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unknown_ids_and_the_other_sides_records_are_404_not_found(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var unknown = new string('f', 32);
        (await w.Distributor.Get($"/api/v1/after-sales-orders/{unknown}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Post($"/api/v1/after-sales-orders/{unknown}/approve")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Post($"/api/v1/distribution-returns/{unknown}/push")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Get($"/api/v1/distribution-orders/{unknown}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Supplier.Post($"/api/v1/supplier/return-stock-ins/{unknown}/stock-in",
            new { warehouseId = w.OwnWarehouseId, lines = Array.Empty<object>() }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Post("/api/v1/partnerships", new { supplierAccountId = unknown }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Get($"/api/v1/after-sales-refunds/{unknown}/payment-proof")).Problem(HttpStatusCode.NotFound, "not_found");

        // Each side's own records are not the other's to see.
        var sku = await w.Product("TS-RED", 45.00m);
        var (afterSalesId, returnId, supplierReturnId) = await w.PushedReturn(await w.ShippedOrder((sku, 2)), (sku, 1));
        (await w.Supplier.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Supplier.Get($"/api/v1/distribution-returns/{returnId}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Get($"/api/v1/supplier/after-sales-orders/{supplierReturnId}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await w.Distributor.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/stock-in",
            new { warehouseId = w.OwnWarehouseId, lines = new[] { new { supplierSkuCode = "TS-RED", quantity = 1, condition = "Good" } } }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        // A warehouse that is not the supplier's own.
        var distributorWarehouse = (await w.Distributor.Post("/api/v1/warehouses", new { code = "D1", name = "Mine", kind = "Own" }))
            .Ok().Id;
        (await w.StockIn(supplierReturnId, distributorWarehouse, ("TS-RED", 1, "Good"))).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("PendingStockIn", (await w.SupplierReturn(supplierReturnId)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Actions_the_status_does_not_allow_are_409_state_not_allowed(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);

        var unshipped = (await w.CreateOrder((sku, 2))).Ok().Id;
        (await w.CreateAfterSales(unshipped, "ReturnAndRefund", (sku, 1))).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Pay(unshipped, 10.00m, "BankTransfer")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Ship(unshipped)).Ok();
        (await w.Ship(unshipped)).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Distributor.Post($"/api/v1/distribution-orders/{unshipped}/cancel")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Equal((98, 0), await w.Stock("TS-RED"));   // shipped once

        var afterSalesId = (await w.CreateAfterSales(unshipped, "ReturnAndRefund", (sku, 2))).Ok().Id;
        var returnId = (await w.Approve(afterSalesId)).Ok()["distributionReturn"].Str("id");
        (await w.Approve(afterSalesId)).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        var supplierReturnId = (await w.Push(returnId)).Ok().Str("supplierReturnId");

        // not stocked in yet
        (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Ok();
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Equal((100, 0), await w.Stock("TS-RED"));   // stocked in once
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Duplicates_are_409_conflict(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        (await w.Supplier.Post("/api/v1/warehouses", new { code = "OWN", name = "Again", kind = "Own" }))
            .Problem(HttpStatusCode.Conflict, "conflict");
        var sku = await w.Product("TS-RED", 45.00m);
        (await w.Supplier.Post("/api/v1/skus", new { code = "TS-RED", name = "Again", costPrice = 0m, distributionPrice = 1m }))
            .Problem(HttpStatusCode.Conflict, "conflict");
        (await w.Distributor.Post("/api/v1/merchant-skus",
            new { code = sku, name = "Again", supplierAccountId = w.SupplierId,
                components = new[] { new { supplierSkuCode = "TS-RED", quantity = 1 } } }))
            .Problem(HttpStatusCode.Conflict, "conflict");
        (await w.Distributor.Post("/api/v1/partnerships", new { supplierAccountId = w.SupplierId }))
            .Problem(HttpStatusCode.Conflict, "conflict");

        var email = $"dup-{Guid.NewGuid():N}@example.com";
        (await w.App.Client()
            .Post("/api/v1/accounts", new { name = "A", currency = "MYR", userEmail = email, password = "correct horse battery" })).Ok();
        (await w.App.Client()
            .Post("/api/v1/accounts",
                new { name = "B", currency = "MYR", userEmail = email.ToUpperInvariant(), password = "correct horse battery" }))
            .Problem(HttpStatusCode.Conflict, "conflict");

        // A marketplace order number is unique per shop.
        object Order(string shopId, string platform, string? orderNo) => new
        {
            supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform, shopId, marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = sku, quantity = 1 } },
        };
        (await w.Distributor.Post("/api/v1/distribution-orders", Order("shop-1", "Shopee", "SO-1"))).Ok();
        (await w.Distributor.Post("/api/v1/distribution-orders", Order("shop-1", "Shopee", "SO-1")))
            .Problem(HttpStatusCode.Conflict, "conflict");
        (await w.Distributor.Post("/api/v1/distribution-orders", Order("shop-2", "Shopee", "SO-1"))).Ok();
        (await w.Distributor.Post("/api/v1/distribution-orders", Order("shop-1", "Lazada", "SO-1"))).Ok();
        Assert.Equal(3, (await w.Distributor.Get("/api/v1/distribution-orders")).Ok().Items.Count);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Without_an_active_partnership_ordering_is_422_partnership_not_active(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (stranger, _) = await World.SignUpAsync(w.App, "Stranger");
        (await stranger.Post("/api/v1/merchant-skus",
            new { code = "M", name = "M", supplierAccountId = w.SupplierId,
                components = new[] { new { supplierSkuCode = "TS-RED", quantity = 1 } } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");
        (await stranger.Post("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform = "Manual",
            lines = new[] { new { merchantSkuCode = "M", quantity = 1 } },
        })).Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");

        // A pending application is not active either.
        var pending = (await stranger.Post("/api/v1/partnerships", new { supplierAccountId = w.SupplierId })).Ok().Id;
        (await stranger.Post("/api/v1/merchant-skus",
            new { code = "M", name = "M", supplierAccountId = w.SupplierId,
                components = new[] { new { supplierSkuCode = "TS-RED", quantity = 1 } } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");
        (await w.Supplier.Post($"/api/v1/partnerships/{pending}/accept")).Ok();
        (await stranger.Post("/api/v1/merchant-skus",
            new { code = "M", name = "M", supplierAccountId = w.SupplierId,
                components = new[] { new { supplierSkuCode = "TS-RED", quantity = 1 } } })).Ok();

        // Terminated: no new orders.
        (await w.Distributor.Post($"/api/v1/partnerships/{w.PartnershipId}/terminate")).Ok();
        (await w.CreateOrder((sku, 1))).Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Shipping_more_than_the_stock_is_422_stock_insufficient(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m, stock: 2);
        var orderId = (await w.CreateOrder((sku, 3))).Ok().Id;
        (await w.Ship(orderId)).Problem(HttpStatusCode.UnprocessableEntity, "stock.insufficient");
        var order = await w.Order(orderId);
        Assert.Equal("Created", order.Str("status"));
        Assert.Null(order.Json!["shippedAt"]);
        Assert.Equal((2, 0), await w.Stock("TS-RED"));

        (await w.Supplier.Post("/api/v1/inventory/adjustments",
            new { warehouseId = w.OwnWarehouseId, skuCode = "TS-RED", quantity = -3, reason = "count" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "stock.insufficient");
        (await w.Supplier.Post("/api/v1/inventory/adjustments",
            new { warehouseId = w.OwnWarehouseId, skuCode = "TS-RED", quantity = 1, reason = "found one" })).Ok();
        (await w.Ship(orderId)).Ok();
        Assert.Equal((0, 0), await w.Stock("TS-RED"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Paying_is_refused_beyond_the_balance_or_the_unsettled_amount(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 2));
        await w.ManualCredit(50.00m);

        (await w.Pay(orderId, 50.01m, "CustomerBalance")).Problem(HttpStatusCode.UnprocessableEntity, "balance.insufficient");
        (await w.Pay(orderId, 50.00m, "CustomerBalance")).Ok();
        Assert.Equal(0.00m, await w.Balance());
        (await w.Pay(orderId, 40.01m, "BankTransfer")).Problem(HttpStatusCode.UnprocessableEntity, "payment.exceeds_unsettled");
        (await w.Pay(orderId, 40.00m, "BankTransfer")).Ok();
        var order = await w.Order(orderId);
        Assert.Equal(90.00m, order.Dec("settledAmount"));
        Assert.Equal(0.00m, order.Dec("unsettledAmount"));
        (await w.Pay(orderId, 0.01m, "BankTransfer")).Problem(HttpStatusCode.UnprocessableEntity, "payment.exceeds_unsettled");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ordering_an_unmapped_merchant_sku_is_422_sku_unmapped(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.SkuWithId("TS-RED", 45.00m);
        var id = await w.MerchantSkuWithId("M-RED", ("TS-RED", 1));
        (await w.Remap(id)).Ok();
        (await w.CreateOrder(("M-RED", 1))).Problem(HttpStatusCode.UnprocessableEntity, "sku.unmapped");
        Assert.Equal(0, await w.Available("M-RED"));
        Assert.Empty((await w.Distributor.Get("/api/v1/distribution-orders")).Ok().Items);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Stock_in_refuses_a_third_party_warehouse_and_more_than_expected(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var red = await w.Product("TS-RED", 45.00m);
        await w.Product("CAP", 10.00m);
        var (_, _, supplierReturnId) = await w.PushedReturn(await w.ShippedOrder((red, 3)), (red, 2));

        (await w.StockIn(supplierReturnId, w.ThirdPartyWarehouseId, ("TS-RED", 2, "Good")))
            .Problem(HttpStatusCode.UnprocessableEntity, "stock_in.third_party_warehouse");
        (await w.StockIn(supplierReturnId, ("TS-RED", 3, "Good")))
            .Problem(HttpStatusCode.UnprocessableEntity, "stock_in.quantity_exceeds_expected");
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"), ("TS-RED", 1, "Damaged")))
            .Problem(HttpStatusCode.UnprocessableEntity, "stock_in.quantity_exceeds_expected");
        (await w.StockIn(supplierReturnId, ("TS-RED", 1, "Good"), ("CAP", 1, "Good")))
            .Problem(HttpStatusCode.UnprocessableEntity, "stock_in.quantity_exceeds_expected");
        Assert.Equal("PendingStockIn", (await w.SupplierReturn(supplierReturnId)).Str("status"));
        Assert.Equal((97, 0), await w.Stock("TS-RED"));
        Assert.Empty((await w.Supplier.Get($"/api/v1/inventory?warehouseId={w.ThirdPartyWarehouseId}")).Ok().Items);

        // 0 is allowed: nothing came back.
        var received = (await w.StockIn(supplierReturnId, ("TS-RED", 0, "Good"))).Ok();
        Assert.Equal("ReceivedReturn", received.Str("status"));
        Assert.Equal(0, Assert.Single(received.Arr("lines")).Int("receivedQuantity"));
        Assert.Equal((97, 0), await w.Stock("TS-RED"));
        Assert.Equal(0.00m, (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok().Dec("returnAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task No_more_is_returned_than_shipped_less_earlier_after_sales_that_are_not_cancelled(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var red = await w.Product("TS-RED", 45.00m);
        var cap = await w.Product("CAP", 10.00m);
        var orderId = await w.ShippedOrder((red, 3), (cap, 1));

        (await w.CreateAfterSales(orderId, "ReturnAndRefund", (red, 4)))
            .Problem(HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped");

        // Earlier ones count whatever their type or status: a refund-only still to confirm, an approved return.
        var refundOnly = (await w.CreateAfterSales(orderId, "RefundOnly", (red, 1))).Ok().Id;
        await w.ApprovedReturn(orderId, (red, 1));
        (await w.CreateAfterSales(orderId, "Exchange", (red, 1))).Ok();
        (await w.CreateAfterSales(orderId, "ReturnAndRefund", (red, 1)))
            .Problem(HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped");
        (await w.CreateAfterSales(orderId, "RefundOnly", (red, 1), (cap, 1)))
            .Problem(HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped");
        (await w.CreateAfterSales(orderId, "AbnormalReturn"))
            .Problem(HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped");
        (await w.CreateAfterSales(orderId, "ReturnAndRefund", (cap, 1))).Ok();   // other SKUs are counted apart

        // A cancelled one frees its quantity.
        (await w.Cancel(refundOnly)).Ok();
        (await w.CreateAfterSales(orderId, "ReturnAndRefund", (red, 2)))
            .Problem(HttpStatusCode.UnprocessableEntity, "after_sales.quantity_exceeds_shipped");
        var last = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (red, 1))).Ok();
        Assert.Equal("ToConfirm", last.Str("status"));
        Assert.Equal(5, (await w.Distributor.Get("/api/v1/after-sales-orders")).Ok().Items.Count);
    }
}
