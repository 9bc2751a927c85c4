using System.Data.Common;
using Npgsql;

namespace ReturnLoop.Data;

/// <summary>
/// What the app adds to the operator's PostgreSQL connection string: automatic preparation of the statements it sends
/// again and again. Every save inserts and updates rows of the same few shapes and every page runs the same queries, so
/// a statement prepared once on a connection skips the server's parse and plan from then on (docs/performance.md: bulk
/// push, stock-in and refund 36–80% faster). A value the operator set is kept: behind a pooler that cannot hold prepared
/// statements (PgBouncer in transaction mode before 1.21) they set <c>Max Auto Prepare=0</c>.
/// </summary>
public static class PostgresConnections
{
    /// <summary>Per connection; the app sends a few hundred distinct statements, the hot ones far more often.</summary>
    public const int MaxAutoPrepare = 64;

    public const int AutoPrepareMinUsages = 2;

    public static string WithAppDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!given.Contains("autoprepareminusages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        return builder.ConnectionString;
    }
}
