namespace MarketplaceSimulator;

/// <summary>Records every platform API call and, while an outage is switched on, answers it with a 500 or a 429.</summary>
public sealed class Faults(RequestDelegate next, SimState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var platform = PlatformOf(context.Request.Path);
        if (platform is null)
        {
            await next(context);
            return;
        }
        state.Requests.Enqueue($"{platform} {context.Request.Method} {context.Request.Path}");
        while (state.Faults.TryGetValue(platform.Value, out var fault) && fault.Remaining > 0)
        {
            if (!state.Faults.TryUpdate(platform.Value, (fault.Remaining - 1, fault.StatusCode), fault)) continue;
            context.Response.StatusCode = fault.StatusCode;
            if (fault.StatusCode == StatusCodes.Status429TooManyRequests) context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync(fault.StatusCode == 429 ? "rate limited" : "platform outage");
            return;
        }
        await next(context);
    }

    private static SimPlatform? PlatformOf(PathString path) =>
        path.StartsWithSegments("/api/v2") ? SimPlatform.Shopee
        : path.StartsWithSegments("/return_refund") ? SimPlatform.TikTok
        : path.StartsWithSegments("/rest") ? SimPlatform.Lazada
        : null;
}
