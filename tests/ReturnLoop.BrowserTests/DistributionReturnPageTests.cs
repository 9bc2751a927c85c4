using Microsoft.Playwright;

using static ReturnLoop.BrowserTests.PageSteps;

namespace ReturnLoop.BrowserTests;

/// <summary>The seller's pages in a real browser: sign-up, login, Return &amp; Stock-in – Distribution, the language switch.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class DistributionReturnPageTests(BrowserApp app)
{
    [Fact]
    public async Task Sign_up_through_the_page_lands_on_the_dashboard()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Account name", new() { Exact = true }).FillAsync("Kedai Baru");
        await page.GetByLabel("Currency").SelectOptionAsync("IDR");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"owner-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.Locator("[data-field=password]")).ToHaveTextAsync("Use 8 to 200 characters."); // beside its field

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        await page.WaitForURLAsync(app.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync("Kedai Baru");
        await BrowserApp.ScreenshotAsync(page, "dashboard");
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message()
    {
        var w = await World.CreateAsync(app);
        var page = await app.NewPageAsync();
        await LogInAsync(page, w.DistributorEmail, "not the password", expectSuccess: false);
        var wrongPassword = await page.GetByTestId("login-error").TextContentAsync();
        await LogInAsync(page, "nobody-" + w.DistributorEmail, World.Password, expectSuccess: false);
        Assert.Equal(wrongPassword, await page.GetByTestId("login-error").TextContentAsync());
    }

    [Fact]
    public async Task Distributor_pushes_two_returns_sees_a_result_per_row_and_the_counts_move_live()
    {
        var w = await World.CreateAsync(app);
        var first = await w.ReturnToPushAsync();
        var second = await w.ReturnToPushAsync();
        var third = await w.ReturnToPushAsync();
        var page = await app.NewPageAsync();
        await LogInAsync(page, w.DistributorEmail, World.Password);

        await page.GotoAsync("/distribution-returns");
        await InteractiveAsync(page);
        await Expect(Count(page, "ToPush")).ToHaveTextAsync("3");
        await SelectAsync(page, first.OrderNo);
        await SelectAsync(page, second.OrderNo);
        await Expect(page.GetByTestId("selected-count")).ToHaveTextAsync("2 selected");
        await page.GetByTestId("push").ClickAsync();

        var results = page.GetByTestId("push-result");
        await Expect(results).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=push-result][data-ok=true]")).ToHaveCountAsync(2);
        await Expect(results.Filter(new() { HasText = first.OrderNo })).ToHaveCountAsync(1);
        await Expect(Count(page, "ToPush")).ToHaveTextAsync("1");
        await Expect(Count(page, "Pushed")).ToHaveTextAsync("2");
        await BrowserApp.ScreenshotAsync(page, "distribution-returns");

        // the third is pushed elsewhere (the API, another user): the open page follows without a reload
        await w.Distributor.PostAsync($"/api/v1/distribution-returns/{third.ReturnId}/push");
        await Expect(Count(page, "ToPush")).ToHaveTextAsync("0");
        await Expect(Count(page, "Pushed")).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task A_failed_push_shows_its_reason_and_Bahasa_Indonesia_changes_the_words()
    {
        var w = await World.CreateAsync(app);
        var old = await w.ReturnToPushAsync(shippedAt: DateTimeOffset.UtcNow.AddDays(-91));
        var page = await app.NewPageAsync();
        await LogInAsync(page, w.DistributorEmail, World.Password);

        await page.GotoAsync("/distribution-returns");
        await InteractiveAsync(page);
        await SelectAsync(page, old.OrderNo);
        await page.GetByTestId("push").ClickAsync();

        await Expect(page.Locator("[data-testid=push-result][data-ok=false]")).ToContainTextAsync("more than 90 days ago");
        await Expect(Count(page, "PushFailed")).ToHaveTextAsync("1");
        await page.Locator("[role=tab][data-status=PushFailed]").ClickAsync();
        await Expect(page.GetByTestId("failure")).ToContainTextAsync("more than 90 days ago");
        await Expect(page.GetByTestId("push")).ToHaveTextAsync("Re-push");

        await page.GetByTestId("language").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByText("Bahasa Indonesia").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Retur & Stok Masuk – Distribusi" })).ToBeVisibleAsync();
        await InteractiveAsync(page);
        await Expect(page.Locator("[role=tab][data-status=PushFailed] .rl-tab-label")).ToHaveTextAsync("Gagal Didorong");
        await page.Locator("[role=tab][data-status=PushFailed]").ClickAsync();
        await Expect(page.GetByTestId("failure")).ToContainTextAsync("lebih dari 90 hari");
        await BrowserApp.ScreenshotAsync(page, "distribution-returns-id");
    }

    private static ILocator Count(IPage page, string status) => page.Locator($"[role=tab][data-status={status}] .rl-tab-count");

    private static async Task SelectAsync(IPage page, string orderNo) =>
        await page.Locator("tr", new() { Has = page.GetByText(orderNo, new() { Exact = true }) }).Locator("input[type=checkbox]")
            .CheckAsync(new() { Force = true });

    private async Task LogInAsync(IPage page, string email, string password, bool expectSuccess = true)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        if (expectSuccess) await page.WaitForURLAsync(app.BaseUrl + "/");
        else await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
