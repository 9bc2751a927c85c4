using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>The dashboard of each side in a real browser: its figures and a drawn chart (an svg) per chart.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserApp app)
{
    private static readonly string[] DistributorCharts =
        ["chart-after-sales-by-status", "chart-after-sales-by-reason", "chart-money-over-time"];

    private static readonly string[] SupplierCharts = ["chart-returns-by-status", "chart-money-over-time-supplier", "chart-return-rate"];

    [Fact]
    public async Task Each_side_sees_its_own_figures_and_charts()
    {
        var shop = await BigShop.CreateAsync(app);
        var ali = await shop.DistributorAsync("Kedai Ali Online");
        var refunded = await shop.PushedReturnAsync(ali, "Wrong size");
        await shop.StockInAndRefundAsync(refunded);
        var waiting = await shop.PushedReturnAsync(ali, "Damaged");

        var distributor = await BigShop.LogInAsync(app, ali.Email);
        await Expect(distributor.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        var mine = distributor.GetByTestId("dashboard-distributor");
        await Expect(mine).ToBeVisibleAsync();
        await Expect(distributor.GetByTestId("dashboard-supplier")).ToHaveCountAsync(0);
        await Expect(mine.GetByTestId("figure-open-after-sales").GetByTestId("figure-value")).ToHaveTextAsync("1");
        await Expect(mine.GetByTestId("figure-refunded-this-month").GetByTestId("figure-value")).ToHaveTextAsync("MYR 45.00");
        foreach (var chart in DistributorCharts) await Expect(mine.GetByTestId(chart).Locator("svg").First).ToBeVisibleAsync();
        await Expect(mine.GetByTestId("waiting-row")).ToHaveCountAsync(1);
        await Expect(mine.GetByTestId("waiting-row")).ToHaveAttributeAsync("data-id", waiting.AfterSalesId);
        await BrowserApp.ScreenshotAsync(distributor, "dashboard-distributor");
        Assert.Empty(app.CspViolations(distributor)); // charts, MudBlazor and SignalR all run under the policy

        var supplier = await BigShop.LogInAsync(app, shop.SupplierEmail);
        await Expect(supplier.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        var theirs = supplier.GetByTestId("dashboard-supplier");
        await Expect(theirs).ToBeVisibleAsync();
        await Expect(supplier.GetByTestId("dashboard-distributor")).ToHaveCountAsync(0);
        await Expect(theirs.GetByTestId("figure-pending-stock-in").GetByTestId("figure-value")).ToHaveTextAsync("1");
        foreach (var chart in SupplierCharts) await Expect(theirs.GetByTestId(chart).Locator("svg").First).ToBeVisibleAsync();
        // 2 of the 4 units shipped came back.
        await Expect(theirs.Locator("[data-testid=return-rate-row][data-sku=TS-RED-M] td").Last).ToHaveTextAsync("50%");
        await Expect(theirs.GetByTestId("waiting-row")).ToHaveAttributeAsync("data-id", waiting.SupplierReturnId);
        await BrowserApp.ScreenshotAsync(supplier, "dashboard-supplier");
        Assert.Empty(app.CspViolations(supplier));
    }

    [Fact]
    public async Task A_distributor_without_after_sales_is_told_how_to_start()
    {
        var shop = await BigShop.CreateAsync(app);
        var ali = await shop.DistributorAsync("Kedai Ali Online");

        var page = await BigShop.LogInAsync(app, ali.Email);
        await Expect(page.GetByTestId("dashboard-create-after-sales")).ToBeVisibleAsync();
        await Expect(page.GetByText("Create your first after-sales order")).ToBeVisibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
