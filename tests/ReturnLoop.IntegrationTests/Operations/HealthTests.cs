using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Operations;

/// <summary>Liveness needs only the process; readiness needs the database and says 503 when it is gone.</summary>
public sealed class HealthTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Live_needs_no_database_and_ready_answers_503_once_the_database_is_unreachable(DatabaseProvider provider)
    {
        await using var app = AppFactory.Started(AppFactory.Isolated(provider));
        var http = app.CreateClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            var ok = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("Healthy", await ok.Content.ReadAsStringAsync());
        }

        MakeUnreachable(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
        // The process is alive: an orchestrator must not restart it because the database is away.
        var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The app's connection string stops leading to a database (the app migrates at start, so it cannot be started on a
    /// bad one): PostgreSQL's database is dropped; SQLite's file gives way to a folder of the same name, which no open can
    /// create a database in.
    /// </summary>
    private static void MakeUnreachable(AppFactory app)
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(AppFactory.PostgresVariable));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            NpgsqlConnection.ClearAllPools();
            return;
        }
        var path = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        Directory.CreateDirectory(path);
    }
}
