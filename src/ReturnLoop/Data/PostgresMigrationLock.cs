using Npgsql;

namespace ReturnLoop.Data;

/// <summary>
/// EF Core's PostgreSQL migration lock is held per migration transaction and the list of applied migrations is read
/// once: two instances starting together on a database with two or more pending migrations can both apply the
/// second (seen: <c>relation "WebhookEndpoints" already exists</c>). So the whole read-and-migrate runs under a
/// session-level advisory lock on a connection of its own, which the server releases if the process dies.
/// </summary>
internal static class PostgresMigrationLock
{
    /// <summary>An arbitrary key that names "ReturnLoop is migrating this database".</summary>
    private const long Key = 0x52_4C_4D_49_47_52_41_54; // "RLMIGRAT"

    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, ILogger log, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection))
        {
            if (await tryLock.ExecuteScalarAsync(ct) is true) return connection;
        }
        log.LogInformation("Another instance is migrating this database; waiting for it.");
        await using (var waitLock = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 })
        {
            await waitLock.ExecuteNonQueryAsync(ct);
        }
        return connection; // closing the session releases the lock
    }
}
