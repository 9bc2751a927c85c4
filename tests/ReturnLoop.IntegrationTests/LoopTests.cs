using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>The whole after-sales loop of domain.md through the HTTP API, for both refund methods.</summary>
public sealed class LoopTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Partnership_is_applied_for_accepted_and_terminated_and_a_new_one_keeps_the_old_period(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (supplier, supplierId) = await World.SignUpAsync(app, "Supplier");
        var (distributor, distributorId) = await World.SignUpAsync(app, "Distributor");

        var applied = (await distributor.Post("/api/v1/partnerships", new { supplierAccountId = supplierId })).Ok();
        Assert.Equal(HttpStatusCode.Created, applied.Status);
        Assert.Equal("Pending", applied.Str("status"));
        Assert.Equal(distributorId, applied.Str("distributorAccountId"));
        Assert.Equal(supplierId, applied.Str("supplierAccountId"));
        Assert.Null(applied.Json!["activeFrom"]);
        Assert.Null(applied.Json!["terminatedAt"]);

        // Both sides see it.
        Assert.Equal("Pending", (await supplier.Get("/api/v1/partnerships")).Ok().Items.Single(applied.Id).Str("status"));
        Assert.Equal("Pending", (await distributor.Get("/api/v1/partnerships")).Ok().Items.Single(applied.Id).Str("status"));

        var accepted = (await supplier.Post($"/api/v1/partnerships/{applied.Id}/accept")).Ok();
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("Active", accepted.Str("status"));
        Assert.NotNull(accepted.Json!["activeFrom"]);

        (await supplier.Post($"/api/v1/partnerships/{applied.Id}/reject")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await distributor.Post("/api/v1/partnerships", new { supplierAccountId = supplierId }))
            .Problem(HttpStatusCode.Conflict, "conflict");

        var terminated = (await distributor.Post($"/api/v1/partnerships/{applied.Id}/terminate")).Ok();
        Assert.Equal("Terminated", terminated.Str("status"));
        Assert.NotNull(terminated.Json!["terminatedAt"]);
        // The same period (PostgreSQL keeps microseconds, so compare to the millisecond).
        Assert.Equal(DateTimeOffset.Parse(accepted.Str("activeFrom")), DateTimeOffset.Parse(terminated.Str("activeFrom")),
            TimeSpan.FromMilliseconds(1));

        // Partnering again is a new partnership; the past period is kept.
        var again = (await distributor.Post("/api/v1/partnerships", new { supplierAccountId = supplierId })).Ok();
        Assert.NotEqual(applied.Id, again.Id);
        var all = (await distributor.Get("/api/v1/partnerships")).Ok().Items;
        Assert.Equal("Terminated", all.Single(applied.Id).Str("status"));
        Assert.Equal("Pending", all.Single(again.Id).Str("status"));
        var rejected = (await supplier.Post($"/api/v1/partnerships/{again.Id}/reject")).Ok();
        Assert.Equal("Rejected", rejected.Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Whole_loop_with_a_customer_balance_refund_completes_everything_at_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 5.00m, returnHandlingFee: 2.00m);
        var redId = await w.SkuWithId("TS-RED", 45.00m, stock: 100);
        await w.SkuWithId("CAP", 10.00m, stock: 50);

        var single = (await w.Distributor.Post("/api/v1/merchant-skus", new
        {
            code = "M-RED", name = "Red tee", supplierAccountId = w.SupplierId,
            components = new[] { new { supplierSkuCode = "TS-RED", quantity = 1 } },
        })).Ok();
        Assert.False(single["isCombo"].GetValue<bool>());
        var combo = (await w.Distributor.Post("/api/v1/merchant-skus", new
        {
            code = "BUNDLE", name = "Tee and two caps", supplierAccountId = w.SupplierId,
            components = new[] { new { supplierSkuCode = "TS-RED", quantity = 1 }, new { supplierSkuCode = "CAP", quantity = 2 } },
        })).Ok();
        Assert.True(combo["isCombo"].GetValue<bool>());

        // The distributor sees what can be shipped: a combo in complete sets.
        Assert.Equal(100, await w.Available("M-RED"));
        Assert.Equal(25, await w.Available("BUNDLE"));

        // Forward flow: the order is created, then shipped with prices and the fee frozen.
        var created = (await w.CreateOrder(("M-RED", 3), ("BUNDLE", 2))).Ok();
        Assert.Equal("Created", created.Str("status"));
        var orderId = created.Id;
        var shipped = (await w.Ship(orderId)).Ok();
        Assert.Equal("Shipped", shipped.Str("status"));
        Assert.EndsWith("Z", shipped.Str("shippedAt"));   // ISO 8601 UTC
        Assert.Equal(5.00m, shipped.Dec("distributionFee"));          // from the charge settings
        Assert.Equal(270.00m, shipped.Dec("stockOutAmount"));         // 3×45 + 2×45 + 4×10 + 5
        Assert.Equal(0.00m, shipped.Dec("settledAmount"));
        Assert.Equal(270.00m, shipped.Dec("unsettledAmount"));
        var lines = shipped.Arr("lines");
        Assert.Equal(3, lines.Count);
        var redSingle = lines.Single(l => l.Str("supplierSkuCode") == "TS-RED" && l.Str("merchantSkuCode") == "M-RED");
        Assert.Equal(3, redSingle.Int("quantity"));
        Assert.Equal(45.00m, redSingle.Dec("unitPriceAtShipment"));
        Assert.Equal(2, lines.Single(l => l.Str("supplierSkuCode") == "TS-RED" && l.Str("merchantSkuCode") == "BUNDLE").Int("quantity"));
        var caps = lines.Single(l => l.Str("supplierSkuCode") == "CAP");
        Assert.Equal(4, caps.Int("quantity"));
        Assert.Equal(10.00m, caps.Dec("unitPriceAtShipment"));

        // Stock fell, with ledger rows that reference the order.
        Assert.Equal((95, 0), await w.Stock("TS-RED"));
        Assert.Equal((46, 0), await w.Stock("CAP"));
        Assert.Equal(95, await w.Available("M-RED"));
        Assert.Equal(23, await w.Available("BUNDLE"));
        var shipMovement = (await w.Supplier.Get("/api/v1/inventory/movements?skuCode=TS-RED")).Ok()
            .Items.Single(m => m.Str("reason") == "Ship");
        Assert.Equal(-5, shipMovement.Int("quantity"));
        Assert.Equal(orderId, shipMovement.Str("reference"));

        // A later price change does not touch the shipped order, on either side.
        (await w.Supplier.Put($"/api/v1/skus/{redId}", new { name = "TS-RED", costPrice = 1m, distributionPrice = 50.00m })).Ok();
        foreach (var viewer in new[] { w.Distributor, w.Supplier })
        {
            var again = await w.Order(orderId, viewer);
            Assert.Equal(45.00m, again.Arr("lines").First(l => l.Str("supplierSkuCode") == "TS-RED").Dec("unitPriceAtShipment"));
            Assert.Equal(270.00m, again.Dec("stockOutAmount"));
        }

        // Payments: a bank transfer, and the customer balance (refused while too low).
        var paid = (await w.Pay(orderId, 200.00m, "BankTransfer")).Ok();
        Assert.Equal(HttpStatusCode.Created, paid.Status);
        Assert.Equal(200.00m, paid["order"].Dec("settledAmount"));
        Assert.Equal(70.00m, paid["order"].Dec("unsettledAmount"));
        (await w.Pay(orderId, 20.00m, "CustomerBalance")).Problem(HttpStatusCode.UnprocessableEntity, "balance.insufficient");
        await w.ManualCredit(30.00m);
        (await w.Pay(orderId, 20.00m, "CustomerBalance")).Ok();
        Assert.Equal(10.00m, await w.Balance());
        (await w.Pay(orderId, 15.00m, "CustomerBalance")).Problem(HttpStatusCode.UnprocessableEntity, "balance.insufficient");
        Assert.Equal(10.00m, await w.Balance());
        var order = await w.Order(orderId);
        Assert.Equal(220.00m, order.Dec("settledAmount"));
        Assert.Equal(50.00m, order.Dec("unsettledAmount"));

        // A manual after-sales order, approved: the return waits in To Push (auto-push is off by default).
        Assert.False((await w.Distributor.Get("/api/v1/settings/distribution-returns")).Ok()["autoPush"].GetValue<bool>());
        var afterSales = (await w.CreateAfterSales(orderId, "ReturnAndRefund", ("M-RED", 2), ("BUNDLE", 1))).Ok();
        Assert.Equal(HttpStatusCode.Created, afterSales.Status);
        Assert.Equal("ToConfirm", afterSales.Str("status"));
        Assert.Equal("Manual", afterSales.Str("source"));
        Assert.Equal("ReturnAndRefund", afterSales.Str("type"));
        Assert.Equal(w.SupplierId, afterSales.Str("supplierAccountId"));
        Assert.Equal(w.OwnWarehouseId, afterSales.Str("shippingWarehouseId"));
        Assert.Null(afterSales.Json!["distributionReturn"]);
        var afterSalesId = afterSales.Id;

        var approved = (await w.Approve(afterSalesId)).Ok();
        Assert.Equal("ConfirmReturn", approved.Str("status"));
        Assert.Equal("ToPush", approved["distributionReturn"].Str("status"));
        var returnId = approved["distributionReturn"].Str("id");
        Assert.Contains(returnId, (await w.Distributor.Get("/api/v1/distribution-returns?status=ToPush")).Ok().Items.Ids());

        // Push: the combo is split into its sub-SKUs, each line keeping the merchant SKU it came from.
        var pushed = (await w.Push(returnId)).Ok();
        Assert.Equal("Pushed", pushed.Str("status"));
        Assert.Null(pushed.Json!["pushFailure"]);
        Assert.NotNull(pushed.Json!["pushedAt"]);
        var supplierReturnId = pushed.Str("supplierReturnId");
        var pushedLines = pushed.Arr("lines").Select(l => (l.Str("supplierSkuCode"), l.Int("quantity"), l.Str("fromMerchantSkuCode")))
            .OrderBy(x => x).ToList();
        Assert.Equal([("CAP", 2, "BUNDLE"), ("TS-RED", 1, "BUNDLE"), ("TS-RED", 2, "M-RED")], pushedLines);
        Assert.Equal("Pushed", (await w.AfterSales(afterSalesId))["distributionReturn"].Str("status"));

        // The supplier sees it in both lists, as Return & Refund, with its estimate: 2×45 + 1×45 + 2×10 − 2.
        foreach (var list in new[] { "/api/v1/supplier/after-sales-orders", "/api/v1/supplier/return-stock-ins?status=PendingStockIn" })
        {
            var item = (await w.Supplier.Get(list)).Ok().Items.Single(supplierReturnId);
            Assert.Equal("ReturnAndRefund", item.Str("returnType"));
            Assert.Equal("PendingStockIn", item.Str("status"));
            Assert.Equal(153.00m, item.Dec("estimatedRefundAmount"));
            Assert.Equal(w.DistributorId, item.Str("distributorAccountId"));
            Assert.Equal(afterSalesId, item.Str("afterSalesOrderId"));
            Assert.Equal(returnId, item.Str("distributionReturnId"));
            Assert.Equal("MYR", item.Str("currency"));
            Assert.False(item.Bool("needsAttention"));
        }

        // Stock-in: good and damaged units of one SKU on two lines.
        var received = (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"), ("TS-RED", 1, "Damaged"), ("CAP", 2, "Good"))).Ok();
        Assert.Equal("ReceivedReturn", received.Str("status"));
        var receivedLines = received.Arr("lines");
        Assert.Equal(3, receivedLines.Where(l => l.Str("supplierSkuCode") == "TS-RED").Sum(l => l.Int("receivedQuantity")));
        Assert.Equal(1, receivedLines.Where(l => l.Str("supplierSkuCode") == "TS-RED").Sum(l => l.Int("damagedQuantity")));
        Assert.Equal(2, receivedLines.Single(l => l.Str("supplierSkuCode") == "CAP").Int("receivedQuantity"));
        Assert.Equal(0, receivedLines.Single(l => l.Str("supplierSkuCode") == "CAP").Int("damagedQuantity"));
        Assert.Equal((97, 1), await w.Stock("TS-RED"));
        Assert.Equal((48, 0), await w.Stock("CAP"));
        Assert.Equal(97, await w.Available("M-RED"));    // the distributor's listings follow at once
        var redIn = (await w.Supplier.Get("/api/v1/inventory/movements?skuCode=TS-RED")).Ok()
            .Items.Where(m => m.Str("reason") == "ReturnStockIn").ToList();
        Assert.All(redIn, m => Assert.Equal(supplierReturnId, m.Str("reference")));
        Assert.Equal([("Damaged", 1), ("Sellable", 2)], redIn.Select(m => (m.Str("bucket"), m.Int("quantity"))).OrderBy(x => x).ToList());
        var capIn = Assert.Single((await w.Supplier.Get("/api/v1/inventory/movements?skuCode=CAP")).Ok().Items,
            m => m.Str("reason") == "ReturnStockIn");
        Assert.Equal(supplierReturnId, capIn.Str("reference"));
        Assert.Equal(2, capIn.Int("quantity"));
        Assert.Equal("ReceivedReturn", (await w.AfterSales(afterSalesId)).Str("status"));
        Assert.Contains(supplierReturnId, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins?status=ReceivedReturn")).Ok()
            .Items.Ids());

        // Refund to the customer balance: returned at the price at shipment (damaged included), less the unsettled part and the fee.
        var refund = (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();
        Assert.Equal(HttpStatusCode.Created, refund.Status);
        Assert.Equal(155.00m, refund.Dec("returnAmount"));        // 3×45 + 2×10, not 50.00 now nor the cost price
        Assert.Equal(2.00m, refund.Dec("returnHandlingFee"));
        Assert.Equal(50.00m, refund.Dec("unsettledAmount"));
        Assert.Equal(0.00m, refund.Dec("exchangeAmount"));
        Assert.Equal(103.00m, refund.Dec("refundableAmount"));    // 155 − 50 − 0 − 2
        Assert.Equal("CustomerBalance", refund.Str("method"));
        Assert.Equal("Completed", refund.Str("status"));
        Assert.Equal("MYR", refund.Str("currency"));
        Assert.Equal(supplierReturnId, refund.Str("supplierReturnId"));
        var refundId = refund.Id;

        // The fee is frozen on the refund order: later settings do not change it.
        await w.ChargeSettings(distributionFee: 5.00m, returnHandlingFee: 9.00m);
        var refundLater = await w.SupplierRefund(refundId);
        Assert.Equal(2.00m, refundLater.Dec("returnHandlingFee"));
        Assert.Equal(103.00m, refundLater.Dec("refundableAmount"));

        // Everything is completed at once.
        var supplierReturn = await w.SupplierReturn(supplierReturnId);
        Assert.Equal("Completed", supplierReturn.Str("status"));
        Assert.Equal(153.00m, supplierReturn.Dec("estimatedRefundAmount"));   // with the frozen fee, not the new 9.00
        Assert.Equal("Completed", (await w.AfterSales(afterSalesId)).Str("status"));
        var seen = await w.DistributorRefund(refundId);
        Assert.Equal("Completed", seen.Str("status"));
        Assert.Equal(103.00m, seen.Dec("refundableAmount"));

        // The deducted unsettled part settled the original order.
        order = await w.Order(orderId);
        Assert.Equal(270.00m, order.Dec("settledAmount"));
        Assert.Equal(0.00m, order.Dec("unsettledAmount"));
        var settlements = await w.Settlements(orderId);
        Assert.Equal([("Payment", 200.00m), ("Payment", 20.00m), ("RefundDeduction", 50.00m)],
            settlements.Select(s => (s.Str("type"), s.Dec("amount"))).ToList());
        Assert.Equal(refundId, settlements[2].Str("reference"));

        // The balance and its ledger show the credit.
        Assert.Equal(113.00m, await w.Balance());
        var held = (await w.Supplier.Get("/api/v1/supplier/customer-balances")).Ok()
            .Items.Single(b => b.Str("distributorAccountId") == w.DistributorId);
        Assert.Equal(113.00m, held.Dec("balance"));
        Assert.Equal("MYR", held.Str("currency"));
        var ledger = await w.Ledger();
        Assert.Equal([("RefundCredit", 103.00m, 113.00m), ("OrderPayment", -20.00m, 10.00m), ("ManualCredit", 30.00m, 30.00m)],
            ledger.Select(e => (e.Str("type"), e.Dec("amount"), e.Dec("balanceAfter"))).ToList());
        Assert.Equal(refundId, ledger[0].Str("reference"));

        // The timeline shows both sides' events in order.
        var timeline = (await w.AfterSales(afterSalesId)).Arr("timeline");
        Assert.Equal(["Created", "Approved", "ReturnCreated", "Pushed", "StockedIn", "RefundCompleted"],
            timeline.Select(e => e.Str("event")).ToList());
        Assert.Equal(["Distributor", "Distributor", "System", "Distributor", "Supplier", "Supplier"], timeline.Select(e => e.Str("side"))
            .ToList());

        // The balance pays for a later order, shipped at the new price.
        var next = await w.ShippedOrder(("M-RED", 1));
        Assert.Equal(55.00m, (await w.Order(next)).Dec("stockOutAmount"));   // 50.00 + fee 5.00
        (await w.Pay(next, 55.00m, "CustomerBalance")).Ok();
        Assert.Equal(58.00m, await w.Balance());
        Assert.Equal(0.00m, (await w.Order(next)).Dec("unsettledAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Whole_loop_with_a_bank_transfer_refund_completes_when_the_distributor_confirms_receipt(DatabaseProvider provider)
    {
        // domain.md worked examples: 3 shipped at 45.00, 2 returned, fee 2.00 → estimate 88.00;
        // return 90.00 of an order of 135.00 with 100.00 paid → refundable 53.00, order fully settled.
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 2.00m);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 3));
        Assert.Equal(135.00m, (await w.Order(orderId)).Dec("stockOutAmount"));
        (await w.Pay(orderId, 100.00m, "BankTransfer")).Ok();

        var (afterSalesId, returnId, supplierReturnId) = await w.PushedReturn(orderId, (sku, 2));
        Assert.Equal(88.00m, (await w.Supplier.Get("/api/v1/supplier/after-sales-orders")).Ok().Items.Single(supplierReturnId)
            .Dec("estimatedRefundAmount"));
        Assert.Equal(88.00m, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins")).Ok().Items.Single(supplierReturnId)
            .Dec("estimatedRefundAmount"));
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Ok();

        var refund = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok();
        Assert.Equal(90.00m, refund.Dec("returnAmount"));
        Assert.Equal(35.00m, refund.Dec("unsettledAmount"));
        Assert.Equal(2.00m, refund.Dec("returnHandlingFee"));
        Assert.Equal(53.00m, refund.Dec("refundableAmount"));
        Assert.Equal("AwaitingConfirmation", refund.Str("status"));
        Assert.Equal("BankTransfer", refund.Str("method"));
        Assert.Equal("Maybank", refund["bankAccount"].Str("bankName"));
        Assert.Equal("Distributor Sdn Bhd", refund["bankAccount"].Str("accountName"));
        Assert.Equal("5140-1234-5678", refund["bankAccount"].Str("accountNumber"));
        Assert.False(refund.Bool("hasPaymentProof"));
        var refundId = refund.Id;

        var order = await w.Order(orderId);
        Assert.Equal(135.00m, order.Dec("settledAmount"));
        Assert.Equal(0.00m, order.Dec("unsettledAmount"));
        Assert.Equal("RefundProcessing", (await w.AfterSales(afterSalesId)).Str("status"));
        Assert.Equal("RefundProcessing", (await w.SupplierReturn(supplierReturnId)).Str("status"));

        // The distributor's After-Sales Refund page shows the same refund order; no proof yet.
        var mine = (await w.Distributor.Get("/api/v1/after-sales-refunds")).Ok().Items.Single(refundId);
        Assert.Equal("AwaitingConfirmation", mine.Str("status"));
        Assert.Equal(53.00m, mine.Dec("refundableAmount"));
        (await w.Distributor.Get($"/api/v1/after-sales-refunds/{refundId}/payment-proof")).Problem(HttpStatusCode.NotFound, "not_found");

        // The supplier uploads a proof; the distributor downloads the same bytes.
        var png = LoopSteps.Png(4096);
        var uploaded = (await w.UploadProof(refundId, png, "transfer.png", "image/png")).Ok();
        Assert.True(uploaded.Bool("hasPaymentProof"));
        var download = (await w.Distributor.Get($"/api/v1/after-sales-refunds/{refundId}/payment-proof")).Ok();
        Assert.Equal(png, download.Body);
        Assert.Equal("image/png", download.MediaType);

        // Not received: back to the supplier; a new proof asks the distributor again.
        var notReceived = (await w.Distributor.Post($"/api/v1/after-sales-refunds/{refundId}/report-not-received",
            new { note = "Nothing on the statement" })).Ok();
        Assert.Equal("NotReceived", notReceived.Str("status"));
        var supplierView = await w.SupplierRefund(refundId);
        Assert.Equal("NotReceived", supplierView.Str("status"));
        Assert.Equal("Nothing on the statement", supplierView.Str("notReceivedNote"));
        var pdf = LoopSteps.Pdf(2048);
        Assert.Equal("AwaitingConfirmation", (await w.UploadProof(refundId, pdf, "transfer.pdf", "application/pdf")).Ok().Str("status"));
        var pdfDownload = (await w.Distributor.Get($"/api/v1/after-sales-refunds/{refundId}/payment-proof")).Ok();
        Assert.Equal(pdf, pdfDownload.Body);
        Assert.Equal("application/pdf", pdfDownload.MediaType);

        // Confirming receipt completes the refund, the supplier return and the after-sales order.
        var confirmed = (await w.Distributor.Post($"/api/v1/after-sales-refunds/{refundId}/confirm-receipt")).Ok();
        Assert.Equal("Completed", confirmed.Str("status"));
        Assert.Equal("Completed", (await w.SupplierRefund(refundId)).Str("status"));
        Assert.Equal("Completed", (await w.SupplierReturn(supplierReturnId)).Str("status"));
        Assert.Equal("Completed", (await w.AfterSales(afterSalesId)).Str("status"));
        Assert.Equal("Pushed", (await w.DistributionReturn(returnId)).Str("status"));
        Assert.Equal(0m, await w.Balance());    // a bank transfer does not touch the customer balance
        (await w.Supplier.Post($"/api/v1/supplier/refund-orders/{refundId}/void")).Problem(HttpStatusCode.Conflict, "state.not_allowed");

        var timeline = (await w.AfterSales(afterSalesId)).Arr("timeline");
        Assert.Equal(["Created", "Approved", "ReturnCreated", "Pushed", "StockedIn", "RefundCreated", "PaymentProofUploaded",
            "RefundNotReceived",
            "PaymentProofUploaded", "RefundCompleted"], timeline.Select(e => e.Str("event")).ToList());
        Assert.Equal(["Distributor", "Distributor", "System", "Distributor", "Supplier", "Supplier", "Supplier", "Distributor", "Supplier",
            "Distributor"],
            timeline.Select(e => e.Str("side")).ToList());
        // The supplier sees the same timeline on its return.
        Assert.Equal(timeline.Select(e => e.Str("event")), (await w.SupplierReturn(supplierReturnId)).Arr("timeline")
            .Select(e => e.Str("event")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task With_auto_push_on_approving_pushes_at_once(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 4));

        var settings = (await w.SetAutoPush(true)).Ok();
        Assert.True(settings.Bool("autoPush"));
        Assert.True((await w.Distributor.Get("/api/v1/settings/distribution-returns")).Ok().Bool("autoPush"));

        var afterSalesId = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 2))).Ok().Id;
        var approved = (await w.Approve(afterSalesId)).Ok();
        Assert.Equal("ConfirmReturn", approved.Str("status"));
        Assert.Equal("Pushed", approved["distributionReturn"].Str("status"));
        var ret = await w.DistributionReturn(approved["distributionReturn"].Str("id"));
        var supplierReturnId = ret.Str("supplierReturnId");
        Assert.Contains(supplierReturnId, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins?status=PendingStockIn")).Ok()
            .Items.Ids());
        Assert.Empty((await w.Distributor.Get("/api/v1/distribution-returns?status=ToPush")).Ok().Items);
        Assert.Equal(90.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
        // Stock-in works from the After Sales Orders – BigShop list too.
        var received = (await w.Supplier.Post($"/api/v1/supplier/after-sales-orders/{supplierReturnId}/stock-in", new
        {
            warehouseId = w.OwnWarehouseId,
            lines = new[] { new { supplierSkuCode = "TS-RED", quantity = 2, condition = "Good" } },
        })).Ok();
        Assert.Equal("ReceivedReturn", received.Str("status"));
        Assert.Equal((98, 0), await w.Stock("TS-RED"));

        // An abnormal return is pushed at once too.
        var abnormal = (await w.CreateAfterSales(orderId, "AbnormalReturn", (sku, 1))).Ok();
        Assert.Equal("ConfirmReturn", abnormal.Str("status"));
        Assert.Equal("Pushed", abnormal["distributionReturn"].Str("status"));

        // Off again: the next one waits in To Push.
        Assert.False((await w.SetAutoPush(false)).Ok().Bool("autoPush"));
        var (_, waiting) = await w.ApprovedReturn(orderId, (sku, 1));
        Assert.Equal("ToPush", (await w.DistributionReturn(waiting)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Abnormal_return_starts_in_confirm_return_with_its_return_and_is_estimated_from_the_whole_order(
        DatabaseProvider provider)
    {
        // domain.md: 2 × 50.00 shipped, distribution fee 8.00 (stock-out 108.00), handling fee 3.00 → 97.00.
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 3.00m);
        var sku = await w.Product("BAG", 50.00m);
        var orderId = await w.ShippedOrder(createdAt: null, shippedAt: null, distributionFee: 8.00m, (sku, 2));
        var order = await w.Order(orderId);
        Assert.Equal(8.00m, order.Dec("distributionFee"));                 // given at shipment, not the 0 of the settings
        Assert.Equal(108.00m, order.Dec("stockOutAmount"));

        // No lines: the whole parcel is coming back.
        var abnormal = (await w.CreateAfterSales(orderId, "AbnormalReturn")).Ok();
        Assert.Equal("AbnormalReturn", abnormal.Str("type"));
        Assert.Equal("ConfirmReturn", abnormal.Str("status"));
        Assert.Equal("ToPush", abnormal["distributionReturn"].Str("status"));
        var line = Assert.Single(abnormal.Arr("lines"));
        Assert.Equal((sku, 2), (line.Str("merchantSkuCode"), line.Int("quantity")));
        (await w.Approve(abnormal.Id)).Problem(HttpStatusCode.Conflict, "state.not_allowed");   // nothing to confirm

        var pushed = (await w.Push(abnormal["distributionReturn"].Str("id"))).Ok();
        var supplierReturnId = pushed.Str("supplierReturnId");
        var item = (await w.Supplier.Get("/api/v1/supplier/after-sales-orders?status=PendingStockIn")).Ok().Items.Single(supplierReturnId);
        Assert.Equal("ReturnAndRefund", item.Str("returnType"));
        Assert.Equal(97.00m, item.Dec("estimatedRefundAmount"));
        Assert.Equal(97.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
        Assert.Equal(["Created", "ReturnCreated", "Pushed"], (await w.AfterSales(abnormal.Id)).Arr("timeline").Select(e => e.Str("event"))
            .ToList());

        // The fee is the current setting until a refund order freezes it.
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 5.00m);
        Assert.Equal(95.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Exchange_brings_its_return_leg_back_through_a_return(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 2));

        var exchange = (await w.CreateAfterSales(orderId, "Exchange", (sku, 1))).Ok();
        Assert.Equal("ToConfirm", exchange.Str("status"));
        var approved = (await w.Approve(exchange.Id)).Ok();
        Assert.Equal("ConfirmReturn", approved.Str("status"));
        Assert.Equal("ToPush", approved["distributionReturn"].Str("status"));
        var supplierReturnId = (await w.Push(approved["distributionReturn"].Str("id"))).Ok().Str("supplierReturnId");
        Assert.Equal("ReturnAndRefund", (await w.SupplierReturn(supplierReturnId)).Str("returnType"));   // always, whatever the type
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Refund_only_goes_to_refund_processing_without_a_return_and_is_completed_by_hand(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 2));

        var created = (await w.CreateAfterSales(orderId, "RefundOnly", (sku, 1))).Ok();
        Assert.Equal("ToConfirm", created.Str("status"));
        var approved = (await w.Approve(created.Id)).Ok();
        Assert.Equal("RefundProcessing", approved.Str("status"));
        Assert.Null(approved.Json!["distributionReturn"]);
        Assert.Empty((await w.Distributor.Get($"/api/v1/distribution-returns?afterSalesOrderId={created.Id}")).Ok().Items);
        Assert.Empty((await w.Distributor.Get("/api/v1/distribution-returns")).Ok().Items);

        var completed = (await w.Distributor.Post($"/api/v1/after-sales-orders/{created.Id}/complete")).Ok();
        Assert.Equal("Completed", completed.Str("status"));
        (await w.Distributor.Post($"/api/v1/after-sales-orders/{created.Id}/complete"))
            .Problem(HttpStatusCode.Conflict, "state.not_allowed");
        Assert.Empty((await w.Supplier.Get("/api/v1/supplier/after-sales-orders")).Ok().Items);
    }
}
