using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ReturnLoop.Data;

/// <summary>
/// EF Core marks a SQLite migration in progress with a row in <c>__EFMigrationsLock</c>, held across several
/// transactions and deleted only by the process that wrote it. A process killed while migrating leaves the row, and
/// every later start waits for it forever. The row cannot tell a dead writer from a slow one, and neither can
/// SQLite's write lock (the row outlives each transaction); the operating system can.
/// <para>
/// So whoever migrates first holds an exclusive lock on the file <c>&lt;database&gt;.migrate.lock</c> beside the
/// database (flock on Unix, a share-nothing handle on Windows), which the OS releases when the process dies, however
/// it dies. Holding that file lock and still finding a row proves its writer dead: the row is deleted, with a warning.
/// A second instance starting meanwhile waits for the file lock, then finds the migrations applied.
/// </para>
/// <para>
/// Limits: only this app takes the file lock, so do not run <c>dotnet ef database update</c> against a database
/// while the app starts; and <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> must not be set.
/// </para>
/// </summary>
internal static class SqliteMigrationLock
{
    private const string LockTable = "__EFMigrationsLock";

    /// <summary>Takes the file lock (waiting while a living process holds it) and clears a stale EF lock row.</summary>
    /// <returns>The held lock file, to dispose after migrating; null for an in-memory database.</returns>
    public static async Task<FileStream?> AcquireAsync(AppDbContext db, ILogger log, CancellationToken ct)
    {
        var path = LockFilePath(db.Database.GetDbConnection().ConnectionString);
        if (path is null) return null;

        var file = await TakeFileLockAsync(path, log, ct);
        if (file is null) return null;
        try
        {
            await ClearStaleRowAsync(db, path, log, ct);
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    internal static string? LockFilePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return null;
        return Path.GetFullPath(source) + ".migrate.lock";
    }

    private static async Task<FileStream?> TakeFileLockAsync(string path, ILogger log, CancellationToken ct)
    {
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IsHeldByAnotherProcess(e))
            {
                if (!waiting) log.LogInformation("Another process is migrating this database ({LockFile} is held); waiting", path);
                waiting = true;
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Cannot lock (a read-only folder, say): migrate as EF Core alone would, without clearing stale locks.
                log.LogWarning(e, "Could not lock {LockFile}; a stale EF Core migration lock will not be cleared", path);
                return null;
            }
        }
    }

    // EWOULDBLOCK from flock on Linux (11) and macOS (35); a sharing or lock violation on Windows (32, 33).
    private static bool IsHeldByAnotherProcess(IOException e) =>
        e.GetType() == typeof(IOException) && (e.HResult & 0xFFFF) is 11 or 35 or 32 or 33;

    private static async Task ClearStaleRowAsync(AppDbContext db, string lockFile, ILogger log, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var exists = await ScalarAsync(
                connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}';", ct);
            if (Convert.ToInt64(exists, System.Globalization.CultureInfo.InvariantCulture) == 0) return;
            var takenAt = await ScalarAsync(connection, $"SELECT \"Timestamp\" FROM \"{LockTable}\" LIMIT 1;", ct);
            if (takenAt is null) return;
            await ScalarAsync(connection, $"DELETE FROM \"{LockTable}\";", ct);
            log.LogWarning(
                "Cleared a stale EF Core migration lock (the {LockTable} row taken at {TakenAt}): no living process held {LockFile}, "
                + "so the process that took it died while migrating",
                LockTable, takenAt, lockFile);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
