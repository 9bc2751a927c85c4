using Microsoft.AspNetCore.Components.Authorization;
using ReturnLoop.Features.Audit;

namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// A Blazor circuit lives for minutes, a DbContext should not: each page action runs in a scope of its own, with
/// its own DbContext, like one HTTP request of the API. Two actions of one page never share a context.
/// The action acts as the circuit's signed-in user in the audit log (a circuit has no HTTP request to tell).
/// </summary>
public sealed class InScope(IServiceScopeFactory scopes, AuthenticationStateProvider? auth = null)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        using var actor = AuditActor.Use(await ActorAsync() ?? AuditActor.Current);
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<AuditActor?> ActorAsync()
    {
        if (auth is null) return null;
        try
        {
            return AuditActor.Of((await auth.GetAuthenticationStateAsync()).User);
        }
        catch (InvalidOperationException)
        {
            return null; // a static render before the state is set: the request's principal tells
        }
    }
}
