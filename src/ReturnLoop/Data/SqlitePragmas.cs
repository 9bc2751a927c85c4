using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReturnLoop.Data;

/// <summary>
/// Per-connection SQLite settings (the journal mode WAL is kept in the file; these are not). synchronous=FULL, said out
/// loud: every commit waits for its fsync, so a refund or stock-in the API answered survives a power cut too. NORMAL
/// (faster: only checkpoints fsync) would lose the last answered commits on a power cut — not for money and stock.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA synchronous=FULL;";

    private SqlitePragmas() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection); // in-process, no I/O: synchronous is cheaper than a state machine
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
