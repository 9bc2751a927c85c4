using Microsoft.AspNetCore.Components.Authorization;
using ReturnLoop.Features.Audit;

namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// A Blazor circuit lives for minutes, a DbContext should not: each page action runs in a scope of its own, with
/// its own DbContext, like one HTTP request of the API. Two actions of one page never share a context.
/// The action acts as the circuit's signed-in user in the audit log (a circuit has no HTTP request to tell).
/// <para>
/// Every page runs its use cases through here, so this is where the web app enforces roles: a write use case runs only if
/// the signed-in user's role, read from the user row at that moment (not the circuit's sign-in, which may be minutes
/// old), allows it (<see cref="Permissions.NeededToRun"/>). Hiding a button is a courtesy; this is the check.
/// </para>
/// </summary>
public sealed class InScope(IServiceScopeFactory scopes, AuthenticationStateProvider? authentication = null)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        using var actor = AuditActor.Use(await ActorAsync() ?? AuditActor.Current);
        await using var scope = scopes.CreateAsyncScope();
        if (Permissions.NeededToRun(typeof(TService)) is { } needed) await EnsureAsync(scope.ServiceProvider, needed);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<AuditActor?> ActorAsync()
    {
        if (authentication is null) return null;
        try
        {
            return AuditActor.Of((await authentication.GetAuthenticationStateAsync()).User);
        }
        catch (InvalidOperationException)
        {
            return null; // a static render before the state is set: the request's principal tells
        }
    }

    private async Task EnsureAsync(IServiceProvider services, Permission needed)
    {
        var user = authentication is null ? null : (await authentication.GetAuthenticationStateAsync()).User;
        var userId = user?.FindFirstValue(Tenant.UserClaim) ?? throw NotSignedIn();
        var db = services.GetRequiredService<AppDbContext>();
        var role = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (Role?)u.Role).SingleOrDefaultAsync()
            ?? throw NotSignedIn();
        if (!role.May(needed)) throw Permissions.Refused(needed);
    }

    private static DomainError NotSignedIn() =>
        new(StatusCodes.Status401Unauthorized, "auth.required", "Sign in again: this session is no longer valid.");
}
