using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>domain.md "Return &amp; Stock-in – Distribution": the push rules, Push Failed, re-push, combos, auto-push and
/// recall.</summary>
public sealed class PushTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>Asserts a single push failed with the code, answered the return in the problem, and left it in Push Failed.</summary>
    private static async Task AssertPushFails(World w, string returnId, string code)
    {
        var failed = (await w.Push(returnId)).Problem(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(returnId, failed["distributionReturn"].Str("id"));
        Assert.Equal("PushFailed", failed["distributionReturn"].Str("status"));
        Assert.Equal(code, failed["distributionReturn"]["pushFailure"].Str("code"));

        var listed = (await w.Distributor.Get("/api/v1/distribution-returns?status=PushFailed")).Ok().Items.Single(returnId);
        Assert.Equal("PushFailed", listed.Str("status"));
        Assert.Equal(code, listed["pushFailure"].Str("code"));
        Assert.False(string.IsNullOrWhiteSpace(listed["pushFailure"].Str("message")));
        Assert.Null(listed["supplierReturnId"]);
        Assert.DoesNotContain(returnId, (await w.Distributor.Get("/api/v1/distribution-returns?status=ToPush")).Ok().Items.Ids());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Order_shipped_91_days_ago_fails_with_push_order_too_old_and_stays_in_push_failed(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        // Imported history: created 92 and shipped 91 days ago.
        var orderId = await w.ShippedOrder(createdAt: Now.AddDays(-92), shippedAt: Now.AddDays(-91), distributionFee: null, (sku, 2));
        var shippedAt = DateTimeOffset.Parse((await w.Order(orderId)).Str("shippedAt"));
        Assert.Equal(Now.AddDays(-91), shippedAt, TimeSpan.FromSeconds(1));
        var (afterSalesId, returnId) = await w.ApprovedReturn(orderId, (sku, 1));

        await AssertPushFails(w, returnId, "push.order_too_old");
        var counts = (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok();
        Assert.Equal(1, counts.Count("PushFailed"));
        Assert.Equal(0, counts.Count("ToPush"));
        Assert.Equal(0, counts.Count("Pushed"));

        // A re-push runs the rules again and fails again; nothing reached the supplier.
        await AssertPushFails(w, returnId, "push.order_too_old");
        Assert.Equal(2, (await w.DistributionReturn(returnId)).Int("pushAttempts"));
        Assert.Empty((await w.Supplier.Get("/api/v1/supplier/return-stock-ins")).Ok().Items);
        Assert.Contains("PushFailed", (await w.AfterSales(afterSalesId)).Arr("timeline").Select(e => e.Str("event")));
        Assert.Equal("ConfirmReturn", (await w.AfterSales(afterSalesId)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Order_created_before_the_partnership_was_active_fails_with_push_no_partnership(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        // Imported: created yesterday, before the supplier accepted the partnership; shipped now.
        var orderId = await w.ShippedOrder(createdAt: Now.AddDays(-1), shippedAt: null, distributionFee: null, (sku, 2));
        var (_, returnId) = await w.ApprovedReturn(orderId, (sku, 2));

        await AssertPushFails(w, returnId, "push.no_partnership");
        Assert.Equal(1, (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok().Count("PushFailed"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Partnership_terminated_after_the_order_was_created_still_pushes(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 2));
        var (_, returnId) = await w.ApprovedReturn(orderId, (sku, 1));

        (await w.Supplier.Post($"/api/v1/partnerships/{w.PartnershipId}/terminate")).Ok();
        (await w.CreateOrder((sku, 1))).Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");

        // Orders from the cooperation period can still be pushed.
        var pushed = (await w.Push(returnId)).Ok();
        Assert.Equal("Pushed", pushed.Str("status"));
        Assert.Contains(pushed.Str("supplierReturnId"), (await w.Supplier.Get("/api/v1/supplier/return-stock-ins?status=PendingStockIn"))
            .Ok().Items.Ids());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unmapped_sku_fails_with_push_unmapped_sku_and_a_re_push_after_re_mapping_succeeds(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.SkuWithId("TS-RED", 45.00m);
        var merchantSkuId = await w.MerchantSkuWithId("M-RED", ("TS-RED", 1));
        var orderId = await w.ShippedOrder(("M-RED", 3));
        var (_, returnId) = await w.ApprovedReturn(orderId, ("M-RED", 2));

        var unmapped = (await w.Remap(merchantSkuId)).Ok();          // components [] unmaps
        Assert.False(unmapped.Bool("isMapped"));
        await AssertPushFails(w, returnId, "push.unmapped_sku");
        var counts = (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok();
        Assert.Equal((1, 0), (counts.Count("PushFailed"), counts.Count("Pushed")));

        (await w.Remap(merchantSkuId, ("TS-RED", 1))).Ok();
        var pushed = (await w.Push(returnId)).Ok();
        Assert.Equal("Pushed", pushed.Str("status"));
        Assert.Null(pushed.Json!["pushFailure"]);
        var line = Assert.Single(pushed.Arr("lines"));
        Assert.Equal(("TS-RED", 2, "M-RED"), (line.Str("supplierSkuCode"), line.Int("quantity"), line.Str("fromMerchantSkuCode")));
        counts = (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok();
        Assert.Equal((0, 1), (counts.Count("PushFailed"), counts.Count("Pushed")));
        Assert.Empty((await w.Distributor.Get("/api/v1/distribution-returns?status=PushFailed")).Ok().Items);
        Assert.Equal(90.00m, (await w.SupplierReturn(pushed.Str("supplierReturnId"))).Dec("estimatedRefundAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Closed_warehouse_fails_with_push_warehouse_unavailable(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 2));
        var (_, returnId) = await w.ApprovedReturn(orderId, (sku, 1));

        var closed = (await w.Supplier.Post($"/api/v1/warehouses/{w.OwnWarehouseId}/close")).Ok();
        Assert.NotNull(closed.Json!["closedAt"]);
        await AssertPushFails(w, returnId, "push.warehouse_unavailable");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Push_rules_are_checked_in_order_and_bulk_push_reports_each_result(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.SkuWithId("TS-RED", 45.00m);
        await w.SkuWithId("CAP", 10.00m);
        var redId = await w.MerchantSkuWithId("M-RED", ("TS-RED", 1));
        await w.MerchantSkuWithId("M-CAP", ("CAP", 1));

        var old = await w.ShippedOrder(createdAt: Now.AddDays(-95), shippedAt: Now.AddDays(-91), distributionFee: null, ("M-RED", 1));
        var beforePartnership = await w.ShippedOrder(createdAt: Now.AddDays(-1), shippedAt: null, distributionFee: null, ("M-RED", 1));
        var recent = await w.ShippedOrder(("M-RED", 1), ("M-CAP", 1));
        var (_, tooOld) = await w.ApprovedReturn(old, ("M-RED", 1));
        var (_, noPartnership) = await w.ApprovedReturn(beforePartnership, ("M-RED", 1));
        var (_, unmapped) = await w.ApprovedReturn(recent, ("M-RED", 1));
        var (_, good) = await w.ApprovedReturn(recent, ("M-CAP", 1));
        var (_, alreadyPushed, supplierReturnOfPushed) = await w.PushedReturn(await w.ShippedOrder(("M-CAP", 1)), ("M-CAP", 1));
        (await w.Remap(redId)).Ok();
        var unknown = new string('0', 32);

        var bulk = (await w.Distributor.Post("/api/v1/distribution-returns/push",
            new { ids = new[] { tooOld, noPartnership, unmapped, good, alreadyPushed, unknown } })).Ok();
        Assert.Equal(HttpStatusCode.OK, bulk.Status);
        var results = bulk.Arr("results");
        Assert.Equal([tooOld, noPartnership, unmapped, good, alreadyPushed, unknown], results.Select(r => r.Str("id")).ToList());
        Assert.Equal(["PushFailed", "PushFailed", "PushFailed", "Pushed", "Pushed"], results.Take(5).Select(r => r.Str("status")).ToList());
        Assert.Equal(["push.order_too_old", "push.no_partnership", "push.unmapped_sku"], results.Take(3)
            .Select(r => r!["pushFailure"].Str("code")).ToList());
        Assert.All(results.Take(3), r => Assert.Null(r!["supplierReturnId"]));
        Assert.Null(results[3]!["pushFailure"]);
        Assert.NotNull(results[3]!["supplierReturnId"]);
        Assert.Equal(supplierReturnOfPushed, results[4].Str("supplierReturnId"));   // a no-op that reports the existing one
        Assert.Null(results[5]!["status"]);
        Assert.Equal("not_found", results[5]!["error"].Str("code"));

        // The reasons are kept in the Push Failed list.
        var failed = (await w.Distributor.Get("/api/v1/distribution-returns?status=PushFailed")).Ok().Items;
        Assert.Equal(new[] { tooOld, noPartnership, unmapped }.Order(), failed.Ids().Order());
        Assert.Equal("push.no_partnership", failed.Single(noPartnership)["pushFailure"].Str("code"));
        var counts = (await w.Distributor.Get("/api/v1/distribution-returns/counts")).Ok();
        Assert.Equal((0, 3, 2), (counts.Count("ToPush"), counts.Count("PushFailed"), counts.Count("Pushed")));

        // With the SKU mapped again and the warehouse closed, the last rule speaks for the recent order.
        (await w.Remap(redId, ("TS-RED", 1))).Ok();
        (await w.Supplier.Post($"/api/v1/warehouses/{w.OwnWarehouseId}/close")).Ok();
        var again = (await w.Distributor.Post("/api/v1/distribution-returns/push", new { ids = new[] { unmapped, tooOld } })).Ok()
            .Arr("results");
        Assert.Equal(["push.warehouse_unavailable", "push.order_too_old"], again.Select(r => r!["pushFailure"].Str("code")).ToList());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pushing_a_pushed_return_again_reports_the_same_supplier_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (_, returnId, supplierReturnId) = await w.PushedReturn(await w.ShippedOrder((sku, 2)), (sku, 2));

        var again = (await w.Push(returnId)).Ok();
        Assert.Equal("Pushed", again.Str("status"));
        Assert.Equal(supplierReturnId, again.Str("supplierReturnId"));
        Assert.Equal([supplierReturnId], (await w.Supplier.Get("/api/v1/supplier/return-stock-ins")).Ok().Items.Ids());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Combo_is_split_into_sub_skus_valued_at_their_own_unit_price_at_shipment(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 4.00m, returnHandlingFee: 1.00m);
        await w.SkuWithId("SOCK", 10.00m);
        await w.SkuWithId("SHOE", 20.00m);
        await w.MerchantSkuWithId("KIT", ("SOCK", 2), ("SHOE", 1));
        var orderId = (await w.CreateOrder(("KIT", 3))).Ok().Id;
        // The supplier gives another unit price for socks at shipment.
        var shipped = (await w.Ship(orderId, new { lines = new[] { new { supplierSkuCode = "SOCK", unitPrice = 9.00m } } })).Ok();
        Assert.Equal(9.00m, shipped.Arr("lines").Single(l => l.Str("supplierSkuCode") == "SOCK").Dec("unitPriceAtShipment"));
        Assert.Equal(20.00m, shipped.Arr("lines").Single(l => l.Str("supplierSkuCode") == "SHOE").Dec("unitPriceAtShipment"));
        Assert.Equal(118.00m, shipped.Dec("stockOutAmount"));   // 6×9 + 3×20 + 4
        Assert.Equal((94, 0), await w.Stock("SOCK"));
        Assert.Equal((97, 0), await w.Stock("SHOE"));

        var (_, _, supplierReturnId) = await w.PushedReturn(orderId, ("KIT", 2));
        var ret = await w.SupplierReturn(supplierReturnId);
        var lines = ret.Arr("lines")
            .Select(l => (l.Str("supplierSkuCode"), l.Int("expectedQuantity"), l.Str("fromMerchantSkuCode"), l.Dec("unitPriceAtShipment")))
            .OrderBy(x => x.Item1).ToList();
        Assert.Equal([("SHOE", 2, "KIT", 20.00m), ("SOCK", 4, "KIT", 9.00m)], lines);
        Assert.Equal(75.00m, ret.Dec("estimatedRefundAmount"));   // 4×9 + 2×20 − 1

        (await w.StockIn(supplierReturnId, ("SOCK", 4, "Good"), ("SHOE", 1, "Good"), ("SHOE", 1, "Damaged"))).Ok();
        Assert.Equal((98, 0), await w.Stock("SOCK"));
        Assert.Equal((98, 1), await w.Stock("SHOE"));
        Assert.Equal(76.00m, (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Dec("returnAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failed_auto_push_lands_in_push_failed(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.SkuWithId("TS-RED", 45.00m);
        var merchantSkuId = await w.MerchantSkuWithId("M-RED", ("TS-RED", 1));
        var orderId = await w.ShippedOrder(("M-RED", 2));
        (await w.SetAutoPush(true)).Ok();
        var afterSalesId = (await w.CreateAfterSales(orderId, "ReturnAndRefund", ("M-RED", 1))).Ok().Id;
        (await w.Remap(merchantSkuId)).Ok();

        var approved = (await w.Approve(afterSalesId)).Ok();
        Assert.Equal("ConfirmReturn", approved.Str("status"));
        Assert.Equal("PushFailed", approved["distributionReturn"].Str("status"));
        var ret = await w.DistributionReturn(approved["distributionReturn"].Str("id"));
        Assert.Equal("push.unmapped_sku", ret["pushFailure"].Str("code"));

        (await w.Remap(merchantSkuId, ("TS-RED", 1))).Ok();
        Assert.Equal("Pushed", (await w.Push(ret.Id)).Ok().Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_before_the_push_cancels_the_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 3));

        var toConfirm = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1))).Ok().Id;
        var cancelled = (await w.Cancel(toConfirm)).Ok();
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Null(cancelled.Json!["distributionReturn"]);

        var (afterSalesId, returnId) = await w.ApprovedReturn(orderId, (sku, 1));
        var after = (await w.Cancel(afterSalesId)).Ok();
        Assert.Equal("Cancelled", after.Str("status"));
        Assert.Equal("Cancelled", after["distributionReturn"].Str("status"));
        Assert.Equal([returnId], (await w.Distributor.Get("/api/v1/distribution-returns?status=Cancelled")).Ok().Items.Ids());
        (await w.Push(returnId)).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Cancel(afterSalesId)).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Empty((await w.Supplier.Get("/api/v1/supplier/return-stock-ins")).Ok().Items);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_after_the_push_recalls_the_supplier_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (afterSalesId, returnId, supplierReturnId) = await w.PushedReturn(await w.ShippedOrder((sku, 3)), (sku, 2));
        Assert.Contains(supplierReturnId, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins?status=PendingStockIn")).Ok()
            .Items.Ids());

        var cancelled = (await w.Cancel(afterSalesId)).Ok();
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal("Recalled", cancelled["distributionReturn"].Str("status"));
        Assert.Equal("Recalled", (await w.DistributionReturn(returnId)).Str("status"));

        // It leaves the supplier's pending lists.
        Assert.Equal("Recalled", (await w.SupplierReturn(supplierReturnId)).Str("status"));
        Assert.DoesNotContain(supplierReturnId, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins?status=PendingStockIn")).Ok()
            .Items.Ids());
        Assert.DoesNotContain(supplierReturnId, (await w.Supplier.Get("/api/v1/supplier/after-sales-orders?status=PendingStockIn")).Ok()
            .Items.Ids());
        var counts = (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok();
        Assert.Equal((0, 1), (counts.Count("PendingStockIn"), counts.Count("Recalled")));
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Equal((97, 0), await w.Stock("TS-RED"));
        var events = (await w.AfterSales(afterSalesId)).Arr("timeline").Select(e => e.Str("event")).ToList();
        Assert.Equal(["Cancelled", "Recalled"], events.TakeLast(2));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_after_stock_in_is_recorded_but_the_recall_fails_and_the_supplier_return_needs_attention(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (_, afterSalesId, returnId, supplierReturnId) = await w.ReceivedReturn(sku, "TS-RED", shipped: 3, returned: 2);

        var cancelled = (await w.Cancel(afterSalesId)).Ok();
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal("RecallFailed", cancelled["distributionReturn"].Str("status"));

        var ret = (await w.Distributor.Get("/api/v1/distribution-returns?status=RecallFailed")).Ok().Items.Single(returnId);
        Assert.Equal("recall.already_stocked_in", ret["recallFailure"].Str("code"));
        Assert.False(string.IsNullOrWhiteSpace(ret["recallFailure"].Str("message")));

        var supplierReturn = await w.SupplierReturn(supplierReturnId);
        Assert.Equal("ReceivedReturn", supplierReturn.Str("status"));
        Assert.True(supplierReturn.Bool("needsAttention"));
        Assert.True((await w.Supplier.Get("/api/v1/supplier/after-sales-orders")).Ok().Items.Single(supplierReturnId)
            .Bool("needsAttention"));
        Assert.Equal((99, 0), await w.Stock("TS-RED"));   // the goods stay stocked in
        Assert.Equal("RecallFailed", (await w.AfterSales(afterSalesId)).Arr("timeline").Last().Str("event"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_after_sales_order_with_a_refund_order_cannot_be_cancelled(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (_, bankAfterSales, _, bankReturn) = await w.ReceivedReturn(sku, "TS-RED", shipped: 2, returned: 1);
        (await w.CreateRefund(bankReturn, "BankTransfer")).Ok();
        var (_, balanceAfterSales, _, balanceReturn) = await w.ReceivedReturn(sku, "TS-RED", shipped: 2, returned: 1);
        (await w.CreateRefund(balanceReturn, "CustomerBalance")).Ok();

        (await w.Cancel(bankAfterSales)).Problem(HttpStatusCode.Conflict, "state.not_allowed");     // RefundProcessing
        (await w.Cancel(balanceAfterSales)).Problem(HttpStatusCode.Conflict, "state.not_allowed");  // Completed
        Assert.Equal("RefundProcessing", (await w.AfterSales(bankAfterSales)).Str("status"));
        Assert.Equal("Completed", (await w.AfterSales(balanceAfterSales)).Str("status"));
    }
}
