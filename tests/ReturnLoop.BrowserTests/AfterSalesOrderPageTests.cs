using Microsoft.Playwright;

using static ReturnLoop.BrowserTests.PageSteps;

namespace ReturnLoop.BrowserTests;

/// <summary>The distributor's After Sales Orders in a real browser: create by hand, approve, cancel.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AfterSalesOrderPageTests(BrowserApp app)
{
    [Fact]
    public async Task Distributor_creates_a_manual_after_sales_order_approves_it_and_cancels_it()
    {
        var w = await World.CreateAsync(app);
        var orderNo = await ShippedOrderAsync(w);
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, w.DistributorEmail);

        await page.GotoAsync("/after-sales-orders/new");
        await InteractiveAsync(page);
        await Input(page, "order-no-input").FillAsync(orderNo);
        await page.GetByTestId("find-order").ClickAsync();
        await Expect(page.GetByTestId("found-order")).ToContainTextAsync("SHP-TS-RED-M");
        await Input(page, "line-qty").FillAsync("9");
        await Input(page, "reason").FillAsync("Wrong size");
        await page.GetByTestId("create").ClickAsync();
        await Expect(page.GetByText("More than was shipped")).ToBeVisibleAsync(); // the rule's refusal, in words

        await Input(page, "line-qty").FillAsync("1");
        await Input(page, "reason").FillAsync("Wrong size");
        await page.GetByTestId("create").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ToConfirm");

        await page.GotoAsync("/after-sales-orders");
        await InteractiveAsync(page);
        await Expect(Count(page, "ToConfirm")).ToHaveTextAsync("1");
        await Row(page, orderNo).GetByTestId("approve").ClickAsync();
        await Expect(Count(page, "ConfirmReturn")).ToHaveTextAsync("1");
        await page.Locator("[role=tab][data-status=ConfirmReturn]").ClickAsync();
        await Expect(Row(page, orderNo).GetByTestId("return-status")).ToHaveAttributeAsync("data-status", "ToPush");
        await BrowserApp.ScreenshotAsync(page, "after-sales-orders");

        await page.GetByTestId("order-no").Filter(new() { HasText = orderNo }).ClickAsync();
        await InteractiveAsync(page);
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ConfirmReturn");
        await page.GetByTestId("cancel").ClickAsync();
        await page.GetByTestId("cancel-confirm").ClickAsync();   // irreversible: asked first
        await Expect(page.GetByTestId("cancel-result")).ToHaveAttributeAsync("data-outcome", "Cancelled");
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Cancelled");
        await Expect(page.GetByTestId("return-status")).ToHaveAttributeAsync("data-status", "Cancelled");
        await BrowserApp.ScreenshotAsync(page, "after-sales-order-detail");
    }

    private static async Task<string> ShippedOrderAsync(World w)
    {
        var orderNo = $"SO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var order = await w.Distributor.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId,
            warehouseId = w.WarehouseId,
            platform = "Shopee",
            shopId = "shopee-my-01",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 2 } },
        });
        await w.Supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { shippedAt = (DateTimeOffset?)null });
        return orderNo;
    }

    /// <summary>A MudBlazor field's input, wherever its test id landed (on the input or on its wrapper).</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static ILocator Row(IPage page, string orderNo) =>
        page.Locator("tr", new() { Has = page.GetByText(orderNo, new() { Exact = true }) });

    private static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
