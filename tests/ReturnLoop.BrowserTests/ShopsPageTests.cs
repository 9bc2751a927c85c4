using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>The Shops page in a real browser: a shop connected through its dialog, its secrets never shown, and "Sync now".</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ShopsPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_shop_connected_on_the_page_is_listed_without_its_secrets_and_a_failed_sync_shows_its_error()
    {
        var email = $"shops-{Guid.NewGuid():N}@example.com";
        var reply = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Kedai Ali Online", currency = "MYR", userEmail = email, password = World.Password });
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, email);
        await page.GotoAsync("/shops");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByText("No shops connected yet")).ToBeVisibleAsync();

        await page.GetByTestId("connect-shop").First.ClickAsync();
        await page.GetByTestId("shop-id-input").FillAsync("220004993");
        await page.GetByTestId("name").FillAsync("Kedai Ali Shopee");
        await page.GetByTestId("region").SelectOptionAsync("MY");
        // a partner id Shopee would never issue: the sync stops at once with an error, without any network call
        await page.GetByTestId("credential-partnerId").FillAsync("not-a-number");
        await page.GetByTestId("credential-partnerKey").FillAsync("browser-partner-key-secret");
        await page.GetByTestId("credential-accessToken").FillAsync("browser-access-token-secret");
        await page.GetByTestId("api-base-url").FillAsync("http://127.0.0.1:9");
        await page.GetByTestId("save-shop").ClickAsync();

        await Expect(page.GetByTestId("shop-id")).ToHaveTextAsync("220004993");
        await Expect(page.GetByTestId("last-sync")).ToHaveTextAsync("Never");
        await page.GetByTestId("sync-now").ClickAsync();
        await Expect(page.GetByTestId("last-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("last-sync")).Not.ToHaveTextAsync("Never");
        await BrowserApp.ScreenshotAsync(page, "shops");

        var content = await page.ContentAsync();
        Assert.DoesNotContain("browser-partner-key-secret", content, StringComparison.Ordinal);
        Assert.DoesNotContain("browser-access-token-secret", content, StringComparison.Ordinal);
        using var api = app.Api(reply.Str("apiKey"));
        var shops = await api.GetStringAsync("/api/v1/shops");
        Assert.Contains("Kedai Ali Shopee", shops, StringComparison.Ordinal);
        Assert.Contains("lastSyncError", shops, StringComparison.Ordinal);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
