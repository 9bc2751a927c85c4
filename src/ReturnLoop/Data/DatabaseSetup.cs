using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;
using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string ConnectionStringName = "ReturnLoop";

    /// <summary>
    /// SQLite in a file under the app's data folder by default; PostgreSQL when <c>Database:Provider=Postgres</c>.
    /// Each provider has its own generated migrations project.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Database:DataFolder"] ?? "App_Data");
            Directory.CreateDirectory(folder);
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "returnloop.db") }.ToString();
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Database:Provider is {provider}: set ConnectionStrings:{ConnectionStringName}.");

        // The factory also registers AppDbContext as scoped: endpoints get one per request, workers and
        // Blazor circuits create their own.
        builder.Services.AddDbContextFactory<AppDbContext>(options => Configure(options, provider, connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("ReturnLoop.Migrations.Sqlite"));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(PostgresConnections.WithAppDefaults(connectionString),
                    o => o.MigrationsAssembly("ReturnLoop.Migrations.Postgres"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
        options.ReplaceService<IMigrationsAssembly, NamedMigrationsAssembly>();
        // Here rather than in AppDbContext, so every context (app, design-time, tests) bumps versions and keeps the tab
        // counts on every save.
        options.AddInterceptors(VersionBumpInterceptor.Instance, TabCountInterceptor.Instance);
    }

    /// <summary>
    /// Applies pending migrations at start-up (nothing when none is pending). EF Core takes
    /// a database lock, but not around the whole run: so that several instances may start at once, each migrates under
    /// a lock of its own that dies with its process (<see cref="PostgresMigrationLock"/>, <see cref="SqliteMigrationLock"/>,
    /// which also clears the EF lock row a killed process leaves behind on SQLite).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ReturnLoop.Migrations");
        if (!db.Database.IsSqlite())
        {
            await using (await PostgresMigrationLock.AcquireAsync(db, log, ct))
            {
                await MigrateIfPendingAsync(db, log, ct);
            }
            return;
        }
        await using (await SqliteMigrationLock.AcquireAsync(db, log, ct))
        {
            await MigrateIfPendingAsync(db, log, ct);
        }
        // Readers do not block the writer and the writer does not block readers.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private static async Task MigrateIfPendingAsync(AppDbContext db, ILogger log, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        // Under the same lock: the first start of the version that keeps tab counts counts the rows already there.
        if (await db.TabCountsMissingAsync(ct))
        {
            log.LogInformation("Counting the lists' tabs once (the tab counts are kept from now on)");
            await db.RecountTabsAsync(ct);
        }
    }
}
