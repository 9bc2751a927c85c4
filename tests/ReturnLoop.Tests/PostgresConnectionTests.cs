using Npgsql;
using ReturnLoop.Data;

namespace ReturnLoop.Tests;

/// <summary>The app prepares the statements it repeats on PostgreSQL, unless the operator said otherwise.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void An_operators_connection_string_gains_automatic_preparation_and_keeps_everything_else()
    {
        var given = "Host=db.internal;Port=6543;Database=returnloop;Username=app;Password=s3cret;Maximum Pool Size=40";

        var used = new NpgsqlConnectionStringBuilder(PostgresConnections.WithAppDefaults(given));

        Assert.Equal(PostgresConnections.MaxAutoPrepare, used.MaxAutoPrepare);
        Assert.Equal(PostgresConnections.AutoPrepareMinUsages, used.AutoPrepareMinUsages);
        Assert.Equal(("db.internal", 6543, "returnloop", "app", "s3cret", 40),
            (used.Host, used.Port, used.Database, used.Username, used.Password, used.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0, 2)]
    [InlineData("Host=db;max auto prepare=200;Auto Prepare Min Usages=5", 200, 5)]
    [InlineData("Host=db;Auto Prepare Min Usages=10", PostgresConnections.MaxAutoPrepare, 10)]
    public void A_value_the_operator_set_is_kept(string given, int maxAutoPrepare, int minUsages)
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresConnections.WithAppDefaults(given));

        Assert.Equal(maxAutoPrepare, used.MaxAutoPrepare);
        Assert.Equal(minUsages, used.AutoPrepareMinUsages);
    }
}
