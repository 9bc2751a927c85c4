using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReturnLoop.Data;
using ReturnLoop.Features.Balances;
using ReturnLoop.Infrastructure;
using ReturnLoop.Infrastructure.Idempotency;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 5, defect 3: only a lost race is a conflict (retried, then 409): a duplicate key, a busy or locked SQLite
/// database, a PostgreSQL serialization failure or deadlock. A CHECK, NOT NULL or foreign key violation is a bug: no
/// retry, 500 at once. Every exception here is caused for real on the test database.
/// </summary>
public sealed class ConflictClassificationTests
{
    private static CustomerBalance NewBalance() =>
        CustomerBalance.Open($"s-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}", "MYR", DateTimeOffset.UtcNow);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_duplicate_primary_key_is_a_race(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (account, key) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await using (var db = app.NewDbContext())
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(account, key, "hash", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        await using var second = app.NewDbContext();
        second.IdempotencyRecords.Add(new IdempotencyRecord(account, key, "hash", DateTimeOffset.UtcNow));

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        AssertCause(e, sqliteExtendedCode: 1555, postgresState: PostgresErrorCodes.UniqueViolation);
        Assert.True(ProblemDetailsMapping.IsConflict(e));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_duplicate_unique_index_value_is_a_race(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var balance = NewBalance();
        await using (var db = app.NewDbContext())
        {
            db.CustomerBalances.Add(balance);
            await db.SaveChangesAsync();
        }
        await using var second = app.NewDbContext();
        second.CustomerBalances.Add(
            CustomerBalance.Open(balance.SupplierAccountId, balance.DistributorAccountId, "MYR", DateTimeOffset.UtcNow));

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        AssertCause(e, sqliteExtendedCode: 2067, postgresState: PostgresErrorCodes.UniqueViolation);
        Assert.True(ProblemDetailsMapping.IsConflict(e));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_check_violation_is_a_bug_and_is_not_retried(DatabaseProvider provider)
    {
        await using var db = AppFactory.For(provider).NewDbContext();
        var attempts = 0;

        // The customer balance's CK_CustomerBalances_NotNegative.
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.RetryOnConflictAsync(async () =>
        {
            attempts++;
            var balance = NewBalance();
            db.CustomerBalances.Add(balance);
            db.Entry(balance).Property(b => b.Balance).CurrentValue = -1.00m;
            return await db.SaveChangesAsync();
        }));

        AssertCause(e, sqliteExtendedCode: 275, postgresState: PostgresErrorCodes.CheckViolation); // SQLITE_CONSTRAINT_CHECK
        Assert.False(ProblemDetailsMapping.IsConflict(e));
        Assert.Equal(1, attempts);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_not_null_violation_is_a_bug(DatabaseProvider provider)
    {
        await using var db = AppFactory.For(provider).NewDbContext();
        db.IdempotencyRecords.Add(new IdempotencyRecord(Guid.NewGuid().ToString("N"), "key", null!, DateTimeOffset.UtcNow));

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        AssertCause(e, sqliteExtendedCode: 1299, postgresState: PostgresErrorCodes.NotNullViolation); // SQLITE_CONSTRAINT_NOTNULL
        Assert.False(ProblemDetailsMapping.IsConflict(e));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_foreign_key_violation_is_a_bug(DatabaseProvider provider)
    {
        // The model has no foreign keys yet: two temporary tables (this connection only) stand in.
        await using var db = AppFactory.For(provider).NewDbContext();
        await db.Database.OpenConnectionAsync();
        if (provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;");
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE IF NOT EXISTS fk_parent (id INTEGER PRIMARY KEY);");
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE IF NOT EXISTS fk_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES fk_parent (id));");

        var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO fk_child VALUES (1, 42);"));

        AssertCause(e, sqliteExtendedCode: 787, postgresState: PostgresErrorCodes.ForeignKeyViolation); // SQLITE_CONSTRAINT_FOREIGNKEY
        Assert.False(ProblemDetailsMapping.IsConflict(e));
    }

    [Fact]
    public async Task A_busy_sqlite_database_is_a_race()
    {
        // A scratch file; a 1 s busy timeout (0 would mean wait for ever).
        var path = Path.Combine(Path.GetTempPath(), $"returnloop-busy-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 1, Pooling = false };
        await using var holder = new SqliteConnection(connectionString.ToString());
        await using var other = new SqliteConnection(connectionString.ToString());
        await holder.OpenAsync();
        await other.OpenAsync();
        await using var held = await holder.BeginTransactionAsync(); // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock

        var e = Assert.Throws<SqliteException>(() => other.BeginTransaction());

        Assert.Equal(5, e.SqliteErrorCode & 0xFF); // SQLITE_BUSY
        Assert.True(ProblemDetailsMapping.IsConflict(e));
    }

    private static void AssertCause(Exception e, int sqliteExtendedCode, string postgresState)
    {
        var cause = e as DbException ?? e.InnerException;
        switch (cause)
        {
            case SqliteException s:
                Assert.Equal(sqliteExtendedCode, s.SqliteExtendedErrorCode);
                break;
            case PostgresException p:
                Assert.Equal(postgresState, p.SqlState);
                break;
            default:
                Assert.Fail($"Expected a database exception, got {e}");
                break;
        }
    }
}
