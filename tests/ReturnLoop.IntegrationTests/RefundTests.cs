using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>domain.md "Refund order": the formulas and worked examples, voiding, and the payment proof.</summary>
public sealed class RefundTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Voiding_an_unconfirmed_refund_reverses_its_settlement_and_a_new_one_with_an_exchange_refunds_33(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 2.00m);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 3));
        (await w.Pay(orderId, 100.00m, "BankTransfer")).Ok();
        var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(orderId, (sku, 2));
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Ok();

        var noBank = (await w.Supplier.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/refund-orders",
            new { exchangeAmount = 0m, method = "BankTransfer" }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(noBank["errors"]["bankAccount"]);
        var first = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok();
        Assert.Equal(53.00m, first.Dec("refundableAmount"));
        Assert.Equal(0.00m, (await w.Order(orderId)).Dec("unsettledAmount"));
        (await w.CreateRefund(supplierReturnId, "BankTransfer")).Problem(HttpStatusCode.Conflict, "refund.already_exists");

        var voided = (await w.Supplier.Post($"/api/v1/supplier/refund-orders/{first.Id}/void")).Ok();
        Assert.Equal("Voided", voided.Str("status"));
        Assert.Equal("Voided", (await w.DistributorRefund(first.Id)).Str("status"));
        (await w.Distributor.Post($"/api/v1/after-sales-refunds/{first.Id}/confirm-receipt"))
            .Problem(HttpStatusCode.Conflict, "state.not_allowed");

        // The reverse entry is appended; the settled amount is back where it was.
        var order = await w.Order(orderId);
        Assert.Equal(100.00m, order.Dec("settledAmount"));
        Assert.Equal(35.00m, order.Dec("unsettledAmount"));
        Assert.Equal([("Payment", 100.00m), ("RefundDeduction", 35.00m), ("RefundDeductionReversed", -35.00m)],
            (await w.Settlements(orderId)).Select(s => (s.Str("type"), s.Dec("amount"))).ToList());
        Assert.Equal("ReceivedReturn", (await w.SupplierReturn(supplierReturnId)).Str("status"));
        Assert.Equal("ReceivedReturn", (await w.AfterSales(afterSalesId)).Str("status"));

        // A new refund order, with a replacement of 20.00 sent: 90 − 35 − 20 − 2.
        var second = (await w.CreateRefund(supplierReturnId, "BankTransfer", exchangeAmount: 20.00m)).Ok();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(90.00m, second.Dec("returnAmount"));
        Assert.Equal(35.00m, second.Dec("unsettledAmount"));
        Assert.Equal(20.00m, second.Dec("exchangeAmount"));
        Assert.Equal(2.00m, second.Dec("returnHandlingFee"));
        Assert.Equal(33.00m, second.Dec("refundableAmount"));
        Assert.Equal("AwaitingConfirmation", second.Str("status"));
        order = await w.Order(orderId);
        Assert.Equal(135.00m, order.Dec("settledAmount"));
        Assert.Equal(0.00m, order.Dec("unsettledAmount"));
        Assert.Equal("RefundProcessing", (await w.AfterSales(afterSalesId)).Str("status"));
        Assert.Equal("RefundProcessing", (await w.SupplierReturn(supplierReturnId)).Str("status"));

        // Both refund orders stay visible to both sides, with their statuses.
        var supplierList = (await w.Supplier.Get("/api/v1/supplier/refund-orders")).Ok().Items;
        Assert.Equal("Voided", supplierList.Single(first.Id).Str("status"));
        Assert.Equal("AwaitingConfirmation", supplierList.Single(second.Id).Str("status"));
        Assert.Equal([second.Id], (await w.Distributor.Get("/api/v1/after-sales-refunds?status=AwaitingConfirmation")).Ok().Items.Ids());
        Assert.Equal([first.Id], (await w.Distributor.Get("/api/v1/after-sales-refunds?status=Voided")).Ok().Items.Ids());
        var timeline = (await w.AfterSales(afterSalesId)).Arr("timeline").Select(e => e.Str("event")).ToList();
        Assert.Equal(["RefundCreated", "RefundVoided", "RefundCreated"],
            timeline.Where(e => e.StartsWith("Refund", StringComparison.Ordinal)).ToList());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Refundable_is_never_below_zero_and_the_deduction_settles_what_is_left(DatabaseProvider provider)
    {
        // domain.md clamp: return amount 20.00, unsettled 35.00, fee 2.00 → refundable 0.00; unsettled falls to 17.00.
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 2.00m);
        var shirt = await w.Product("SHIRT", 20.00m);
        var socks = await w.Product("SOCKS", 15.00m);
        var orderId = await w.ShippedOrder((shirt, 1), (socks, 1));
        Assert.Equal(35.00m, (await w.Order(orderId)).Dec("unsettledAmount"));
        var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(orderId, (shirt, 1));
        Assert.Equal(18.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
        // The estimate is never below 0 either, whatever the fee.
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 25.00m);
        Assert.Equal(0.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 2.00m);
        (await w.StockIn(supplierReturnId, ("SHIRT", 1, "Good"))).Ok();

        var refund = (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();
        Assert.Equal(20.00m, refund.Dec("returnAmount"));
        Assert.Equal(35.00m, refund.Dec("unsettledAmount"));
        Assert.Equal(0.00m, refund.Dec("refundableAmount"));
        Assert.Equal("Completed", refund.Str("status"));

        var order = await w.Order(orderId);
        Assert.Equal(18.00m, order.Dec("settledAmount"));
        Assert.Equal(17.00m, order.Dec("unsettledAmount"));
        Assert.Equal(0m, await w.Balance());    // nothing to credit
        Assert.Equal("Completed", (await w.AfterSales(afterSalesId)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Idr_amounts_have_no_decimals_and_a_returned_125000_less_a_5000_fee_refunds_120000(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider, currency: "IDR");

        // Inputs with more precision than the currency has are rejected, never rounded.
        var badSku = (await w.Supplier.Post("/api/v1/skus", new { code = "X", name = "X", costPrice = 0m, distributionPrice = 125000.5m }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badSku["errors"]["distributionPrice"]);
        var badFee = (await w.Supplier.Put("/api/v1/supplier/charge-settings", new { distributionFee = 0m, returnHandlingFee = 5000.5m }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badFee["errors"]["returnHandlingFee"]);

        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 5000m);
        var sku = await w.Product("BATIK", 125000m);
        var orderId = (await w.CreateOrder((sku, 1))).Ok().Id;
        var badShip = (await w.Ship(orderId, new { lines = new[] { new { supplierSkuCode = "BATIK", unitPrice = 125000.5m } } }))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badShip["errors"]["lines[0].unitPrice"]);
        (await w.Ship(orderId)).Ok();
        Assert.Equal("IDR", (await w.Order(orderId)).Str("currency"));
        var badPay = (await w.Pay(orderId, 125000.5m, "BankTransfer")).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badPay["errors"]["amount"]);
        (await w.Pay(orderId, 125000m, "BankTransfer")).Ok();

        var (_, _, supplierReturnId) = await w.PushedReturn(orderId, (sku, 1));
        Assert.Equal(120000m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
        (await w.StockIn(supplierReturnId, ("BATIK", 1, "Good"))).Ok();
        var badExchange = (await w.CreateRefund(supplierReturnId, "CustomerBalance", exchangeAmount: 0.5m))
            .Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(badExchange["errors"]["exchangeAmount"]);

        var refund = (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();
        Assert.Equal("IDR", refund.Str("currency"));
        Assert.Equal(125000m, refund.Dec("returnAmount"));
        Assert.Equal(5000m, refund.Dec("returnHandlingFee"));
        Assert.Equal(0m, refund.Dec("unsettledAmount"));
        Assert.Equal(120000m, refund.Dec("refundableAmount"));
        Assert.Equal(120000m, await w.Balance());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Payment_proof_is_a_png_jpeg_or_pdf_by_content_of_at_most_10_mb(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (_, _, _, supplierReturnId) = await w.ReceivedReturn(sku, "TS-RED", shipped: 2, returned: 1);
        var refundId = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Id;

        // A JPEG named anything is a JPEG.
        var jpeg = LoopSteps.Jpeg(1000);
        Assert.True((await w.UploadProof(refundId, jpeg, "scan.bin")).Ok().Bool("hasPaymentProof"));
        var download = (await w.Distributor.Get($"/api/v1/after-sales-refunds/{refundId}/payment-proof")).Ok();
        Assert.Equal("image/jpeg", download.MediaType);
        Assert.Equal(jpeg, download.Body);

        // A text file named .png is not a PNG.
        (await w.UploadProof(refundId, "this is not an image"u8.ToArray(), "proof.png", "image/png"))
            .Problem(HttpStatusCode.UnsupportedMediaType, "proof.unsupported_type");

        // Exactly 10 MB is accepted; one byte more is too large.
        var limit = LoopSteps.Png(10 * 1024 * 1024);
        (await w.UploadProof(refundId, limit, "limit.png", "image/png")).Ok();
        (await w.UploadProof(refundId, LoopSteps.Png(10 * 1024 * 1024 + 1), "big.png", "image/png"))
            .Problem(HttpStatusCode.RequestEntityTooLarge, "proof.too_large");

        // Refused uploads leave the last good proof in place.
        var kept = (await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refundId}/payment-proof")).Ok();
        Assert.Equal("image/png", kept.MediaType);
        Assert.Equal(limit.Length, kept.Body.Length);
        Assert.Equal(limit, kept.Body);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_payment_proof_upload_over_the_size_limit_is_refused_and_stores_nothing_and_a_pdf_still_goes_through(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (_, afterSalesId, _, supplierReturnId) = await w.ReceivedReturn(sku, "TS-RED", shipped: 2, returned: 1);
        var refundId = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Id;

        // 11 MB is over the route's request limit: refused as proof.too_large, nothing kept.
        (await w.UploadProof(refundId, LoopSteps.Png(11 * 1024 * 1024), "big.png", "image/png"))
            .Problem(HttpStatusCode.RequestEntityTooLarge, "proof.too_large");
        Assert.False((await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refundId}")).Ok().Bool("hasPaymentProof"));
        (await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refundId}/payment-proof")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain("PaymentProofUploaded", (await w.AfterSales(afterSalesId)).Arr("timeline").Select(e => e.Str("event")));

        // The proof travels in a part named 'file' (api.md); a form without one is a validation error.
        var form = new MultipartFormDataContent { { new ByteArrayContent(LoopSteps.Pdf()), "document", "transfer.pdf" } };
        var unnamed = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/supplier/refund-orders/{refundId}/payment-proof") { Content = form };
        (await w.Supplier.Send(unnamed)).Problem(HttpStatusCode.BadRequest, "validation.failed");

        // A valid PDF goes through, streamed whole, and both sides download exactly it.
        var pdf = LoopSteps.Pdf(3 * 1024 * 1024 + 17);
        Assert.True((await w.UploadProof(refundId, pdf, "transfer.pdf", "application/pdf")).Ok().Bool("hasPaymentProof"));
        foreach (var url in new[] { $"/api/v1/supplier/refund-orders/{refundId}/payment-proof",
            $"/api/v1/after-sales-refunds/{refundId}/payment-proof" })
        {
            var download = (await (url.Contains("supplier") ? w.Supplier : w.Distributor).Get(url)).Ok();
            Assert.Equal("application/pdf", download.MediaType);
            Assert.Equal(pdf, download.Body);
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Return_handling_fee_and_prices_are_frozen_on_the_refund_order_when_it_is_created(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 2.00m);
        var sku = await w.Product("TS-RED", 45.00m);
        var skuId = Assert.Single((await w.Supplier.Get("/api/v1/skus?code=TS-RED")).Ok().Items)!["id"]!.GetValue<string>();
        var orderId = await w.ShippedOrder((sku, 3));
        (await w.Pay(orderId, 100.00m, "BankTransfer")).Ok();
        var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(orderId, (sku, 2));

        // The SKU's prices change after shipment: the return is worth the price at shipment, not the cost or the new price.
        (await w.Supplier.Put($"/api/v1/skus/{skuId}", new { name = "TS-RED", costPrice = 25.00m, distributionPrice = 50.00m })).Ok();
        (await w.StockIn(supplierReturnId, ("TS-RED", 2, "Good"))).Ok();
        var refund = (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok();
        Assert.Equal((90.00m, 2.00m, 35.00m, 53.00m),
            (refund.Dec("returnAmount"), refund.Dec("returnHandlingFee"), refund.Dec("unsettledAmount"), refund.Dec("refundableAmount")));

        // Later changes to the charge settings and to the price leave the refund order, and its return's estimate, as they were.
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 9.00m);
        (await w.Supplier.Put($"/api/v1/skus/{skuId}", new { name = "TS-RED", costPrice = 30.00m, distributionPrice = 60.00m })).Ok();
        foreach (var seen in new[] { (await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refund.Id}")).Ok(),
            await w.DistributorRefund(refund.Id) })
        {
            Assert.Equal((90.00m, 2.00m, 35.00m, 53.00m),
                (seen.Dec("returnAmount"), seen.Dec("returnHandlingFee"), seen.Dec("unsettledAmount"), seen.Dec("refundableAmount")));
        }
        Assert.Equal(88.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));   // 90.00 − the frozen 2.00

        // Once that refund order is voided, nothing is frozen any more: the estimate takes the current 9.00.
        (await w.Supplier.Post($"/api/v1/supplier/refund-orders/{refund.Id}/void")).Ok();
        Assert.Equal(81.00m, (await w.SupplierReturn(supplierReturnId)).Dec("estimatedRefundAmount"));
        Assert.Equal("ReceivedReturn", (await w.AfterSales(afterSalesId)).Str("status"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_customer_balance_refund_takes_no_proof_and_cannot_be_voided_or_reported(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var (orderId, _, _, supplierReturnId) = await w.ReceivedReturn(sku, "TS-RED", shipped: 2, returned: 1);
        (await w.Pay(orderId, 90.00m, "BankTransfer")).Ok();
        var refund = (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();
        Assert.Equal(45.00m, refund.Dec("refundableAmount"));
        Assert.Equal(45.00m, await w.Balance());

        (await w.UploadProof(refund.Id, LoopSteps.Png(), "p.png")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Supplier.Post($"/api/v1/supplier/refund-orders/{refund.Id}/void")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Distributor.Post($"/api/v1/after-sales-refunds/{refund.Id}/report-not-received", new { note = "?" }))
            .Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.Distributor.Post($"/api/v1/after-sales-refunds/{refund.Id}/confirm-receipt"))
            .Problem(HttpStatusCode.Conflict, "state.not_allowed");
        (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Problem(HttpStatusCode.Conflict, "refund.already_exists");
        Assert.Equal(45.00m, await w.Balance());
    }
}
