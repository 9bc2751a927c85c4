using Microsoft.Playwright;
using MiniExcelLibs;

namespace ReturnLoop.BrowserTests;

/// <summary>A list exported from the page: the browser downloads a workbook with the rows of the active tab.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportTests(BrowserApp app)
{
    [Fact]
    public async Task Excel_export_of_the_to_push_tab_downloads_a_workbook_with_its_rows()
    {
        var w = await World.CreateAsync(app);
        var (first, _) = await w.ReturnToPushAsync();
        var (second, _) = await w.ReturnToPushAsync();
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, w.DistributorEmail);
        await page.GotoAsync("/distribution-returns");
        await Assertions.Expect(page.GetByTestId("order-no")).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.Matches(@"^distribution-returns-\d{8}-\d{4}\.xlsx$", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        var rows = (await file.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal([second, first], rows.Select(r => r["Order No."]?.ToString())); // newest first, as on the page
        Assert.All(rows, r => Assert.Equal("To Push", r["Status"]));
        Assert.All(rows, r => Assert.Equal("Toko Grosir Supplier", r["Supplier"]));
        Assert.Empty(app.CspViolations(page)); // the download (a blob) works under the Content Security Policy
    }

    [Fact]
    public async Task Csv_export_takes_the_active_tab()
    {
        var w = await World.CreateAsync(app);
        await w.ReturnToPushAsync();
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, w.DistributorEmail);
        await page.GotoAsync("/distribution-returns");
        await Assertions.Expect(page.GetByTestId("order-no")).ToHaveCountAsync(1); // the circuit is live: rows are loaded
        await page.Locator("[role=tab][data-status=Pushed]").ClickAsync();
        await Assertions.Expect(page.Locator("[role=tab][data-status=Pushed]")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByTestId("order-no")).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.Single(lines); // the header alone: the Pushed tab is empty
        Assert.StartsWith("Order No.,", lines[0]);
    }
}
