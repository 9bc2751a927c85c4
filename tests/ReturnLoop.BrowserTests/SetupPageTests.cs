using Microsoft.Playwright;

using static ReturnLoop.BrowserTests.PageSteps;

namespace ReturnLoop.BrowserTests;

/// <summary>
/// The set-up pages in a real browser: a new supplier and a new distributor go from nothing to partnered by clicking —
/// warehouse, SKUs, opening stock, application with the supplier's id, acceptance (seen live), a combo merchant SKU.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SetupPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_new_supplier_and_a_new_distributor_go_from_nothing_to_partnered_by_clicking()
    {
        var supplierEmail = await SignUpAsync("Toko Grosir Supplier");
        var distributorEmail = await SignUpAsync("Kedai Ali Online");
        var supplier = await app.NewPageAsync();
        await app.LogInAsync(supplier, supplierEmail);

        // the supplier's warehouse: a missing code is refused beside its field, then it is added
        await supplier.GotoAsync("/warehouses");
        await InteractiveAsync(supplier);
        await Expect(supplier.GetByText("No warehouse yet")).ToBeVisibleAsync();
        await supplier.GetByTestId("new-warehouse").ClickAsync();
        var warehouseForm = supplier.GetByTestId("warehouse-form");
        await warehouseForm.GetByTestId("name").FillAsync("Kuala Lumpur DC");
        await supplier.GetByTestId("save-warehouse").ClickAsync();
        await Expect(warehouseForm.Locator("[data-field=code]")).ToHaveTextAsync("Required.");
        await warehouseForm.GetByLabel("Code").FillAsync("KL");
        await warehouseForm.GetByLabel("Kind").SelectOptionAsync("Own");
        await supplier.GetByTestId("save-warehouse").ClickAsync();
        await Expect(supplier.GetByTestId("warehouse-code")).ToHaveTextAsync("KL");
        await Expect(supplier.GetByTestId("warehouse-kind")).ToHaveTextAsync("Own");
        await Expect(supplier.GetByTestId("warehouse-status")).ToHaveTextAsync("Open");
        await BrowserApp.ScreenshotAsync(supplier, "warehouses");

        // two SKUs with their prices in the account's currency
        await supplier.GotoAsync("/skus");
        await InteractiveAsync(supplier);
        await AddSkuAsync(supplier, "TS-RED-M", "Tee red M", "20", "45");
        await AddSkuAsync(supplier, "TS-BLUE-M", "Tee blue M", "18", "40.5");
        await Expect(SkuRow(supplier, "TS-RED-M").GetByTestId("distribution-price")).ToHaveTextAsync("MYR 45.00");
        await Expect(SkuRow(supplier, "TS-BLUE-M").GetByTestId("distribution-price")).ToHaveTextAsync("MYR 40.50");
        await BrowserApp.ScreenshotAsync(supplier, "skus");

        // opening stock; a count that would go below 0 is refused beside the quantity, a smaller one is taken
        await supplier.GotoAsync("/stock");
        await InteractiveAsync(supplier);
        await AdjustAsync(supplier, null, "TS-RED-M", "50", "opening stock");
        await Expect(StockRow(supplier, "TS-RED-M").GetByTestId("on-hand")).ToHaveTextAsync("50");
        await AdjustAsync(supplier, null, "TS-BLUE-M", "30", "opening stock");
        await Expect(StockRow(supplier, "TS-BLUE-M").GetByTestId("on-hand")).ToHaveTextAsync("30");
        await StockRow(supplier, "TS-RED-M").GetByTestId("row-adjust").ClickAsync();
        var adjust = supplier.GetByTestId("adjust-form");
        await adjust.GetByTestId("adjust-quantity").FillAsync("-60");
        await supplier.GetByTestId("save-adjustment").ClickAsync();
        await Expect(adjust.Locator("[data-field=quantity]")).ToContainTextAsync("cannot go below 0");
        await adjust.GetByTestId("adjust-quantity").FillAsync("-5");
        await adjust.GetByTestId("adjust-reason").FillAsync("stock count");
        await supplier.GetByTestId("save-adjustment").ClickAsync();
        await Expect(StockRow(supplier, "TS-RED-M").GetByTestId("on-hand")).ToHaveTextAsync("45");
        await BrowserApp.ScreenshotAsync(supplier, "stock");

        // the distributor applies with the id the supplier's page shows
        await supplier.GotoAsync("/partnerships");
        await InteractiveAsync(supplier);
        var supplierId = (await supplier.GetByTestId("my-account-id").TextContentAsync())!.Trim();
        var distributor = await app.NewPageAsync();
        await app.LogInAsync(distributor, distributorEmail);
        await distributor.GotoAsync("/partnerships");
        await InteractiveAsync(distributor);
        await distributor.GetByTestId("supplier-id").FillAsync(supplierId);
        await Expect(distributor.GetByTestId("supplier-found")).ToHaveTextAsync("Supplier: Toko Grosir Supplier");
        await distributor.GetByTestId("apply").ClickAsync();
        await Expect(Count(distributor, "Pending")).ToHaveTextAsync("1");
        await Expect(distributor.GetByTestId("partner")).ToHaveTextAsync("Toko Grosir Supplier");

        // the supplier accepts: the distributor's open page follows without a reload
        await Expect(Count(supplier, "Pending")).ToHaveTextAsync("1");
        await Expect(supplier.GetByTestId("partner")).ToHaveTextAsync("Kedai Ali Online");
        await supplier.GetByTestId("accept").ClickAsync();
        await Expect(Count(supplier, "Active")).ToHaveTextAsync("1");
        await Expect(Count(distributor, "Active")).ToHaveTextAsync("1");
        await Expect(Count(distributor, "Pending")).ToHaveTextAsync("0");
        await distributor.Locator("[role=tab][data-status=Active]").ClickAsync();
        await Expect(distributor.GetByTestId("partnership-status")).ToHaveTextAsync("Active");
        await BrowserApp.ScreenshotAsync(distributor, "partnerships");

        // a combo merchant SKU of two of the supplier's SKUs
        await distributor.GotoAsync("/merchant-skus");
        await InteractiveAsync(distributor);
        await Expect(distributor.GetByText("No merchant SKU yet")).ToBeVisibleAsync();
        await distributor.GetByTestId("new-merchant-sku").ClickAsync();
        var editor = distributor.GetByTestId("merchant-sku-editor");
        await editor.GetByTestId("code").FillAsync("SHP-TEE-DUO");
        await editor.GetByTestId("name").FillAsync("Tee duo red + blue");
        await Expect(editor.GetByTestId("supplier")).ToHaveValueAsync(supplierId);
        await editor.GetByTestId("component-sku").FillAsync("TS-RED-M");
        await editor.GetByTestId("add-component").ClickAsync();
        await editor.GetByTestId("component-sku").Nth(1).FillAsync("TS-BLUE-M");
        await editor.GetByTestId("component-qty").Nth(1).FillAsync("2");
        await Expect(editor.GetByTestId("sku-kind")).ToHaveTextAsync("Combo");
        await editor.GetByTestId("save-merchant-sku").ClickAsync();
        await Expect(distributor.GetByTestId("merchant-sku-kind")).ToHaveTextAsync("Combo");
        await Expect(distributor.GetByTestId("merchant-sku-components")).ToHaveTextAsync("TS-RED-M × 1 + TS-BLUE-M × 2");
        await BrowserApp.ScreenshotAsync(distributor, "merchant-skus");

        // what the supplier can ship of the combo: 45 red and 30 blue make 15 sets
        await distributor.GotoAsync("/stock");
        await InteractiveAsync(distributor);
        await Expect(distributor.GetByTestId("distribution-sku")).ToHaveTextAsync("SHP-TEE-DUO");
        await Expect(distributor.GetByTestId("available")).ToHaveTextAsync("15");

        // the supplier's ledger of the SKU: the opening stock and the count, newest first
        await supplier.GotoAsync("/stock");
        await InteractiveAsync(supplier);
        await StockRow(supplier, "TS-RED-M").GetByTestId("row-movements").ClickAsync();
        await supplier.WaitForURLAsync(url => url.Contains("/stock/movements?skuCode=TS-RED-M", StringComparison.Ordinal));
        await Expect(supplier.GetByTestId("movement-quantity")).ToHaveTextAsync(["-5", "+50"]);
        await Expect(supplier.GetByTestId("movement-after")).ToHaveTextAsync(["45", "50"]);
        await Expect(supplier.GetByTestId("movement-reason")).ToHaveTextAsync(["Adjustment", "Adjustment"]);
        await Expect(supplier.GetByTestId("movement-note")).ToHaveTextAsync(["– stock count", "– opening stock"]);
        await BrowserApp.ScreenshotAsync(supplier, "stock-movements");

        // terminating asks first and says what it means; the supplier's open page follows
        await supplier.GotoAsync("/partnerships");
        await InteractiveAsync(supplier);
        await Expect(Count(supplier, "Active")).ToHaveTextAsync("1");
        await distributor.GotoAsync("/partnerships");
        await InteractiveAsync(distributor);
        await distributor.GetByTestId("terminate").ClickAsync();
        await Expect(distributor.GetByTestId("terminate-explained")).ToContainTextAsync("new distribution orders can no longer be created");
        await distributor.GetByTestId("terminate-keep").ClickAsync();
        await Expect(Count(distributor, "Active")).ToHaveTextAsync("1");
        await distributor.GetByTestId("terminate").ClickAsync();
        await distributor.GetByTestId("terminate-confirm").ClickAsync();
        await Expect(Count(distributor, "Terminated")).ToHaveTextAsync("1");
        await Expect(Count(supplier, "Terminated")).ToHaveTextAsync("1");
        await Expect(Count(supplier, "Active")).ToHaveTextAsync("0");
    }

    private static async Task AddSkuAsync(IPage page, string code, string name, string cost, string price)
    {
        await page.GetByTestId("new-sku").ClickAsync();
        var form = page.GetByTestId("sku-form");
        await form.GetByTestId("code").FillAsync(code);
        await form.GetByTestId("name").FillAsync(name);
        await form.GetByTestId("cost-price-input").FillAsync(cost);
        await form.GetByTestId("distribution-price-input").FillAsync(price);
        await form.GetByTestId("distribution-price-input").PressAsync("Enter"); // Enter submits the form
        await Expect(SkuRow(page, code)).ToHaveCountAsync(1);
    }

    private static async Task AdjustAsync(IPage page, string? warehouse, string sku, string quantity, string reason)
    {
        await page.GetByTestId("adjust-stock").First.ClickAsync();
        var form = page.GetByTestId("adjust-form");
        var label = warehouse ?? "KL – Kuala Lumpur DC";
        await form.GetByTestId("adjust-warehouse").SelectOptionAsync(new SelectOptionValue { Label = label });
        await form.GetByTestId("adjust-sku").SelectOptionAsync(sku);
        await form.GetByTestId("adjust-quantity").FillAsync(quantity);
        await form.GetByTestId("adjust-reason").FillAsync(reason);
        await page.GetByTestId("save-adjustment").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
    }

    private static ILocator SkuRow(IPage page, string code) =>
        page.Locator("tr", new() { Has = page.GetByTestId("sku-code").GetByText(code, new() { Exact = true }) });

    private static ILocator StockRow(IPage page, string code) =>
        page.Locator("tr", new() { Has = page.GetByTestId("stock-sku").GetByText(code, new() { Exact = true }) });

    private static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    /// <summary>A new account signed up through the API, as World does: its login email.</summary>
    private async Task<string> SignUpAsync(string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await app.Api().PostAsync("/api/v1/accounts", new { name, currency = "MYR", userEmail = email, password = World.Password });
        return email;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
