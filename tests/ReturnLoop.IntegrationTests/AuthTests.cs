using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>api.md, <c>/api/v1/auth</c>: the cookie login of the same users the API keys belong to.</summary>
public sealed class AuthTests
{
    private const string Password = "correct horse battery";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_sets_the_cookie_that_acts_as_the_account_until_logout(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (email, accountId) = await SignUpAsync(app);
        var browser = app.Client(); // keeps cookies, like a browser

        var login = (await browser.Post("/api/v1/auth/login", new { email = email.ToUpperInvariant(), password = Password })).Ok();
        Assert.Equal(accountId, login["account"]["id"]!.GetValue<string>());
        Assert.Equal(email, login["user"]["email"]!.GetValue<string>());
        Assert.Equal(accountId, (await browser.Get("/api/v1/me")).Ok()["account"]["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Post("/api/v1/auth/logout")).Ok().Status);
        (await browser.Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (email, _) = await SignUpAsync(app);

        var wrong = (await app.Client().Post("/api/v1/auth/login", new { email, password = "not it at all" }))
            .Problem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var unknown = (await app.Client().Post("/api/v1/auth/login", new { email = "nobody-" + email, password = Password }))
            .Problem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
        Assert.DoesNotContain("Set-Cookie", wrong.Headers.Keys);
    }

    private static async Task<(string Email, string AccountId)> SignUpAsync(AppFactory app)
    {
        var email = $"login-{Guid.NewGuid():N}@example.com";
        var reply = (await app.Client().Post("/api/v1/accounts", new { name = "Login", currency = "MYR", userEmail = email, password = Password })).Ok();
        return (email, reply["account"]["id"]!.GetValue<string>());
    }
}
