using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.IntegrationTests.Webhooks;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The generated migrations of each provider describe the model exactly (a model change without its migration fails
/// here), and instances starting together migrate once.
/// </summary>
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

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_instances_starting_together_on_a_new_database_both_come_up(DatabaseProvider provider)
    {
        // A new database has every migration pending: both instances race to apply them.
        await using var first = AppFactory.Isolated(provider, emptyDatabase: true);
        await using var second = new SecondInstance(first);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        Assert.Equal(System.Net.HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health")).StatusCode);
        await using var db = first.NewDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
