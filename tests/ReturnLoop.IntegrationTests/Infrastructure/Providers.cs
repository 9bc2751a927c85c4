using ReturnLoop.Data;

namespace ReturnLoop.IntegrationTests.Infrastructure;

/// <summary>Every persistence test runs on both databases: <c>[Theory, MemberData(nameof(Providers.All), MemberType =
/// typeof(Providers))]</c>.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
