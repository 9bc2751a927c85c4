using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
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
                    ? ctx.HttpContext.WriteProblemAsync(403, "forbidden", "Not allowed.")
                    : RedirectAsync(ctx);
            });
        builder.Services.AddAuthorization();
        builder.Services.Configure<LockoutOptions>(builder.Configuration.GetSection(LockoutOptions.Section));
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private sealed class ApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a bearer token.");

            var hash = ApiKeys.Hash(header["Bearer ".Length..].Trim());
            var key = await db.ApiKeys.AsNoTracking()
                .Where(k => k.Hash == hash && k.RevokedAt == null)
                .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { k.Id, k.AccountId, UserId = u.Id, u.Email })
                .SingleOrDefaultAsync(Context.RequestAborted);
            if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

            var principal = Tenant.Principal(key.AccountId, key.UserId, key.Email, ApiKeyScheme);
            principal.Identities.First().AddClaim(new Claim(Features.Audit.AuditActor.ApiKeyClaim, key.Id)); // the audit log's actor
            return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyScheme));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            Context.WriteProblemAsync(401, "auth.required", "Send a valid 'Authorization: Bearer <api key>' header.");

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            Context.WriteProblemAsync(403, "forbidden", "Not allowed.");
    }
}
