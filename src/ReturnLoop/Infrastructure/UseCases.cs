using System.Reflection;

namespace ReturnLoop.Infrastructure;

public static class UseCases
{
    /// <summary>
    /// Registers every use case (a class of Features with a <c>HandleAsync</c> method) as scoped, so endpoints,
    /// Blazor pages and workers all get the same classes from DI.
    /// </summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        var types = typeof(UseCases).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsNested: false }
            && t.Namespace?.StartsWith("ReturnLoop.Features", StringComparison.Ordinal) == true
            && t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == "HandleAsync"));
        foreach (var type in types) services.AddScoped(type);
        return services;
    }
}
