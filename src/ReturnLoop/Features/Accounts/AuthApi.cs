using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ReturnLoop.Features.Accounts;

public sealed record LoginRequest([property: Required] string? Email, [property: Required] string? Password);

/// <summary>The cookie login of api.md, for the web UI and scripts that prefer a session to an API key.</summary>
public static class AuthApi
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/auth").WithTags("Accounts");
        g.MapPost("/login", LogInAsync).AllowAnonymous()
            .WithSummary("Sign in with email and password: the sign-in cookie and {account, user}; 401 auth.invalid_credentials.");
        g.MapPost("/logout", (Delegate)LogOutAsync).AllowAnonymous().WithSummary("Ends the cookie session.");
        return app;
    }

    /// <summary>Writes the sign-in cookie for a user: the same claims an API key gives.</summary>
    public static Task SignInAsync(HttpContext http, LogIn.Result who) =>
        http.SignInAsync(CookieScheme, Tenant.Principal(who.Account.Id, who.User.Id, who.User.Email, who.User.Role, CookieScheme),
            new AuthenticationProperties { IsPersistent = true });

    private static async Task<Ok<MeResponse>> LogInAsync(LoginRequest request, LogIn useCase, HttpContext http, CancellationToken ct)
    {
        var who = await useCase.HandleAsync(new LogIn.Request(request.Email, request.Password), ct);
        await SignInAsync(http, who);
        return TypedResults.Ok(new MeResponse(who.Account.ToResponse(), who.User.ToResponse()));
    }

    private static async Task<NoContent> LogOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieScheme);
        return TypedResults.NoContent();
    }
}
