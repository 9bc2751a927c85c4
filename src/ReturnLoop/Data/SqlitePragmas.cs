using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReturnLoop.Data;

/// <summary>
/// Per-connection SQLite settings (the journal mode WAL is kept in the file; these are not). synchronous=NORMAL: in WAL mode a
/// commit no longer waits for an fsync, only checkpoints do; a killed process loses nothing committed (the WAL is in the
/// operating system's hands), only a power cut may lose the last commits, never corrupt the file. Stateless: one instance.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA synchronous=NORMAL;";

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
