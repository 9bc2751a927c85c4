using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReturnLoop.Data;
using ReturnLoop.Infrastructure;

namespace ReturnLoop.Bench;

/// <summary>
/// The raw baseline: a bare minimal-API Kestrel endpoint inside the bench process that writes rows with plain ADO.NET on
/// the same database, in one transaction per request. <c>POST /raw?rows=5</c> is one loop's worth (the issue's baseline:
/// five rows per request); <c>POST /raw?rows=5000</c> is a batch of 1,000 items at five rows each.
/// </summary>
internal sealed class RawBaseline : IAsyncDisposable
{
    private static readonly string Account = Ids.New(); // 32 characters, like the app's ids
    private readonly WebApplication _app;
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private NpgsqlDataSource? _pg;

    private RawBaseline(WebApplication app, DatabaseProvider provider, string connectionString)
    {
        _app = app;
        _provider = provider;
        _connectionString = connectionString;
    }

    public string Url { get; private set; } = "";

    public static async Task<RawBaseline> StartAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = AppHost.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var raw = new RawBaseline(app, provider, connectionString) { Url = $"http://127.0.0.1:{port}" };
        if (provider == DatabaseProvider.Postgres) raw._pg = NpgsqlDataSource.Create(PostgresConnections.WithAppDefaults(connectionString)); // as the app's
        await raw.CreateTableAsync();
        app.MapPost("/raw", async (int? rows) =>
        {
            try
            {
                await raw.WriteAsync(rows ?? 5);
                return Results.Ok();
            }
            catch (DbException e)
            {
                return Results.Problem(e.Message, statusCode: 500, extensions: new Dictionary<string, object?> { ["code"] = "raw.failed" });
            }
        });
        await app.StartAsync();
        return raw;
    }

    private async Task<DbConnection> OpenAsync()
    {
        if (_pg is not null) return await _pg.OpenConnectionAsync();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task CreateTableAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS bench_raw (
                id varchar(32) PRIMARY KEY, account_id varchar(32) NOT NULL, kind varchar(32) NOT NULL,
                status varchar(32) NOT NULL, amount numeric NOT NULL, created_at varchar(40) NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_bench_raw_account ON bench_raw (account_id, status, id);
            """;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of about the width of the app's, with a secondary index like the lists' ones, in one transaction.</summary>
    private async Task WriteAsync(int rows)
    {
        await using var connection = await OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        // A loop's five rows are five statements (as the app writes them); a batch goes 500 rows per statement.
        var perStatement = rows <= 5 ? 1 : 500;
        for (var done = 0; done < rows; done += perStatement)
        {
            var n = Math.Min(perStatement, rows - done);
            command.Parameters.Clear();
            var values = new List<string>(n);
            for (var i = 0; i < n; i++)
            {
                values.Add($"(@i{i}, @a{i}, 'AfterSales', 'ToConfirm', 25.00, @c{i})");
                Add(command, $"@i{i}", Ids.New());
                Add(command, $"@a{i}", Account);
                Add(command, $"@c{i}", DateTimeOffset.UtcNow.ToString("O"));
            }
            command.CommandText =
                $"INSERT INTO bench_raw (id, account_id, kind, status, amount, created_at) VALUES {string.Join(",", values)}";
            await command.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_pg is not null) await _pg.DisposeAsync();
    }
}
