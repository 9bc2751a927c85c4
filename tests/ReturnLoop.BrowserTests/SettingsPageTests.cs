using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>The settings pages in a real browser: an API key shown once and revoked; a webhook endpoint pinged from its page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_new_api_key_is_shown_once_works_and_stops_working_when_revoked()
    {
        var (page, _) = await SignedInAsync();
        await page.GotoAsync("/settings/api-keys");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("key-row-name")).ToHaveCountAsync(1); // the sign-up key

        await page.GetByTestId("key-name").FillAsync("Shopee sync");
        await page.GetByTestId("key-name").PressAsync("Enter");
        var dialog = page.GetByTestId("secret-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("shown only once");
        var secret = await page.GetByTestId("secret").InputValueAsync();
        Assert.StartsWith("rl_", secret);
        using (var api = app.Api(secret)) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await page.GetByTestId("secret-done").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.Locator("tr", new() { Has = page.GetByText("Shopee sync", new() { Exact = true }) });
        await Expect(row.GetByTestId("key-prefix")).ToHaveTextAsync(secret[..12] + "…");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByTestId("revoke-key").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(row.GetByTestId("key-status")).ToHaveAttributeAsync("data-status", "Revoked");
        await Expect(row.GetByTestId("revoke-key")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "api-keys");
        using (var api = app.Api(secret)) Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Rotating_a_key_shows_the_new_one_once_and_the_old_one_stops_working()
    {
        var (page, apiKey) = await SignedInAsync();
        await page.GotoAsync("/settings/api-keys");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

        await page.GetByTestId("rotate-key").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        var secret = await page.GetByTestId("secret").InputValueAsync();
        await page.GetByTestId("secret-done").ClickAsync();

        await Expect(page.GetByTestId("key-status")).ToHaveCountAsync(2);
        using (var api = app.Api(secret)) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        using (var api = app.Api(apiKey)) Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_webhook_endpoint_created_on_the_page_shows_its_ping_in_the_delivery_log()
    {
        using var receiver = new Receiver();
        var (page, _) = await SignedInAsync();
        await page.GotoAsync("/settings/webhooks");
        await Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("endpoint-url")).ToHaveCountAsync(0);

        // A URL that is not one is refused beside the field.
        await page.GetByTestId("new-endpoint").ClickAsync();
        await page.GetByTestId("url").FillAsync("not a url");
        await page.GetByTestId("save-endpoint").ClickAsync();
        await Expect(page.Locator("[data-field=url]")).ToBeVisibleAsync();

        await page.GetByTestId("url").FillAsync(receiver.Url);
        await page.GetByTestId("description").FillAsync("Our ERP");
        await page.GetByTestId("save-endpoint").ClickAsync();
        var secret = page.GetByTestId("secret-dialog");
        await Expect(secret).ToBeVisibleAsync();
        Assert.StartsWith("whsec_", await page.GetByTestId("secret").InputValueAsync());
        await page.GetByTestId("secret-done").ClickAsync();

        var row = page.Locator("tr", new() { Has = page.GetByTestId("endpoint-url") });
        await Expect(row.GetByTestId("endpoint-url")).ToHaveTextAsync(receiver.Url);
        await Expect(row.GetByTestId("endpoint-events")).ToHaveTextAsync("Every event");
        await BrowserApp.ScreenshotAsync(page, "webhooks");
        await row.GetByTestId("ping").ClickAsync();

        // The page moves on inside the circuit (no new document): wait for the address, then for what the page shows.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/settings/webhooks/[0-9a-z]+$"),
            new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Expect(page.GetByTestId("delivery-type")).ToHaveTextAsync("webhook.ping");
        await Expect(page.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("delivery-code")).ToHaveTextAsync("200");
        Assert.Contains("webhook.ping", receiver.Bodies.Single());

        // Redelivered: the same delivery goes out again.
        await page.GetByTestId("redeliver").ClickAsync();
        for (var i = 0; i < 300 && receiver.Bodies.Count < 2; i++) await Task.Delay(100);
        Assert.Equal(2, receiver.Bodies.Count);
        await Expect(page.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("redeliver")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "webhook-deliveries");
    }

    private async Task<(IPage Page, string ApiKey)> SignedInAsync()
    {
        var email = $"settings-{Guid.NewGuid():N}@example.com";
        var reply = await app.Api().PostAsync("/api/v1/accounts",
            new { name = "Kedai Ali Online", currency = "MYR", userEmail = email, password = World.Password });
        var page = await app.NewPageAsync();
        await app.LogInAsync(page, email);
        return (page, reply.Str("apiKey"));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>A webhook receiver on a loopback port that answers 200 to everything and keeps the bodies.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _bodies = [];

        public Receiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/hooks";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public IReadOnlyList<string> Bodies
        {
            get
            {
                lock (_bodies) return [.. _bodies];
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using (var reader = new StreamReader(context.Request.InputStream)) lock (_bodies) _bodies.Add(reader.ReadToEnd());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
