using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Webhooks;

/// <summary>
/// The app for webhook tests: receivers on 127.0.0.1 allowed, retries a fifth of a second apart, a short poll and
/// attempt timeout, so a test of the whole retry schedule takes a second or two. Shared per provider like AppFactory.For.
/// </summary>
public static class WebhookApps
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetryDelays"] = "00:00:00.2, 00:00:00.2, 00:00:00.2",
        ["Webhooks:PollInterval"] = "00:00:00.1",
        ["Webhooks:AttemptTimeout"] = "00:00:02",
        ["Webhooks:Lease"] = "00:00:30",
    };

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<AppFactory>> Shared = new();

    public static AppFactory For(DatabaseProvider provider) =>
        Shared.GetOrAdd(provider, p => new Lazy<AppFactory>(() =>
            AppFactory.Started(AppFactory.Isolated(p, settings: Settings.ToDictionary())))).Value;
}

/// <summary>A second instance of the app on another app's database: two workers competing for the same outbox.</summary>
public sealed class SecondInstance(AppFactory first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", first.Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", first.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in WebhookApps.Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(TestDatabases.FastPasswordHashing);
    }

    public Api Client(string apiKey)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return new Api(http);
    }
}
