using System.Net;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 5, defect 2 (api.md, Configuration): Demo:Seed defaults to true only in the Development environment, which
/// `dotnet run` uses; the demo keys are public, so a new database anywhere else starts empty. An explicit setting wins.
/// </summary>
public sealed class DemoSeedTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_production_database_has_no_accounts(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, environment: "Production");

        (await app.Client(DemoData.SupplierKey).Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        await using var db = app.NewDbContext();
        Assert.False(await db.Accounts.AnyAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_development_database_gets_the_demo_accounts(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, environment: "Development");

        (await app.Client(DemoData.SupplierKey).Get("/api/v1/me")).Ok();
        (await app.Client(DemoData.DistributorKey).Get("/api/v1/me")).Ok();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_explicit_setting_wins_over_the_environment(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "false" },
            environment: "Development");

        await using var db = app.NewDbContext();
        Assert.False(await db.Accounts.AnyAsync());
    }
}
