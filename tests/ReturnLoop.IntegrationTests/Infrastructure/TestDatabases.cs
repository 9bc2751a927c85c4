using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ReturnLoop.Data;

namespace ReturnLoop.IntegrationTests.Infrastructure;

/// <summary>
/// New databases for the tests. Migrating a database from nothing costs a second or two of CPU on both sides (EF Core's
/// migrator, PostgreSQL's catalog); a run makes dozens of them. So the schema is migrated once per provider into a template
/// and each new database is a copy of it: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. The
/// app still runs its own migration check on start and finds nothing pending, as it would on an up-to-date database.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> SqliteTemplate = new(MigratedSqliteTemplate);
    private static readonly Lazy<string> PostgresTemplate = new(MigratedPostgresTemplate);

    // PostgreSQL refuses to copy a template while another session uses it: copies are made one at a time.
    private static readonly Lock PostgresCopy = new();

    public static string Create(DatabaseProvider provider, bool migrated) => provider switch
    {
        DatabaseProvider.Sqlite => NewSqliteDatabase(migrated ? SqliteTemplate.Value : null),
        _ => NewPostgresDatabase(migrated ? PostgresTemplate.Value : null),
    };

    /// <summary>
    /// Password hashing at 1,000 PBKDF2 iterations instead of 100,000: every test signs its accounts up, and at the product's
    /// work factor the hashing alone took a quarter of the suite's CPU. The hash format carries its iteration count, so
    /// nothing else changes; the product keeps its default.
    /// </summary>
    public static void FastPasswordHashing(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);

    private static string NewSqliteDatabase(string? template)
    {
        var path = Path.Combine(Path.GetTempPath(), $"returnloop-test-{Guid.NewGuid():N}.db");
        if (template is not null) File.Copy(template, path);
        return new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString();
    }

    private static string MigratedSqliteTemplate()
    {
        var connection = NewSqliteDatabase(template: null);
        Migrate(DatabaseProvider.Sqlite, connection);
        SqliteConnection.ClearAllPools(); // closes the file: the copies are taken of a quiet, rollback-journal database
        return new SqliteConnectionStringBuilder(connection).DataSource;
    }

    private static string NewPostgresDatabase(string? template)
    {
        var server = Environment.GetEnvironmentVariable(AppFactory.PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{AppFactory.PostgresVariable} is not set. "
                + "Run the tests with ./build.sh test, which starts a throwaway PostgreSQL cluster and sets it.");
        var name = $"returnloop_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand(
                template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            lock (PostgresCopy) create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ToString();
    }

    private static string MigratedPostgresTemplate()
    {
        var connection = NewPostgresDatabase(template: null);
        Migrate(DatabaseProvider.Postgres, connection);
        // The migration's connections are in the app's pool (its connection string with the app's defaults): a template
        // must have none left open.
        using (var pooled = new NpgsqlConnection(PostgresConnections.WithAppDefaults(connection))) NpgsqlConnection.ClearPool(pooled);
        return new NpgsqlConnectionStringBuilder(connection).Database!;
    }

    private static void Migrate(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connection);
        using var db = new AppDbContext(options.Options);
        db.Database.Migrate();
    }
}
