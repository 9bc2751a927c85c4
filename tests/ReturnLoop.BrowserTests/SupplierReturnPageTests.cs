using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>The supplier's Return &amp; Stock-in – BigShop in a real browser: stock-in and a customer-balance refund.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupplierReturnPageTests(BrowserApp app)
{
    [Fact]
    public async Task Supplier_stocks_in_a_pushed_return_and_refunds_it_to_the_customer_balance()
    {
        var (supplierEmail, orderNo) = await PushedReturnAsync();
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, supplierEmail);

        await page.GotoAsync("/supplier/return-stock-ins");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("1");
        var row = page.Locator("tr", new() { Has = page.GetByText(orderNo, new() { Exact = true }) });
        await Expect(row.GetByTestId("estimated-refund")).ToHaveTextAsync("MYR 45.00");
        await row.GetByTestId("stock-in").ClickAsync();

        var dialog = page.GetByTestId("stock-in-dialog");
        await Expect(dialog.Locator("[data-testid=warehouse] option")).ToHaveTextAsync(["Choose a warehouse", "KL – Kuala Lumpur DC"]);
        await dialog.GetByTestId("warehouse").SelectOptionAsync(new SelectOptionValue { Label = "KL – Kuala Lumpur DC" });
        await BrowserApp.ScreenshotAsync(page, "supplier-stock-in");
        await dialog.GetByTestId("confirm-stock-in").ClickAsync();

        await Expect(Count(page, "ReceivedReturn")).ToHaveTextAsync("1");
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("0");
        await page.Locator("[role=tab][data-status=ReceivedReturn]").ClickAsync();
        await row.GetByTestId("create-refund").ClickAsync();

        var refund = page.GetByTestId("refund-dialog");
        await Expect(refund.GetByTestId("refundable")).ToHaveTextAsync("MYR 45.00");
        await refund.GetByTestId("exchange").FillAsync("5");
        await Expect(refund.GetByTestId("refundable")).ToHaveTextAsync("MYR 40.00");
        await BrowserApp.ScreenshotAsync(page, "supplier-create-refund");
        await refund.GetByTestId("confirm-refund").ClickAsync();

        await Expect(Count(page, "Completed")).ToHaveTextAsync("1");
        await Expect(Count(page, "ReceivedReturn")).ToHaveTextAsync("0");
    }

    /// <summary>A paid, shipped order of 2 × 45.00 with one unit returned and pushed; a 3PL warehouse beside the own one.</summary>
    private async Task<(string SupplierEmail, string OrderNo)> PushedReturnAsync()
    {
        var supplierEmail = $"supplier-{Guid.NewGuid():N}@example.com";
        var s = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Toko Grosir Supplier", currency = "MYR", userEmail = supplierEmail, password = World.Password });
        var d = await app.Api().PostAsync("/api/v1/accounts", new
        {
            name = "Kedai Ali Online",
            currency = "MYR",
            userEmail = $"distributor-{Guid.NewGuid():N}@example.com",
            password = World.Password,
        });
        var supplier = app.Api(s.Str("apiKey"));
        var distributor = app.Api(d.Str("apiKey"));
        var supplierId = s.Str("account.id");
        var partnership = await distributor.PostAsync("/api/v1/partnerships", new { supplierAccountId = supplierId });
        await supplier.PostAsync($"/api/v1/partnerships/{partnership.Str("id")}/accept");
        var warehouseId = (await supplier.PostAsync("/api/v1/warehouses", new { code = "KL", name = "Kuala Lumpur DC", kind = "Own" }))
            .Str("id");
        await supplier.PostAsync("/api/v1/warehouses", new { code = "3PL", name = "Ninja 3PL", kind = "ThirdParty" });
        await supplier.PostAsync("/api/v1/skus", new { code = "TS-RED-M", name = "Tee red M", costPrice = 20m, distributionPrice = 45m });
        await supplier.PostAsync("/api/v1/inventory/adjustments",
            new { warehouseId, skuCode = "TS-RED-M", quantity = 100, reason = "opening" });
        await distributor.PostAsync("/api/v1/merchant-skus", new
        {
            code = "SHP-TS-RED-M",
            name = "Tee red M",
            supplierAccountId = supplierId,
            components = new[] { new { supplierSkuCode = "TS-RED-M", quantity = 1 } },
        });
        var orderNo = $"SO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var order = await distributor.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = supplierId,
            warehouseId,
            platform = "Shopee",
            shopId = "shopee-my-01",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 2 } },
        });
        await supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { });
        await supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/payments", new { amount = 90m, method = "BankTransfer" });
        var afterSales = await distributor.PostAsync("/api/v1/after-sales-orders", new
        {
            distributionOrderId = order.Str("id"),
            type = "ReturnAndRefund",
            reason = "Wrong size",
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 1 } },
        });
        var approved = await distributor.PostAsync($"/api/v1/after-sales-orders/{afterSales.Str("id")}/approve");
        await distributor.PostAsync($"/api/v1/distribution-returns/{approved.Str("distributionReturn.id")}/push");
        return (supplierEmail, orderNo);
    }

    private static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
