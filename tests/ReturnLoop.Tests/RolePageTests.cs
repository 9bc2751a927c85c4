using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Components.UI;
using ReturnLoop.Data;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Infrastructure.Auth;
using ReturnLoop.Infrastructure.Web;

namespace ReturnLoop.Tests;

/// <summary>
/// Roles in the web app: what a role may not do is not shown (<see cref="Can"/>), and a use case a page runs through
/// <see cref="InScope"/> is refused for that role even if a button were clicked anyway, judged by the user row as it is now.
/// </summary>
public sealed class RolePageTests : PageTestContext
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public RolePageTests()
    {
        _connection.Open();
        using var db = NewDb();
        db.Database.EnsureCreated();
    }

    protected override void Dispose(bool disposing)
    {
        _connection.Dispose();
        base.Dispose(disposing);
    }

    private AppDbContext NewDb() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);

    private static ClaimsPrincipal Principal(User user) =>
        Tenant.Principal(user.AccountId, user.Id, user.Email, user.Role, "test");

    private async Task<User> UserAsync(Role role)
    {
        await using var db = NewDb();
        var account = Account.Create("Toko", "MYR", A.Now);
        var user = User.Create(account.Id, $"{role}-{Guid.NewGuid():N}@example.com", A.Now, role);
        db.AddRange(account, user);
        await db.SaveChangesAsync();
        return user;
    }

    private IRenderedComponent<Can> RenderCan(ClaimsPrincipal user, Permission permission) =>
        Render<Can>(p => p
            .AddCascadingValue(Task.FromResult(new AuthenticationState(user)))
            .Add(x => x.Do, permission)
            .Add(x => x.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<button data-testid=\"create-refund\">Refund</button>")))
            .Add(x => x.Otherwise, (RenderFragment)(b => b.AddMarkupContent(0, "<span data-testid=\"read-only\">read</span>"))));

    [Theory]
    [InlineData(Role.Owner, true)]
    [InlineData(Role.Finance, true)]
    [InlineData(Role.Warehouse, false)]
    [InlineData(Role.Viewer, false)]
    public async Task Refund_buttons_show_only_to_roles_that_may_refund(Role role, bool shown)
    {
        var cut = RenderCan(Principal(await UserAsync(role)), Permission.Money);
        Assert.Equal(shown, cut.FindAll("[data-testid=create-refund]").Count == 1);
        Assert.Equal(!shown, cut.FindAll("[data-testid=read-only]").Count == 1);
    }

    [Fact]
    public void An_anonymous_or_roleless_principal_sees_no_action()
    {
        var cut = RenderCan(new ClaimsPrincipal(new ClaimsIdentity()), Permission.Self);
        Assert.Empty(cut.FindAll("[data-testid=create-refund]"));
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private InScope ScopeFor(ClaimsPrincipal user)
    {
        var services = new ServiceCollection();
        services.AddDbContext<AppDbContext>(o => o.UseSqlite(_connection));
        services.AddScoped<UpdateChargeSettings>();
        services.AddScoped<CreateApiKey>();
        services.AddSingleton(TimeProvider.System);
        return new InScope(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new FixedAuthentication(user));
    }

    [Fact]
    public async Task A_page_cannot_run_a_use_case_the_role_may_not_even_with_the_button_clicked()
    {
        var clerk = await UserAsync(Role.Warehouse);
        var scope = ScopeFor(Principal(clerk));
        var request = new UpdateChargeSettings.Request(1.00m, 2.00m);

        var refused = await Assert.ThrowsAsync<DomainError>(() =>
            scope.RunAsync<UpdateChargeSettings, Account>(u => u.HandleAsync(clerk.AccountId, request, default)));
        Assert.Equal("forbidden", refused.Code);
        Assert.Equal(403, refused.Status);

        // Its own API keys: every role.
        await scope.RunAsync<CreateApiKey, (ApiKey, string)>(u => u.HandleAsync(clerk.Id, new CreateApiKey.Request("mine"), default));
        // Reads are never checked.
        Assert.NotNull(await scope.RunAsync<AppDbContext, Account?>(db => db.Accounts.SingleOrDefaultAsync(a => a.Id == clerk.AccountId)));
    }

    [Fact]
    public async Task The_role_is_read_from_the_user_row_not_from_the_circuits_sign_in()
    {
        var finance = await UserAsync(Role.Finance);
        var signedInAsFinance = Principal(finance);
        var scope = ScopeFor(signedInAsFinance);
        var request = new UpdateChargeSettings.Request(1.00m, 2.00m);
        await scope.RunAsync<UpdateChargeSettings, Account>(u => u.HandleAsync(finance.AccountId, request, default));

        // Demoted while the circuit is open: the next action is refused although the circuit's principal still says Finance.
        await using (var db = NewDb())
        {
            var owner = User.Create(finance.AccountId, $"o-{Guid.NewGuid():N}@example.com", A.Now, Role.Owner);
            db.Users.Add(owner);
            var row = await db.Users.SingleAsync(u => u.Id == finance.Id);
            row.ChangeRole(Role.Viewer, otherOwners: 1);
            await db.SaveChangesAsync();
        }
        var refused = await Assert.ThrowsAsync<DomainError>(() =>
            scope.RunAsync<UpdateChargeSettings, Account>(u => u.HandleAsync(finance.AccountId, request, default)));
        Assert.Equal("forbidden", refused.Code);

        // Removed: not signed in any more.
        await using (var db = NewDb())
            await db.Users.Where(u => u.Id == finance.Id).ExecuteDeleteAsync();
        var gone = await Assert.ThrowsAsync<DomainError>(() =>
            scope.RunAsync<UpdateChargeSettings, Account>(u => u.HandleAsync(finance.AccountId, request, default)));
        Assert.Equal("auth.required", gone.Code);
    }

    [Fact]
    public void The_table_gives_each_role_what_api_md_says()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(Role.Owner.May(p)));
        Assert.All(Enum.GetValues<Role>(), r => Assert.True(r.May(Permission.Self)));
        Assert.True(Role.Finance.May(Permission.Money));
        Assert.False(Role.Finance.May(Permission.Stock));
        Assert.False(Role.Finance.May(Permission.AfterSales));
        Assert.True(Role.Warehouse.May(Permission.Stock));
        Assert.True(Role.Warehouse.May(Permission.AfterSales));
        Assert.False(Role.Warehouse.May(Permission.Money));
        Assert.All(new[] { Permission.AfterSales, Permission.Stock, Permission.Money, Permission.Admin },
            p => Assert.False(Role.Viewer.May(p)));
        Assert.All(new[] { Role.Finance, Role.Warehouse }, r => Assert.False(r.May(Permission.Admin)));

        // A use case nobody placed in the table is Owner-only; reads need nothing.
        Assert.Equal(Permission.Money, Permissions.NeededToRun(typeof(CreateRefundOrder)));
        Assert.Equal(Permission.Stock, Permissions.NeededToRun(typeof(StockInSupplierReturn)));
        Assert.Equal(Permission.Admin, Permissions.NeededToRun(typeof(InviteUser)));
        Assert.Null(Permissions.NeededToRun(typeof(AppDbContext)));
        Assert.Null(Permissions.NeededToRun(typeof(SignUp)));
    }
}
