using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReturnLoop.Data;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Shops;
using ReturnLoop.Marketplaces;

using static ReturnLoop.BrowserTests.PageSteps;

namespace ReturnLoop.BrowserTests;

/// <summary>
/// A platform return ReturnLoop could not place by itself (its order number matches no order here): flagged in the list,
/// explained on its page, and linked there by hand to the distribution order it belongs to.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class PlatformReturnPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_return_that_needs_attention_is_flagged_and_linked_by_hand_to_its_order()
    {
        var w = await World.CreateAsync(app);
        var shopId = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        await w.Distributor.PostAsync("/api/v1/shops", new
        {
            platform = "Shopee", shopId, name = "Kedai Ali Shopee", region = "MY",
            credentials = new { partnerId = "2001234", partnerKey = "key", accessToken = "token" },
        });
        var order = await w.Distributor.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = w.SupplierId, warehouseId = w.WarehouseId, platform = "Shopee", shopId,
            marketplaceOrderNo = "REAL-ORDER-1", lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 2 } },
        });
        await w.Supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { });
        // The platform approved a return on an order number with a typo: ReturnLoop keeps it, flagged.
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await IngestAsync(shopId, new PlatformReturn(Platform.Shopee, shopId, "RET-TYPO", "REAL-0RDER-1", AfterSalesType.ReturnAndRefund,
            "0", "ACCEPTED", PlatformStage.Approved, "WRONG_ITEM", null, "MYR", 45m, at, at,
            [new PlatformReturnLine("SHP-TS-RED-M", 1, 45m)]));

        await w.ReturnToPushAsync(); // an ordinary approved one beside it, which the filter leaves out

        var page = await app.NewPageAsync();
        await app.LogInAsync(page, w.DistributorEmail);
        await page.GotoAsync("/after-sales-orders");
        await InteractiveAsync(page);
        await page.GetByTestId("filter-needs-attention").ClickAsync();
        await page.Locator("[role=tab][data-status=ConfirmReturn]").ClickAsync(); // approved on the platform already
        var row = page.Locator("tr", new() { Has = page.GetByText("REAL-0RDER-1", new() { Exact = true }) });
        await Assertions.Expect(row.GetByTestId("needs-attention")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("order-no")).ToHaveCountAsync(1); // only what needs attention
        await row.GetByTestId("order-no").ClickAsync();

        await InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("needs-attention")).ToContainTextAsync("No distribution or store order");
        await Assertions.Expect(page.GetByTestId("platform-status")).ToHaveTextAsync("ACCEPTED");
        await page.Locator("input[data-testid=link-order-id], [data-testid=link-order-id] input").First.FillAsync(order.Str("id"));
        await page.GetByTestId("link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("needs-attention")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("link-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("supplier")).ToHaveTextAsync("Toko Grosir Supplier");
        await BrowserApp.ScreenshotAsync(page, "after-sales-linked");
        Assert.Empty(app.CspViolations(page));
    }

    private async Task IngestAsync(string shopId, PlatformReturn platformReturn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Platform == Platform.Shopee && s.PlatformShopId == shopId);
        await scope.ServiceProvider.GetRequiredService<IngestPlatformReturn>().HandleAsync(shop, platformReturn, default);
    }
}
