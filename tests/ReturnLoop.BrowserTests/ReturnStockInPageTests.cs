using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>The seller's own Return &amp; Stock-in in a real browser: a regular return stocked into a 3PL warehouse.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnStockInPageTests(BrowserApp app)
{
    [Fact]
    public async Task Seller_stocks_in_its_own_return_into_a_3pl_warehouse_with_a_damaged_unit()
    {
        var email = $"seller-{Guid.NewGuid():N}@example.com";
        var account = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Kedai Ali Online", currency = "MYR", userEmail = email, password = World.Password });
        var seller = app.Api(account.Str("apiKey"));
        await seller.PostAsync("/api/v1/warehouses", new { code = "OWN", name = "Kedai warehouse", kind = "Own" });
        var tpl = (await seller.PostAsync("/api/v1/warehouses", new { code = "3PL", name = "Ninja 3PL", kind = "ThirdParty" })).Str("id");
        await seller.PostAsync("/api/v1/skus", new { code = "OWN-TEE", name = "Own tee", costPrice = 10m, distributionPrice = 20m });
        var orderNo = $"SP-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var storeOrder = await seller.PostAsync("/api/v1/store-orders", new
        {
            platform = "Shopee", shopId = "shopee-my-01", marketplaceOrderNo = orderNo, warehouseId = tpl,
            lines = new[] { new { skuCode = "OWN-TEE", quantity = 3, unitPrice = 29.90m } },
        });
        var afterSales = await seller.PostAsync("/api/v1/after-sales-orders", new
        {
            storeOrderId = storeOrder.Str("id"), type = "ReturnAndRefund", reason = "Wrong size",
            lines = new[] { new { merchantSkuCode = "OWN-TEE", quantity = 2 } },
        });
        await seller.PostAsync($"/api/v1/after-sales-orders/{afterSales.Str("id")}/approve");

        var page = await app.NewPageAsync();
        await app.LogInAsync(page, email);
        await page.GotoAsync("/return-stock-ins");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("1");
        var row = page.Locator("tr", new() { Has = page.GetByText(orderNo, new() { Exact = true }) });
        await row.GetByTestId("stock-in").ClickAsync();

        var dialog = page.GetByTestId("own-stock-in-dialog");
        await Expect(dialog.Locator("[data-testid=warehouse] option"))
            .ToHaveTextAsync(["Choose a warehouse", "3PL – Ninja 3PL (Third-party (3PL))", "OWN – Kedai warehouse (Own)"]);
        await dialog.GetByTestId("warehouse").SelectOptionAsync(tpl);
        await dialog.GetByTestId("split").ClickAsync();
        await dialog.GetByTestId("quantity").Nth(0).FillAsync("1");
        await dialog.GetByTestId("quantity").Nth(1).FillAsync("1");
        await BrowserApp.ScreenshotAsync(page, "own-stock-in");
        await dialog.GetByTestId("confirm-stock-in").ClickAsync();

        await Expect(Count(page, "ReceivedReturn")).ToHaveTextAsync("1");
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("0");
        var stock = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>(seller,
            $"/api/v1/inventory?warehouseId={tpl}&skuCode=OWN-TEE");
        Assert.Equal(1, stock!["items"]![0]!["onHand"]!.GetValue<int>());
        Assert.Equal(1, stock["items"]![0]!["damaged"]!.GetValue<int>());

        await page.GotoAsync($"/after-sales-orders/{afterSales.Str("id")}");
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(page.GetByTestId("return-stock-in").GetByTestId("return-status"))
            .ToHaveAttributeAsync("data-status", "ReceivedReturn");
    }

    private static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
