using System.Text.Encodings.Web;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Infrastructure.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> for integrations and scripts; a cookie login for the web UI.
/// A request with a bearer header is judged by its key alone.
/// </summary>
public static class AuthSetup
{
    public const string ApiKeyScheme = "ApiKey";
    private const string Smart = "ApiKeyOrCookie";

    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? ApiKeyScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "returnloop";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.SlidingExpiration = true;
                // An API call without credentials gets a 401 problem, never a redirect to the login page.
                o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request)
                    ? ctx.HttpContext.WriteProblemAsync(401, "auth.required", "Send 'Authorization: Bearer <api key>'.")
                    : RedirectAsync(ctx);
                o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request)
                    ? ctx.HttpContext.WriteProblemAsync(403, "forbidden", "Your role may not do this.")
                    : RedirectAsync(ctx);
                o.Events.OnValidatePrincipal = ValidateCookieAsync;
            });
        // Every authenticated route also checks the role against what the route does (Permissions: one table).
        builder.Services.AddSingleton<IAuthorizationHandler, RoleHandler>();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthorization(o => o.DefaultPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().AddRequirements(new RoleRequirement()).Build());
        builder.Services.Configure<LockoutOptions>(builder.Configuration.GetSection(LockoutOptions.Section));
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>
    /// A cookie is checked against its user row on every request (one query by primary key): a removed user is signed out,
    /// a changed role replaces the one in the cookie, so a demoted user keeps no old power.
    /// </summary>
    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext ctx)
    {
        var userId = ctx.Principal?.FindFirstValue(Tenant.UserClaim);
        var db = ctx.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var user = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.AccountId, u.Email, u.Role }).SingleOrDefaultAsync(ctx.HttpContext.RequestAborted);
        if (user is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (ctx.Principal!.RoleOf() == user.Role) return;
        ctx.ReplacePrincipal(Tenant.Principal(user.AccountId, userId!, user.Email, user.Role,
            CookieAuthenticationDefaults.AuthenticationScheme));
        ctx.ShouldRenew = true;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private sealed class ApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db,
        TimeProvider clock, ApiKeyCache cache)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        /// <summary>
        /// When this process last wrote each key's lastUsedAt: concurrent requests of one key write it once a minute, not
        /// once each (a peak sale sends many requests a second per key).
        /// </summary>
        private static readonly ConcurrentDictionary<string, DateTimeOffset> Touched = new();

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a bearer token.");

            var hash = ApiKeys.Hash(header["Bearer ".Length..].Trim());
            if (!cache.TryGet(hash, out var key))
            {
                var generation = cache.Generation;
                var found = await db.ApiKeys.AsNoTracking()
                    .Where(k => k.Hash == hash && k.RevokedAt == null)
                    .Join(db.Users, k => k.UserId, u => u.Id,
                        (k, u) => new ApiKeyHolder(k.Id, k.AccountId, u.Id, u.Email, u.Role, k.LastUsedAt))
                    .SingleOrDefaultAsync(Context.RequestAborted);
                // also a key whose user was removed: the join finds no user (a role change reaches the cache at once)
                if (found is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
                cache.Keep(hash, found, generation);
                key = found;
            }
            await TouchAsync(key.KeyId, key.LastUsedAt);

            var principal = Tenant.Principal(key.AccountId, key.UserId, key.Email, key.Role, ApiKeyScheme);
            principal.Identities.First().AddClaim(new Claim(Features.Audit.AuditActor.ApiKeyClaim, key.KeyId)); // the audit log's actor
            return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyScheme));
        }

        private async Task TouchAsync(string keyId, DateTimeOffset? lastUsedAt)
        {
            var now = clock.GetUtcNow();
            if (ApiKey.UsedRecently(lastUsedAt, now)) return;
            if (Touched.TryGetValue(keyId, out var at) && ApiKey.UsedRecently(at, now)) return;
            Touched[keyId] = now;
            if (Touched.Count > 100_000) Touched.Clear(); // a bound, not a cache: losing it costs one write per key
            await db.ApiKeys.Where(k => k.Id == keyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            Context.WriteProblemAsync(401, "auth.required", "Send a valid 'Authorization: Bearer <api key>' header.");

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            Context.WriteProblemAsync(403, "forbidden", "Not allowed.");
    }
}
