using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>Steps every page test takes: logging in through the login page, waiting for the live circuit.</summary>
public static class PageSteps
{
    /// <summary>Logs a user in on the login page and waits for the dashboard.</summary>
    public static async Task LogInAsync(this BrowserApp app, IPage page, string email, string password = World.Password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }

    /// <summary>A new page (its own browser context) of a logged-in user.</summary>
    public static async Task<IPage> LoggedInPageAsync(this BrowserApp app, string email)
    {
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, email);
        return page;
    }

    /// <summary>A page is prerendered first: clicks count once its circuit is live.</summary>
    public static Task InteractiveAsync(IPage page) => Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
}
