namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// A Blazor circuit lives for minutes, a DbContext should not: each page action runs in a scope of its own, with
/// its own DbContext, like one HTTP request of the API. Two actions of one page never share a context.
/// </summary>
public sealed class InScope(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
