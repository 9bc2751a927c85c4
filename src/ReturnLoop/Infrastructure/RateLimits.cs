using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Infrastructure;

/// <summary>Sizes of api.md's rate limits, per minute (<c>RateLimits:*</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-ups per client address (the API and the web form together).</summary>
    public int SignUpPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts per client address (the API and the web form together).</summary>
    public int LoginPerMinute { get; set; } = 30;

    /// <summary>Requests per API key.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// api.md's rate limits with ASP.NET Core rate limiting: sign-ups and sign-ins per client address (password guessing and
/// account farming), every other request per API key (one integration cannot starve the others). A refusal is 429
/// <c>rate_limited</c> with Retry-After. Cookie sessions of the web app are not limited per request: a person clicking is no flood.
/// </summary>
public static class RateLimits
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
            o.OnRejected = async (ctx, ct) =>
            {
                var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = ProblemDetailsMapping.RetryAfterSeconds(wait);
                await ctx.HttpContext.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "rate_limited",
                    "Too many requests: wait for the time in Retry-After, then try again.");
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions options)
    {
        var request = http.Request;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (HttpMethods.IsPost(request.Method))
        {
            // accepting an invitation creates a user, like a sign-up
            if (request.Path.Equals("/api/v1/accounts") || request.Path.Equals("/signup") || IsInvitationAccept(request.Path))
                return PerMinute($"signup:{address}", options.SignUpPerMinute);
            if (request.Path.Equals("/api/v1/auth/login") || request.Path.Equals("/login"))
                return PerMinute($"login:{address}", options.LoginPerMinute);
        }
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return PerMinute($"key:{ApiKeys.Hash(header["Bearer ".Length..].Trim())}", options.RequestsPerMinute);
        return RateLimitPartition.GetNoLimiter("none");
    }

    private static bool IsInvitationAccept(PathString path) =>
        (path.StartsWithSegments("/api/v1/users/invitations") && path.Value!.EndsWith("/accept", StringComparison.Ordinal))
        || path.StartsWithSegments("/invitations");

    // A sliding window, so a burst at a minute's edge cannot double the limit.
    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
