using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ReturnLoop.Data;

namespace ReturnLoop.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP on a real database: a SQLite file, or a fresh database in the PostgreSQL cluster that
/// ./build.sh test starts (RETURNLOOP_TEST_POSTGRES). One shared app per provider serves most tests; every test
/// signs up its own accounts, so tests never see each other's data — tenant isolation at work.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "RETURNLOOP_TEST_POSTGRES";

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<AppFactory>> Shared = new();

    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _environment;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The app's file store (payment proofs): a folder of its own in the temp folder, never the source tree.</summary>
    public string StoragePath { get; } = Path.Combine(Path.GetTempPath(), $"returnloop-files-{Guid.NewGuid():N}");

    private AppFactory(DatabaseProvider provider, Action<IServiceCollection>? services, IDictionary<string, string?>? settings,
        string? environment = null, bool emptyDatabase = false)
    {
        Provider = provider;
        _environment = environment;
        _services = services;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        ConnectionString = TestDatabases.Create(provider, migrated: !emptyDatabase);
    }

    /// <summary>The app shared by every test of this provider in the run.</summary>
    public static AppFactory For(DatabaseProvider provider) =>
        Shared.GetOrAdd(provider, p => new Lazy<AppFactory>(() => Started(new AppFactory(p, null, null)))).Value;

    /// <summary>
    /// Starts the app's host now. WebApplicationFactory starts it on first use without a lock, so tests sharing a
    /// factory would otherwise race to start two hosts on one database.
    /// </summary>
    public static AppFactory Started(AppFactory app)
    {
        _ = app.Services;
        return app;
    }

    /// <summary>
    /// An app of its own on a new database, for tests that change services (a fake clock) or settings. With an
    /// environment (Development, Production) the app runs in it and Demo:Seed keeps the app's own default. The new
    /// database already has the schema (a copy of a migrated template); <paramref name="emptyDatabase"/> gives one without
    /// it, for the tests of migrating and restoring.
    /// </summary>
    public static AppFactory Isolated(
        DatabaseProvider provider, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null,
        string? environment = null, bool emptyDatabase = false) =>
        new(provider, services, settings, environment, emptyDatabase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment ?? "Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", ConnectionString);
        if (_environment is null) builder.UseSetting("Demo:Seed", "false");
        // Every test signs up its own accounts from one address and drives one key hard: the limits are tested on their own
        // (RateLimitTests), with small sizes.
        builder.UseSetting("RateLimits:SignUpPerMinute", "1000000");
        builder.UseSetting("RateLimits:LoginPerMinute", "1000000");
        builder.UseSetting("RateLimits:RequestsPerMinute", "1000000");
        builder.UseSetting("Storage:Path", StoragePath);
        builder.ConfigureServices(TestDatabases.FastPasswordHashing);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>A client for an account's API key.</summary>
    public Api Client(string? apiKey = null)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return new Api(http);
    }

    /// <summary>A database context on the app's database, for checks the API does not expose (ledger sums).</summary>
    public AppDbContext NewDbContext() =>
        Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext();
}
