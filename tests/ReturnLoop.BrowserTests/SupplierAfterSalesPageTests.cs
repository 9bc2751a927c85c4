using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>The supplier's After Sales Orders – BigShop in a real browser: the Confirm Return tab, the filter, stock-in.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SupplierAfterSalesPageTests(BrowserApp app)
{
    [Fact]
    public async Task Pushed_returns_wait_in_Confirm_Return_filter_by_distributor_and_move_on_when_stocked_in()
    {
        var shop = await BigShop.CreateAsync(app);
        var ali = await shop.DistributorAsync("Kedai Ali Online");
        var budi = await shop.DistributorAsync("Toko Budi Jaya");
        var aliReturn = await shop.PushedReturnAsync(ali);
        var budiReturn = await shop.PushedReturnAsync(budi);

        var page = await BigShop.LogInAsync(app, shop.SupplierEmail);
        await page.GotoAsync("/supplier/after-sales-orders");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[role=tab][data-status=PendingStockIn] .rl-tab-label")).ToHaveTextAsync("Confirm Return");
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("2");

        var row = Row(page, aliReturn.OrderNo);
        await Expect(row.GetByTestId("estimated-refund")).ToHaveTextAsync("MYR 45.00"); // 1 × 45.00, no handling fee set
        await Expect(row.GetByTestId("return-type")).ToHaveTextAsync("Return & Refund");
        await Expect(row.GetByTestId("distributor")).ToHaveTextAsync("Kedai Ali Online");
        await Expect(row.GetByTestId("line")).ToHaveTextAsync("TS-RED-M × 1");
        await BrowserApp.ScreenshotAsync(page, "supplier-after-sales-orders");

        await page.GetByTestId("distributor-filter").SelectOptionAsync(new SelectOptionValue { Label = "Toko Budi Jaya" });
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("order-no")).ToHaveTextAsync([budiReturn.OrderNo]);
        await page.GetByTestId("distributor-filter").SelectOptionAsync(new SelectOptionValue { Label = "All distributors" });
        await Expect(page.GetByTestId("order-no")).ToHaveCountAsync(2);

        // The order-number filter takes what is typed when Enter is pressed.
        await page.GetByTestId("filter-q").FillAsync(aliReturn.OrderNo);
        await page.GetByTestId("filter-q").PressAsync("Enter");
        await Expect(page.GetByTestId("order-no")).ToHaveTextAsync([aliReturn.OrderNo]);

        // The export takes the same tab and filters: the header and the one row.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith($"{aliReturn.OrderNo},", lines[1]);

        await row.GetByTestId("stock-in").ClickAsync();
        var dialog = page.GetByTestId("stock-in-dialog");
        // Only the own warehouse is offered: the third-party one never is.
        await Expect(dialog.Locator("[data-testid=warehouse] option")).ToHaveTextAsync(["Choose a warehouse", "KL – Kuala Lumpur DC"]);
        await dialog.GetByTestId("warehouse").SelectOptionAsync(new SelectOptionValue { Label = "KL – Kuala Lumpur DC" });
        await dialog.GetByTestId("confirm-stock-in").ClickAsync();

        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("0");
        await Expect(Count(page, "ReceivedReturn")).ToHaveTextAsync("1");
        await page.Locator("[role=tab][data-status=ReceivedReturn]").ClickAsync();
        await Expect(row.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ReceivedReturn");
        await Expect(row.GetByTestId("create-refund")).ToBeVisibleAsync();

        // The detail: its lines and the timeline of both sides, the stock-in included.
        await row.GetByTestId("order-no").ClickAsync();
        await page.WaitForURLAsync($"**/supplier/after-sales-orders/{aliReturn.SupplierReturnId}");
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ReceivedReturn");
        await Expect(page.GetByTestId("line")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=timeline-entry][data-event=Pushed]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=timeline-entry][data-event=StockedIn]")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// At a peak sale the list reloads whenever another hand moves one of its returns: a row still shown stays the same
    /// element (updated in place, not rebuilt), so a click on its Stock in is not lost to the reload. (MudDataGrid keys
    /// rows by item within their position: a row that moves up or down is still rebuilt.)
    /// </summary>
    [Fact]
    public async Task A_return_moved_elsewhere_leaves_the_rows_still_shown_in_place()
    {
        var shop = await BigShop.CreateAsync(app);
        var ali = await shop.DistributorAsync("Kedai Ali Online");
        var leaving = await shop.PushedReturnAsync(ali);
        var staying = await shop.PushedReturnAsync(ali); // newer: the first row, above the one that leaves

        var page = await BigShop.LogInAsync(app, shop.SupplierEmail);
        await page.GotoAsync("/supplier/after-sales-orders");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("2");
        var row = await Row(page, staying.OrderNo).ElementHandleAsync();
        var stockIn = await Row(page, staying.OrderNo).GetByTestId("stock-in").ElementHandleAsync();

        await shop.StockInAndRefundAsync(leaving);
        await Expect(Count(page, "PendingStockIn")).ToHaveTextAsync("1");
        await Expect(Row(page, leaving.OrderNo)).ToHaveCountAsync(0);

        Assert.True(await row.EvaluateAsync<bool>("e => e.isConnected"));
        Assert.True(await stockIn.EvaluateAsync<bool>("e => e.isConnected"));
        await stockIn.ClickAsync();
        await Expect(page.GetByTestId("stock-in-dialog")).ToBeVisibleAsync();
    }

    private static ILocator Row(IPage page, string orderNo) =>
        page.Locator("tr", new() { Has = page.GetByTestId("order-no").GetByText(orderNo, new() { Exact = true }) });

    private static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

/// <summary>
/// A supplier with an own and a third-party warehouse and one SKU (TS-RED-M at 45.00), and distributors in partnership
/// with it, all signed up through the API; for the BigShop list and the dashboard tests.
/// </summary>
public sealed class BigShop
{
    private BigShop(BrowserApp app) => App = app;

    public BrowserApp App { get; }
    public HttpClient Supplier { get; private set; } = null!;
    public string SupplierId { get; private set; } = "";
    public string SupplierEmail { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";

    public sealed record Distributor(HttpClient Api, string Email);

    public sealed record Pushed(string OrderNo, string AfterSalesId, string SupplierReturnId);

    public static async Task<BigShop> CreateAsync(BrowserApp app)
    {
        var shop = new BigShop(app);
        shop.SupplierEmail = $"supplier-{Guid.NewGuid():N}@example.com";
        var s = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Toko Grosir Supplier", currency = "MYR", userEmail = shop.SupplierEmail, password = World.Password });
        shop.Supplier = app.Api(s.Str("apiKey"));
        shop.SupplierId = s.Str("account.id");
        shop.WarehouseId = (await shop.Supplier.PostAsync("/api/v1/warehouses",
            new { code = "KL", name = "Kuala Lumpur DC", kind = "Own" })).Str("id");
        await shop.Supplier.PostAsync("/api/v1/warehouses", new { code = "3PL", name = "Ninja 3PL", kind = "ThirdParty" });
        await shop.Supplier.PostAsync("/api/v1/skus",
            new { code = "TS-RED-M", name = "Tee red M", costPrice = 20m, distributionPrice = 45m });
        await shop.Supplier.PostAsync("/api/v1/inventory/adjustments",
            new { warehouseId = shop.WarehouseId, skuCode = "TS-RED-M", quantity = 100, reason = "opening" });
        return shop;
    }

    /// <summary>A distributor in an accepted partnership, with merchant SKU SHP-TS-RED-M over TS-RED-M.</summary>
    public async Task<Distributor> DistributorAsync(string name)
    {
        var email = $"distributor-{Guid.NewGuid():N}@example.com";
        var d = await App.Api().PostAsync("/api/v1/accounts", new { name, currency = "MYR", userEmail = email, password = World.Password });
        var api = App.Api(d.Str("apiKey"));
        var partnership = await api.PostAsync("/api/v1/partnerships", new { supplierAccountId = SupplierId });
        await Supplier.PostAsync($"/api/v1/partnerships/{partnership.Str("id")}/accept");
        await api.PostAsync("/api/v1/merchant-skus", new
        {
            code = "SHP-TS-RED-M",
            name = "Tee red M",
            supplierAccountId = SupplierId,
            components = new[] { new { supplierSkuCode = "TS-RED-M", quantity = 1 } },
        });
        return new Distributor(api, email);
    }

    /// <summary>A paid, shipped order of 2 × 45.00 with one unit returned (for <paramref name="reason"/>), approved and pushed.</summary>
    public async Task<Pushed> PushedReturnAsync(Distributor distributor, string reason = "Wrong size")
    {
        var orderNo = $"SO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var order = await distributor.Api.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = SupplierId,
            warehouseId = WarehouseId,
            platform = "Shopee",
            shopId = "shopee-my-01",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 2 } },
        });
        await Supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { });
        await Supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/payments", new { amount = 90m, method = "BankTransfer" });
        var afterSales = await distributor.Api.PostAsync("/api/v1/after-sales-orders", new
        {
            distributionOrderId = order.Str("id"),
            type = "ReturnAndRefund",
            reason,
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 1 } },
        });
        var approved = await distributor.Api.PostAsync($"/api/v1/after-sales-orders/{afterSales.Str("id")}/approve");
        var pushed = await distributor.Api.PostAsync($"/api/v1/distribution-returns/{approved.Str("distributionReturn.id")}/push");
        return new Pushed(orderNo, afterSales.Str("id"), pushed.Str("supplierReturnId"));
    }

    /// <summary>Stocks a pushed return in as good and refunds it to the customer balance.</summary>
    public async Task StockInAndRefundAsync(Pushed pushed)
    {
        await Supplier.PostAsync($"/api/v1/supplier/return-stock-ins/{pushed.SupplierReturnId}/stock-in", new
        {
            warehouseId = WarehouseId,
            lines = new[] { new { supplierSkuCode = "TS-RED-M", quantity = 1, condition = "Good" } },
        });
        await Supplier.PostAsync($"/api/v1/supplier/return-stock-ins/{pushed.SupplierReturnId}/refund-orders",
            new { exchangeAmount = 0m, method = "CustomerBalance" });
    }

    public static Task<IPage> LogInAsync(BrowserApp app, string email) => app.LoggedInPageAsync(email);
}
