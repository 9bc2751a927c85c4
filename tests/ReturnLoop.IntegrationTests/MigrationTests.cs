using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>The generated migrations of each provider describe the model exactly: a model change without its migration fails here.</summary>
public sealed class MigrationTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        await using var db = AppFactory.For(provider).NewDbContext();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "Run ./build.sh migration <Name> to add the migration for both providers.");
    }
}
