using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ReturnLoop.BrowserTests;

/// <summary>
/// The real app on a real loopback port (Kestrel inside this process) over a temp SQLite file, and Debian's Chromium
/// driven by Playwright. Playwright's own browser download is never used: <c>./build.sh test</c> installs chromium.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"returnloop-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public BrowserApp() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Where the tests write their screenshots: artifacts/screenshots (ignored by git); with
    /// RETURNLOOP_UPDATE_SCREENSHOTS=true, docs/screenshots, the README's pictures, so a run changes no tracked file.
    /// </summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        var connection = new SqliteConnectionStringBuilder { DataSource = _database, DefaultTimeout = 60 }.ToString();
        builder.UseSetting("ConnectionStrings:ReturnLoop", connection);
        builder.UseSetting("Demo:Seed", "false");
        // The app's information logs (every API key challenge) buried a failure's message in CI's output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:SignUpPerMinute", "1000000"); // every test signs up from this one address
        builder.UseSetting("RateLimits:LoginPerMinute", "1000000");
        // The webhook settings test delivers a ping to a receiver on loopback, as the webhook integration tests do.
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        // 1,000 PBKDF2 iterations instead of the product's 100,000: every test signs up and logs in (the integration tests'
        // TestDatabases.FastPasswordHashing says why).
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        await WarmUpAsync();
    }

    /// <summary>
    /// A new app compiles its login page, dashboard and live circuit on first use: beside the other collection's app
    /// starting on the same two cores, that first login took longer than a test's 15-s steps. One login here takes it.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var email = $"warm-up-{Guid.NewGuid():N}@example.com";
        await Api().PostAsync("/api/v1/accounts", new { name = "Warm-up", currency = "MYR", userEmail = email, password = World.Password });
        var page = await NewPageAsync();
        page.Context.SetDefaultTimeout(120_000);
        await this.LogInAsync(page, email);
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await page.Context.CloseAsync();
    }

    public new async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_database) + "*")) File.Delete(file);
    }

    /// <summary>A fresh browser (its own cookies), English unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = 1280, Height = 720 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var violations = _cspViolations.GetOrCreateValue(page);
        // The browser reports what the Content Security Policy blocked on its console: a page that needs more than the
        // policy allows would break for real users, so tests check the list stays empty.
        page.Console += (_, message) =>
        {
            if (!message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) return;
            lock (violations) violations.Add(message.Text);
        };
        return page;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> _cspViolations = new();

    /// <summary>What the Content Security Policy blocked on this page so far.</summary>
    public IReadOnlyList<string> CspViolations(IPage page)
    {
        var violations = _cspViolations.GetOrCreateValue(page);
        lock (violations) return violations.ToList();
    }

    /// <summary>An API client on the real port, with an account's API key.</summary>
    public HttpClient Api(string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });

    private static string FindScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReturnLoop.slnx"))) dir = dir.Parent;
        var updateDocs = Environment.GetEnvironmentVariable("RETURNLOOP_UPDATE_SCREENSHOTS") == "true";
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), updateDocs ? "docs" : "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>
/// The browser tests run in two collections side by side, each with its own app and Chromium: one browser leaves the second
/// core idle most of the time (a page waits for the server, the server for the page). Every test signs up its own
/// accounts, so the two halves could share nothing even if they tried. The classes are split by their running time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <inheritdoc cref="BrowserCollection"/>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser-2";
}

/// <summary>JSON over HTTP for setting up data through the API, as a seller's integration would.</summary>
public static class Json
{
    public static async Task<JsonNode> PostAsync(this HttpClient http, string url, object? body = null)
    {
        using var response = await http.PostAsync(url, body is null ? null : JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public static string Str(this JsonNode node, string path) =>
        path.Split('.').Aggregate(node, (n, p) => n[p] ?? throw new InvalidOperationException($"No {path} in {node}")).GetValue<string>();
}
