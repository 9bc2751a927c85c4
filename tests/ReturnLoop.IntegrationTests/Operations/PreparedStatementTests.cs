using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Infrastructure;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Operations;

/// <summary>On PostgreSQL the app's own connections prepare what they send again and again (PostgresConnections).</summary>
public sealed class PreparedStatementTests
{
    [PostgresFact]
    public async Task A_query_the_app_repeats_on_a_connection_is_prepared_there()
    {
        await using var db = AppFactory.For(DatabaseProvider.Postgres).NewDbContext();
        await db.Database.OpenConnectionAsync(); // one connection for all of it: prepared statements live on a connection

        var marker = Ids.New();
        for (var i = 0; i < 3; i++) Assert.Equal(0, await db.Accounts.CountAsync(a => a.Id == marker));

        var prepared = await db.Database
            .SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM pg_prepared_statements WHERE statement LIKE 'SELECT count(*)%FROM "Accounts"%'""")
            .SingleAsync();
        Assert.True(prepared >= 1, "The repeated count was not prepared.");
    }
}
