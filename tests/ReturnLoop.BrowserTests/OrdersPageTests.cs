using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>
/// Distribution orders in a real browser, both sides: the distributor creates an order by clicking, the supplier ships it
/// and records a bank-transfer payment, and the distributor's open detail page follows without a reload.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class OrdersPageTests(BrowserApp app)
{
    [Fact]
    public async Task Distributor_creates_an_order_supplier_ships_and_records_a_payment_and_the_distributor_sees_it_live()
    {
        var (supplierEmail, distributorEmail) = await PartnersAsync();
        var orderNo = $"SO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

        // The distributor creates the order: one supplier and one warehouse are chosen for it.
        var distributor = await LogInAsync(distributorEmail);
        await distributor.GotoAsync("/distribution-orders/new");
        await Expect(distributor.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(distributor.GetByTestId("warehouse")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await distributor.GetByTestId("platform").SelectOptionAsync(new SelectOptionValue { Label = "Shopee" });
        await distributor.GetByTestId("shop-id").FillAsync("shopee-my-01");
        await distributor.GetByTestId("order-no").FillAsync(orderNo);
        await distributor.GetByTestId("line-sku").SelectOptionAsync(new SelectOptionValue { Label = "SHP-TS-RED-M – Tee red M" });
        await distributor.GetByTestId("line-qty").FillAsync("2");
        await distributor.GetByTestId("create").ClickAsync();

        await distributor.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/distribution-orders/[0-9a-z]+$"));
        await Expect(distributor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Created");
        await Expect(distributor.GetByTestId("line")).ToHaveCountAsync(1);
        await Expect(distributor.GetByTestId("ship")).ToHaveCountAsync(0); // only the supplier ships

        // The supplier finds it in To Ship and ships it at the SKU's distribution price.
        var supplier = await LogInAsync(supplierEmail);
        await supplier.GotoAsync("/distribution-orders");
        await Expect(supplier.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(supplier.Locator("[role=tab][data-status=Created] .rl-tab-count")).ToHaveTextAsync("1");
        var row = supplier.Locator("tr", new() { Has = supplier.GetByText(orderNo, new() { Exact = true }) });
        await Expect(row.GetByTestId("side")).ToHaveTextAsync("From Kedai Ali Online");
        await BrowserApp.ScreenshotAsync(supplier, "distribution-orders");
        await row.GetByTestId("order-no").ClickAsync();

        await Expect(supplier.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await supplier.GetByTestId("ship").ClickAsync();
        await supplier.GetByTestId("confirm-ship").ClickAsync();
        await Expect(supplier.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Shipped");
        await Expect(supplier.GetByTestId("stock-out")).ToHaveTextAsync("MYR 90.00");
        await Expect(supplier.GetByTestId("unit-price")).ToHaveTextAsync("MYR 45.00");

        // The distributor's open page follows the shipment by itself.
        await Expect(distributor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "Shipped");
        await Expect(distributor.GetByTestId("unsettled")).ToHaveTextAsync("MYR 90.00");

        // A bank-transfer payment of part of it.
        await supplier.GetByTestId("record-payment").ClickAsync();
        var dialog = supplier.GetByTestId("payment-dialog");
        await dialog.GetByTestId("payment-amount").FillAsync("50");
        await dialog.GetByText("Bank Transfer").ClickAsync();
        await supplier.GetByTestId("confirm-payment").ClickAsync();
        await Expect(supplier.GetByTestId("settled")).ToHaveTextAsync("MYR 50.00");
        await Expect(supplier.GetByTestId("payment")).ToHaveAttributeAsync("data-method", "BankTransfer");
        await BrowserApp.ScreenshotAsync(supplier, "distribution-order-detail");

        await Expect(distributor.GetByTestId("settled")).ToHaveTextAsync("MYR 50.00");
        await Expect(distributor.GetByTestId("unsettled")).ToHaveTextAsync("MYR 40.00");
        await Expect(distributor.GetByTestId("payment")).ToHaveCountAsync(1);
        await Expect(distributor.GetByTestId("shipped-at").Locator("time")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_line_without_a_sku_is_refused_beside_its_row()
    {
        var (_, distributorEmail) = await PartnersAsync();
        var distributor = await LogInAsync(distributorEmail);
        await distributor.GotoAsync("/distribution-orders/new");
        await Expect(distributor.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await distributor.GetByTestId("line-sku").SelectOptionAsync(new SelectOptionValue { Label = "SHP-TS-RED-M – Tee red M" });
        await distributor.GetByTestId("add-line").ClickAsync();
        await distributor.GetByTestId("create").ClickAsync();

        var second = distributor.GetByTestId("line-input").Nth(1);
        await Expect(second.Locator("[data-field='lines[1].merchantSkuCode']")).ToHaveTextAsync("Required.");
        await Expect(distributor.GetByTestId("line-input").Nth(0).Locator(".rl-field-error")).ToHaveCountAsync(0);
        Assert.EndsWith("/distribution-orders/new", distributor.Url);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private Task<IPage> LogInAsync(string email) => app.LoggedInPageAsync(email);

    /// <summary>
    /// A supplier with one warehouse and a SKU at 45.00 in stock, and a distributor in partnership with a merchant SKU over it.
    /// </summary>
    private async Task<(string SupplierEmail, string DistributorEmail)> PartnersAsync()
    {
        var supplierEmail = $"supplier-{Guid.NewGuid():N}@example.com";
        var distributorEmail = $"distributor-{Guid.NewGuid():N}@example.com";
        var s = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Toko Grosir Supplier", currency = "MYR", userEmail = supplierEmail, password = World.Password });
        var d = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Kedai Ali Online", currency = "MYR", userEmail = distributorEmail, password = World.Password });
        var supplier = app.Api(s.Str("apiKey"));
        var distributor = app.Api(d.Str("apiKey"));
        var supplierId = s.Str("account.id");
        var partnership = await distributor.PostAsync("/api/v1/partnerships", new { supplierAccountId = supplierId });
        await supplier.PostAsync($"/api/v1/partnerships/{partnership.Str("id")}/accept");
        var warehouseId = (await supplier.PostAsync("/api/v1/warehouses", new { code = "KL", name = "Kuala Lumpur DC", kind = "Own" }))
            .Str("id");
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
        return (supplierEmail, distributorEmail);
    }
}
