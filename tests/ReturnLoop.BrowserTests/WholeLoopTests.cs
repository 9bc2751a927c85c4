using Microsoft.Playwright;

using static ReturnLoop.BrowserTests.PageSteps;

namespace ReturnLoop.BrowserTests;

/// <summary>
/// The whole loop by clicking, a distributor and a supplier each in a browser of its own: manual after-sales order,
/// approve, push; stock-in; refund by bank transfer with a payment proof; confirm receipt. Each step is checked on the
/// other side's open page, which follows without a reload.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class WholeLoopTests(BrowserApp app)
{
    /// <summary>The smallest PNG: a 1 × 1 pixel, enough for the content check of the proof upload.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Distributor_and_supplier_walk_the_whole_loop_and_each_sees_the_other_act_live()
    {
        var two = await TwoSides.CreateAsync(app);
        var (orderNo, _) = await two.ShippedOrderAsync(paid: true);
        var distributor = await app.NewPageAsync();
        var supplier = await app.NewPageAsync();
        await app.LogInAsync(distributor, two.DistributorEmail);
        await app.LogInAsync(supplier, two.SupplierEmail);

        // the supplier's Return & Stock-in – BigShop stays open from here on
        await supplier.GotoAsync("/supplier/return-stock-ins");
        await InteractiveAsync(supplier);
        await Expect(Count(supplier, "PendingStockIn")).ToHaveTextAsync("0");

        // distributor: a manual after-sales order, approved, pushed
        await distributor.GotoAsync("/after-sales-orders/new");
        await InteractiveAsync(distributor);
        await Input(distributor, "order-no-input").FillAsync(orderNo);
        await distributor.GetByTestId("find-order").ClickAsync();
        await Expect(distributor.GetByTestId("found-order")).ToContainTextAsync("SHP-TS-RED-M");
        await Input(distributor, "line-qty").FillAsync("1");
        await Input(distributor, "reason").FillAsync("Wrong size");
        await distributor.GetByTestId("create").ClickAsync();
        await Expect(distributor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ToConfirm");
        var detailUrl = distributor.Url;
        await InteractiveAsync(distributor);
        await distributor.GetByTestId("approve").ClickAsync();
        await Expect(distributor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ConfirmReturn");

        await distributor.GotoAsync("/distribution-returns");
        await InteractiveAsync(distributor);
        await Row(distributor, orderNo).Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        await distributor.GetByTestId("push").ClickAsync();
        await Expect(distributor.Locator("[data-testid=push-result][data-ok=true]")).ToHaveCountAsync(1);

        // supplier: the push appears in Pending Stock-in without a reload
        await Expect(Count(supplier, "PendingStockIn")).ToHaveTextAsync("1");
        await Expect(Row(supplier, orderNo)).ToBeVisibleAsync();

        // distributor watches its after-sales order while the supplier stocks in
        await distributor.GotoAsync(detailUrl);
        await InteractiveAsync(distributor);
        await Expect(distributor.GetByTestId("return-status")).ToHaveAttributeAsync("data-status", "Pushed");
        await Expect(distributor.Locator("[data-testid=timeline-entry][data-event=StockedIn]")).ToHaveCountAsync(0);

        await Row(supplier, orderNo).GetByTestId("stock-in").ClickAsync();
        var stockIn = supplier.GetByTestId("stock-in-dialog");
        await stockIn.GetByTestId("warehouse").SelectOptionAsync(new SelectOptionValue { Label = "KL – Kuala Lumpur DC" });
        await stockIn.GetByTestId("confirm-stock-in").ClickAsync();
        await Expect(Count(supplier, "ReceivedReturn")).ToHaveTextAsync("1");

        await Expect(distributor.Locator("[data-testid=timeline-entry][data-event=StockedIn]")).ToHaveCountAsync(1);
        await Expect(distributor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ReceivedReturn");

        // the distributor's After-Sales Refund stays open while the supplier refunds by bank transfer
        await distributor.GotoAsync("/after-sales-refunds");
        await InteractiveAsync(distributor);
        await Expect(Count(distributor, "AwaitingConfirmation")).ToHaveTextAsync("0");

        await supplier.Locator("[role=tab][data-status=ReceivedReturn]").ClickAsync();
        await Row(supplier, orderNo).GetByTestId("create-refund").ClickAsync();
        var refund = supplier.GetByTestId("refund-dialog");
        await Expect(refund.GetByTestId("refundable")).ToHaveTextAsync("MYR 45.00");   // nothing paid yet: 90.00 unsettled
        await refund.GetByTestId("method-bank").CheckAsync();
        await FillAsync(refund.GetByTestId("bank-name"), "Maybank");
        await FillAsync(refund.GetByTestId("bank-account-name"), "Kedai Ali Online");
        await FillAsync(refund.GetByTestId("bank-account-number"), "5140-1234-5678");
        await refund.GetByTestId("confirm-refund").ClickAsync();
        await Expect(Count(supplier, "RefundProcessing")).ToHaveTextAsync("1");

        await Expect(Count(distributor, "AwaitingConfirmation")).ToHaveTextAsync("1");
        var distributorRow = Row(distributor, orderNo);
        await Expect(distributorRow.GetByTestId("method")).ToHaveAttributeAsync("data-method", "BankTransfer");
        await Expect(distributorRow.GetByTestId("bank")).ToContainTextAsync("Maybank");
        await Expect(distributorRow.GetByTestId("view-proof")).ToHaveCountAsync(0);

        // supplier: the payment proof, uploaded from Refund Orders
        await supplier.GotoAsync("/supplier/refund-orders");
        await InteractiveAsync(supplier);
        var supplierRow = Row(supplier, orderNo);
        await Expect(supplierRow.GetByTestId("refund-status")).ToHaveAttributeAsync("data-status", "AwaitingConfirmation");
        await supplierRow.Locator("input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "transfer-slip.png", MimeType = "image/png", Buffer = Png });
        await Expect(supplierRow.GetByTestId("view-proof")).ToBeVisibleAsync();
        await Expect(supplierRow.GetByTestId("void")).ToBeEnabledAsync();
        await BrowserApp.ScreenshotAsync(supplier, "refund-orders");

        // distributor: the proof shows up live, opens as the file uploaded, and the receipt is confirmed
        await Expect(distributorRow.GetByTestId("view-proof")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(distributor, "after-sales-refunds");
        var download = await distributor.RunAndWaitForDownloadAsync(() => distributorRow.GetByTestId("view-proof").ClickAsync());
        Assert.Equal("transfer-slip.png", download.SuggestedFilename);
        Assert.Equal(Png, await File.ReadAllBytesAsync(await download.PathAsync()));
        await distributorRow.GetByTestId("confirm-receipt").ClickAsync();
        await distributor.GetByTestId("ask-confirm").ClickAsync();
        await Expect(Count(distributor, "Completed")).ToHaveTextAsync("1");
        await Expect(Count(distributor, "AwaitingConfirmation")).ToHaveTextAsync("0");

        // supplier: its open Refund Orders page shows the refund completed
        await Expect(Count(supplier, "Completed")).ToHaveTextAsync("1");
        await Expect(Count(supplier, "AwaitingConfirmation")).ToHaveTextAsync("0");
        await supplier.Locator("[role=tab][data-status=Completed]").ClickAsync();
        await Expect(supplierRow.GetByTestId("refund-status")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(supplierRow.GetByTestId("void")).ToHaveCountAsync(0);

        // the after-sales order is completed on the distributor's side too
        await distributor.GotoAsync(detailUrl);
        await Expect(distributor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(distributor.Locator("[data-testid=timeline-entry][data-event=RefundCompleted]")).ToHaveCountAsync(1);

        // the money pages, for the README: a manual credit so the balances show a figure
        await supplier.GotoAsync("/supplier/customer-balances");
        await InteractiveAsync(supplier);
        await Row(supplier, "Kedai Ali Online").GetByTestId("add-credit").ClickAsync();
        await supplier.GetByTestId("credit-amount").FillAsync("25");
        await supplier.GetByTestId("credit-note").FillAsync("Goodwill for the wrong size");
        await supplier.GetByTestId("confirm-credit").ClickAsync();
        await Expect(Row(supplier, "Kedai Ali Online").GetByTestId("balance")).ToHaveTextAsync("MYR 25.00");
        await BrowserApp.ScreenshotAsync(supplier, "customer-balances");

        await distributor.GotoAsync("/balances");
        await InteractiveAsync(distributor);
        await Expect(Row(distributor, "Toko Grosir Supplier").GetByTestId("balance")).ToHaveTextAsync("MYR 25.00");
        await BrowserApp.ScreenshotAsync(distributor, "balances");

        await supplier.GotoAsync("/supplier/charge-settings");
        await InteractiveAsync(supplier);
        await Expect(supplier.GetByTestId("return-handling-fee")).ToHaveValueAsync("0.00");
        await supplier.GetByTestId("distribution-fee").FillAsync("1.50");
        await supplier.GetByTestId("return-handling-fee").FillAsync("2");
        await supplier.GetByTestId("save-charge-settings").ClickAsync();
        await Expect(supplier.GetByText("Distribution Charge Settings saved.")).ToBeVisibleAsync();
        await supplier.ReloadAsync();
        await InteractiveAsync(supplier);
        await Expect(supplier.GetByTestId("distribution-fee")).ToHaveValueAsync("1.50");
        await Expect(supplier.GetByTestId("return-handling-fee")).ToHaveValueAsync("2.00");
        await BrowserApp.ScreenshotAsync(supplier, "charge-settings");
    }

    /// <summary>Types into a plain input bound on change: the change is sent before the next click.</summary>
    internal static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    /// <summary>A MudBlazor field's input, wherever its test id landed (on the input or on its wrapper).</summary>
    internal static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    internal static ILocator Row(IPage page, string text) =>
        page.Locator("tr", new() { Has = page.GetByText(text, new() { Exact = true }) });

    internal static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    internal static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

/// <summary>
/// A supplier and a distributor in an active partnership, both with a known login (World keeps only the distributor's),
/// the supplier with a warehouse, a SKU at 45.00 and stock, the distributor with its merchant SKU.
/// </summary>
internal sealed class TwoSides
{
    public HttpClient Supplier { get; private init; } = null!;
    public HttpClient Distributor { get; private init; } = null!;
    public string SupplierId { get; private init; } = "";
    public string DistributorId { get; private init; } = "";
    public string SupplierEmail { get; private init; } = "";
    public string DistributorEmail { get; private init; } = "";
    public string WarehouseId { get; private set; } = "";

    public static async Task<TwoSides> CreateAsync(BrowserApp app)
    {
        var supplierEmail = $"supplier-{Guid.NewGuid():N}@example.com";
        var distributorEmail = $"distributor-{Guid.NewGuid():N}@example.com";
        var s = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Toko Grosir Supplier", currency = "MYR", userEmail = supplierEmail, password = World.Password });
        var d = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Kedai Ali Online", currency = "MYR", userEmail = distributorEmail, password = World.Password });
        var two = new TwoSides
        {
            Supplier = app.Api(s.Str("apiKey")),
            Distributor = app.Api(d.Str("apiKey")),
            SupplierId = s.Str("account.id"),
            DistributorId = d.Str("account.id"),
            SupplierEmail = supplierEmail,
            DistributorEmail = distributorEmail,
        };
        var partnership = await two.Distributor.PostAsync("/api/v1/partnerships", new { supplierAccountId = two.SupplierId });
        await two.Supplier.PostAsync($"/api/v1/partnerships/{partnership.Str("id")}/accept");
        two.WarehouseId = (await two.Supplier.PostAsync("/api/v1/warehouses", new { code = "KL", name = "Kuala Lumpur DC", kind = "Own" }))
            .Str("id");
        await two.Supplier.PostAsync("/api/v1/skus",
            new { code = "TS-RED-M", name = "Tee red M", costPrice = 20m, distributionPrice = 45m });
        await two.Supplier.PostAsync("/api/v1/inventory/adjustments",
            new { warehouseId = two.WarehouseId, skuCode = "TS-RED-M", quantity = 100, reason = "opening" });
        await two.Distributor.PostAsync("/api/v1/merchant-skus", new
        {
            code = "SHP-TS-RED-M",
            name = "Tee red M",
            supplierAccountId = two.SupplierId,
            components = new[] { new { supplierSkuCode = "TS-RED-M", quantity = 1 } },
        });
        return two;
    }

    /// <summary>A shipped order of 2 × 45.00 (paid when told): its marketplace order number and id.</summary>
    public async Task<(string OrderNo, string OrderId)> ShippedOrderAsync(bool paid = false)
    {
        var orderNo = $"SO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var order = await Distributor.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = SupplierId,
            warehouseId = WarehouseId,
            platform = "Shopee",
            shopId = "shopee-my-01",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 2 } },
        });
        var id = order.Str("id");
        await Supplier.PostAsync($"/api/v1/distribution-orders/{id}/ship", new { });
        if (paid) await Supplier.PostAsync($"/api/v1/distribution-orders/{id}/payments", new { amount = 90m, method = "BankTransfer" });
        return (orderNo, id);
    }

    /// <summary>A shipped, paid order with one unit returned and pushed: waiting in Pending Stock-in.</summary>
    public async Task<string> PushedReturnAsync() => (await PushAsync()).OrderNo;

    /// <summary>A return stocked in and refunded by bank transfer, without a proof yet: awaiting confirmation.</summary>
    public Task<string> BankRefundAsync() => ReceivedAndRefundedAsync("BankTransfer");

    /// <summary>Pushed, stocked in and refunded to the customer balance (it lands in Completed at once).</summary>
    public Task<string> CustomerBalanceRefundAsync() => ReceivedAndRefundedAsync("CustomerBalance");

    private async Task<string> ReceivedAndRefundedAsync(string method)
    {
        var (orderNo, supplierReturnId) = await PushAsync();
        await Supplier.PostAsync($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/stock-in", new
        {
            warehouseId = WarehouseId,
            lines = new[] { new { supplierSkuCode = "TS-RED-M", quantity = 1, condition = "Good" } },
        });
        await Supplier.PostAsync($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/refund-orders", new
        {
            exchangeAmount = 0m,
            method,
            bankAccount = method == "BankTransfer"
                ? new { bankName = "Maybank", accountName = "Kedai Ali Online", accountNumber = "5140-1234-5678" }
                : null,
        });
        return orderNo;
    }

    private async Task<(string OrderNo, string SupplierReturnId)> PushAsync()
    {
        var (orderNo, orderId) = await ShippedOrderAsync(paid: true);
        var afterSales = await Distributor.PostAsync("/api/v1/after-sales-orders", new
        {
            distributionOrderId = orderId,
            type = "ReturnAndRefund",
            reason = "Wrong size",
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 1 } },
        });
        var approved = await Distributor.PostAsync($"/api/v1/after-sales-orders/{afterSales.Str("id")}/approve");
        var pushed = await Distributor.PostAsync($"/api/v1/distribution-returns/{approved.Str("distributionReturn.id")}/push");
        return (orderNo, pushed.Str("supplierReturnId"));
    }
}
