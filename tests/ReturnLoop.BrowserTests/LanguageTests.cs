using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReturnLoop.Data;

using static ReturnLoop.BrowserTests.PageSteps;

namespace ReturnLoop.BrowserTests;

/// <summary>
/// The language follows the user, not the browser: a choice made in one browser is stored on the user and applied
/// at login in any other; money keeps its currency's decimals in each language. And the manners of the first pages:
/// the keyboard alone is enough, and Escape backs out of an irreversible action.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class LanguageTests(BrowserApp app)
{
    [Fact]
    public async Task Bahasa_Indonesia_follows_the_user_to_a_new_browser_and_not_to_other_users()
    {
        var (supplierEmail, distributorEmail, orderNo) = await IdrReturnPushedAsync();

        // browser 1, English (its Accept-Language): the rupiah amount has no decimals
        var first = await app.NewPageAsync();
        await app.LogInAsync(first, supplierEmail);
        await first.GotoAsync("/supplier/return-stock-ins");
        await InteractiveAsync(first);
        var row = first.Locator("tr", new() { Has = first.GetByText(orderNo, new() { Exact = true }) });
        await Expect(row.GetByTestId("estimated-refund")).ToHaveTextAsync("IDR 150,000");

        await first.GetByTestId("language").GetByRole(AriaRole.Button).ClickAsync();
        await first.Locator("[data-culture=id]").ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Retur & Stok Masuk – BigShop" })).ToBeVisibleAsync();
        await Expect(row.GetByTestId("estimated-refund")).ToHaveTextAsync("IDR 150.000");
        await BrowserApp.ScreenshotAsync(first, "supplier-return-stock-ins-id");
        Assert.Equal("id", await StoredLanguageAsync(supplierEmail));

        await InteractiveAsync(first);
        await first.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync(); // log out, in Bahasa Indonesia
        await first.WaitForURLAsync(app.BaseUrl + "/login");
        await first.Context.CloseAsync();

        // browser 2: no cookie of its own and an English Accept-Language, yet the menu is in Bahasa Indonesia after login
        var second = await app.NewPageAsync();
        await second.GotoAsync("/login");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Log in to your account" })).ToBeVisibleAsync();
        await app.LogInAsync(second, supplierEmail);
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Dasbor" })).ToBeVisibleAsync();
        var menu = second.Locator(".mud-navmenu");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Retur & Stok Masuk – BigShop" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Pesanan Distribusi" })).ToBeVisibleAsync();
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await second.GotoAsync("/supplier/return-stock-ins");
        await InteractiveAsync(second);
        var again = second.Locator("tr", new() { Has = second.GetByText(orderNo, new() { Exact = true }) });
        await Expect(again.GetByTestId("estimated-refund")).ToHaveTextAsync("IDR 150.000");

        // another user, in a third browser, still sees English
        var other = await app.NewPageAsync();
        await app.LogInAsync(other, distributorEmail);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = "Distribution Orders" })).ToBeVisibleAsync();
        await Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Null(await StoredLanguageAsync(distributorEmail));
    }

    [Fact]
    public async Task The_login_page_language_is_the_browser_choice_until_a_user_logs_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk ke akun Anda" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" })).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task The_keyboard_alone_creates_an_after_sales_order_and_Escape_keeps_it_from_being_cancelled()
    {
        var w = await World.CreateAsync(app);
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
        await w.Supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { });
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, w.DistributorEmail);
        await page.GotoAsync("/after-sales-orders/new");
        await InteractiveAsync(page);

        var number = Input(page, "order-no-input");
        await number.FillAsync(orderNo);
        await number.PressAsync("Enter");                                    // Enter looks the order up
        await Expect(page.GetByTestId("found-order")).ToContainTextAsync("SHP-TS-RED-M");
        var reason = Input(page, "reason");
        await reason.FillAsync("Wrong size");
        await reason.PressAsync("Enter");                                    // Enter in the form creates
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ToConfirm");
        await InteractiveAsync(page);

        await page.GetByTestId("cancel").ClickAsync();
        await Expect(page.GetByTestId("cancel-confirm")).ToBeVisibleAsync(); // irreversible: asked first
        await Expect(page.Locator(".mud-dialog:focus-within")).ToHaveCountAsync(1); // the focus moved into the dialog
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("cancel-confirm")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "ToConfirm");
    }

    private async Task<string?> StoredLanguageAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync();
    }

    /// <summary>A supplier in IDR (no decimals) with one pushed return of 1 × 150,000 on a fully paid order.</summary>
    private async Task<(string SupplierEmail, string DistributorEmail, string OrderNo)> IdrReturnPushedAsync()
    {
        var supplierEmail = $"toko-{Guid.NewGuid():N}@example.com";
        var distributorEmail = $"kedai-{Guid.NewGuid():N}@example.com";
        var s = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Toko Grosir Jakarta", currency = "IDR", userEmail = supplierEmail, password = World.Password });
        var d = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Kedai Bandung", currency = "IDR", userEmail = distributorEmail, password = World.Password });
        var supplier = app.Api(s.Str("apiKey"));
        var distributor = app.Api(d.Str("apiKey"));
        var supplierId = s.Str("account.id");
        var partnership = await distributor.PostAsync("/api/v1/partnerships", new { supplierAccountId = supplierId });
        await supplier.PostAsync($"/api/v1/partnerships/{partnership.Str("id")}/accept");
        var warehouseId = (await supplier.PostAsync("/api/v1/warehouses", new { code = "JKT", name = "Jakarta DC", kind = "Own" }))
            .Str("id");
        await supplier.PostAsync("/api/v1/skus",
            new { code = "BT-HIJ-M", name = "Batik hijau M", costPrice = 90000m, distributionPrice = 150000m });
        await supplier.PostAsync("/api/v1/inventory/adjustments",
            new { warehouseId, skuCode = "BT-HIJ-M", quantity = 100, reason = "opening" });
        await distributor.PostAsync("/api/v1/merchant-skus", new
        {
            code = "TKP-BT-HIJ-M",
            name = "Batik hijau M",
            supplierAccountId = supplierId,
            components = new[] { new { supplierSkuCode = "BT-HIJ-M", quantity = 1 } },
        });
        var orderNo = $"TK-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var order = await distributor.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = supplierId,
            warehouseId,
            platform = "TikTok",
            shopId = "tiktok-id-01",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = "TKP-BT-HIJ-M", quantity = 2 } },
        });
        await supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { });
        await supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/payments",
            new { amount = 300000m, method = "BankTransfer" });
        var afterSales = await distributor.PostAsync("/api/v1/after-sales-orders", new
        {
            distributionOrderId = order.Str("id"),
            type = "ReturnAndRefund",
            reason = "Salah ukuran",
            lines = new[] { new { merchantSkuCode = "TKP-BT-HIJ-M", quantity = 1 } },
        });
        var approved = await distributor.PostAsync($"/api/v1/after-sales-orders/{afterSales.Str("id")}/approve");
        await distributor.PostAsync($"/api/v1/distribution-returns/{approved.Str("distributionReturn.id")}/push");
        return (supplierEmail, distributorEmail, orderNo);
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
