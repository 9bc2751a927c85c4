namespace ReturnLoop.Infrastructure;

public static class ApiGroups
{
    /// <summary>
    /// A route group of the v1 API: authenticated, tagged for the reference page, and documented with the problem
    /// answers every route may give (validation, auth, not found, state, business rule).
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag).RequireAuthorization();
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) group.ProducesProblem(status);
        return group;
    }
}
