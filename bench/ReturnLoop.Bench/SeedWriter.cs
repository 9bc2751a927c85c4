using Microsoft.Data.Sqlite;
using Npgsql;
using ReturnLoop.Data;

namespace ReturnLoop.Bench;

/// <summary>The rows of one table in one batch (parents before children), as the provider values of its columns.</summary>
internal sealed record SeedRows(SeedTable Table, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Reads the values on the generating thread, so the writing thread only binds and sends them.</summary>
    public static SeedRows Of(SeedTable table, IEnumerable<object> entities) =>
        new(table, [.. entities.Select(e => table.Columns.Select(c => c.Value(e)).ToArray())]);
}

/// <summary>
/// The fast insert path of the history: the entities still come from the domain verbs, only the INSERT changes.
/// One transaction per batch; PostgreSQL takes binary COPY, SQLite one prepared INSERT per table reused for every row.
/// </summary>
internal abstract class SeedWriter : IAsyncDisposable
{
    public static async Task<SeedWriter> OpenAsync(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? await PostgresSeedWriter.OpenAsync(connectionString)
            : await SqliteSeedWriter.OpenAsync(connectionString);

    /// <summary>Writes the batch in one transaction; returns the rows written.</summary>
    public abstract Task<long> WriteAsync(IReadOnlyList<SeedRows> batch);

    public abstract ValueTask DisposeAsync();

    /// <summary>How it writes, for the progress lines.</summary>
    public string Mode { get; protected init; } = "";

    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}

internal sealed class PostgresSeedWriter : SeedWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly Dictionary<SeedTable, (string Copy, string[] Types)> _commands = [];

    private PostgresSeedWriter(NpgsqlConnection connection, bool checksKeys)
    {
        _connection = connection;
        Mode = "binary COPY, foreign keys " + (checksKeys ? "checked" : "not checked (superuser, session_replication_role=replica)");
    }

    public static async Task<SeedWriter> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // This session only: a seeding commit need not wait for the WAL flush (the bench's data is thrown away anyway).
        await using (var off = new NpgsqlCommand("SET synchronous_commit = off", connection)) await off.ExecuteNonQueryAsync();
        // Foreign keys are checked by triggers, a query and a KEY SHARE lock per key per row: a quarter of the server's
        // time, and the writers contend on the same few parents (warehouses). A superuser session can skip them
        // (replica mode fires no ordinary trigger either: only while the schema has none): the rows are the ones
        // --verify-seed shows EF writes under those checks, every batch carries its own parents. Otherwise they stay on.
        const string CanSkip = "SELECT rolsuper AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE NOT tgisinternal) "
            + "FROM pg_roles WHERE rolname = current_user";
        var skip = false;
        await using (var super = new NpgsqlCommand(CanSkip, connection)) skip = await super.ExecuteScalarAsync() is true;
        if (skip)
        {
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
        }
        return new PostgresSeedWriter(connection, checksKeys: !skip);
    }

    public override async Task<long> WriteAsync(IReadOnlyList<SeedRows> batch)
    {
        var rows = 0L;
        await using var transaction = await _connection.BeginTransactionAsync();
        foreach (var (table, values) in batch)
        {
            if (values.Count == 0) continue;
            var (copy, types) = Command(table);
            await using (var import = await _connection.BeginBinaryImportAsync(copy))
            {
                // Synchronous writes: they only fill Npgsql's buffer, which is flushed when full.
                foreach (var row in values)
                {
                    import.StartRow();
                    for (var c = 0; c < row.Length; c++)
                    {
                        if (row[c] is { } value) import.Write(value, types[c]);
                        else import.WriteNull();
                    }
                }
                rows += (long)await import.CompleteAsync();
            }
        }
        await transaction.CommitAsync();
        return rows;
    }

    private (string Copy, string[] Types) Command(SeedTable table)
    {
        if (_commands.TryGetValue(table, out var command)) return command;
        var names = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        // Npgsql takes the type's name without its facets: "character varying(32)" is written as "character varying".
        var types = table.Columns.Select(c => c.StoreType.Split('(')[0].Trim()).ToArray();
        command = ($"COPY {Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", types);
        _commands[table] = command;
        return command;
    }

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();
}

internal sealed class SqliteSeedWriter : SeedWriter
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<SeedTable, SqliteCommand> _commands = [];

    private SqliteSeedWriter(SqliteConnection connection)
    {
        _connection = connection;
        Mode = "prepared INSERTs, foreign keys checked";
    }

    public static async Task<SeedWriter> OpenAsync(string connectionString)
    {
        // Unpooled: the seeding settings below die with this connection and never reach one the app or the lists use.
        // Foreign keys on, as EF Core turns them on for its own connections: the rows are checked as the old path's were.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, ForeignKeys = true };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // Seeding only: no fsync per commit (the bench's file is thrown away), a page cache big enough for the
            // index pages a batch touches, and the file mapped (no copy per page read). The app keeps WAL (it cannot be
            // left while the app has the file open) and its own synchronous=FULL on its connections.
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA mmap_size=4294967296; "
                + "PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=60000;";
            await pragma.ExecuteNonQueryAsync();
        }
        return new SqliteSeedWriter(connection);
    }

    public override async Task<long> WriteAsync(IReadOnlyList<SeedRows> batch)
    {
        var rows = 0L;
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        foreach (var (table, values) in batch)
        {
            if (values.Count == 0) continue;
            var command = Command(table);
            command.Transaction = transaction;
            var parameters = command.Parameters;
            foreach (var row in values)
            {
                for (var c = 0; c < row.Length; c++) parameters[c].Value = row[c] ?? DBNull.Value;
                rows += command.ExecuteNonQuery();
            }
        }
        await transaction.CommitAsync();
        return rows;
    }

    private SqliteCommand Command(SeedTable table)
    {
        if (_commands.TryGetValue(table, out var command)) return command;
        command = _connection.CreateCommand();
        var names = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var values = string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"));
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values})";
        for (var i = 0; i < table.Columns.Count; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        _commands[table] = command;
        return command;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
