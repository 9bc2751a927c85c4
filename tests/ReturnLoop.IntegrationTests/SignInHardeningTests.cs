using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReturnLoop.Data;
using ReturnLoop.Infrastructure;
using ReturnLoop.Infrastructure.Web;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>api.md, "Users, roles, sign-in and audit": lockout after repeated wrong passwords, rate limits, security headers.</summary>
public sealed class SignInHardeningTests
{
    private const string Password = "correct horse battery";

    private static async Task<string> SignUpAsync(AppFactory app)
    {
        var email = $"guard-{Guid.NewGuid():N}@example.com";
        (await app.Client().Post("/api/v1/accounts", new { name = "Guarded", currency = "MYR", userEmail = email, password = Password }))
            .Ok();
        return email;
    }

    private static Task<Reply> LogIn(AppFactory app, string email, string password) =>
        app.Client().Post("/api/v1/auth/login", new { email, password });

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Repeated_wrong_passwords_lock_the_user_even_against_the_right_one_until_the_lockout_ends(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(MicrosecondClock.Truncate(DateTimeOffset.UtcNow));
        await using var app = AppFactory.Isolated(provider, s => s.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["Auth:LockoutAttempts"] = "3", ["Auth:LockoutMinutes"] = "15" });
        var email = await SignUpAsync(app);

        for (var i = 0; i < 3; i++)
            (await LogIn(app, email, "not it")).Problem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var locked = (await LogIn(app, email, Password)).Problem(HttpStatusCode.TooManyRequests, "auth.locked_out");
        Assert.Equal("900", locked.Headers["Retry-After"]);
        // The same 401 for an email nobody has, however often: there is no user to lock, and the answer must not tell.
        for (var i = 0; i < 4; i++)
            (await LogIn(app, "nobody-" + email, "not it")).Problem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("300", (await LogIn(app, email, Password)).Problem(HttpStatusCode.TooManyRequests, "auth.locked_out")
            .Headers["Retry-After"]);
        clock.Advance(TimeSpan.FromMinutes(5));
        (await LogIn(app, email, Password)).Ok();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_right_password_resets_the_count_of_wrong_ones(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, settings: new Dictionary<string, string?> { ["Auth:LockoutAttempts"] = "3" });
        var email = await SignUpAsync(app);

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 2; i++)
                (await LogIn(app, email, "not it")).Problem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
            (await LogIn(app, email, Password)).Ok(); // two wrong in a row, never three: never locked
        }
    }

    [Fact]
    public async Task Sign_ups_sign_ins_and_each_api_keys_requests_are_limited_per_minute_with_retry_after()
    {
        await using var app = AppFactory.Isolated(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignUpPerMinute"] = "2", ["RateLimits:LoginPerMinute"] = "3", ["RateLimits:RequestsPerMinute"] = "4",
        });
        var first = (await app.Client().Post("/api/v1/accounts",
            new { name = "A", currency = "MYR", userEmail = $"a-{Guid.NewGuid():N}@example.com", password = Password })).Ok();
        var second = (await app.Client().Post("/api/v1/accounts",
            new { name = "B", currency = "MYR", userEmail = $"b-{Guid.NewGuid():N}@example.com", password = Password })).Ok();
        var third = (await app.Client().Post("/api/v1/accounts",
            new { name = "C", currency = "MYR", userEmail = $"c-{Guid.NewGuid():N}@example.com", password = Password }))
            .Problem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(int.Parse(third.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);

        for (var i = 0; i < 3; i++)
            (await LogIn(app, "someone@example.com", "x")).Problem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        (await LogIn(app, "someone@example.com", "x")).Problem(HttpStatusCode.TooManyRequests, "rate_limited");

        var a = app.Client(first.Str("apiKey"));
        for (var i = 0; i < 4; i++) (await a.Get("/api/v1/me")).Ok();
        Assert.True((await a.Get("/api/v1/me")).Problem(HttpStatusCode.TooManyRequests, "rate_limited").Headers.ContainsKey("Retry-After"));
        (await app.Client(second.Str("apiKey")).Get("/api/v1/me")).Ok(); // another key has its own allowance
    }

    [Fact]
    public async Task Every_answer_forbids_sniffing_and_framing_and_the_web_pages_carry_a_content_security_policy()
    {
        var app = AppFactory.For(DatabaseProvider.Sqlite);
        var (api, _) = await World.SignUpAsync(app, "Headers");

        foreach (var reply in new[]
        {
            await api.Get("/api/v1/me"), await app.Client().Get("/api/v1/me"), await app.Client().Get("/login"),
            await app.Client().Get("/openapi/v1.json"),
        })
        {
            Assert.Equal("nosniff", reply.Headers["X-Content-Type-Options"]);
            Assert.Equal("DENY", reply.Headers["X-Frame-Options"]);
        }
        var page = await app.Client().Get("/login");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, page.Headers["Content-Security-Policy"]);
        Assert.Contains("script-src 'self';", page.Headers["Content-Security-Policy"]);
        Assert.False((await api.Get("/api/v1/me")).Headers.ContainsKey("Content-Security-Policy"));
    }
}
