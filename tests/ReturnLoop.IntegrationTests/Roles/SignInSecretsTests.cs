using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Roles;

/// <summary>
/// Sign-in hardening: no password, API key, invitation token or email reaches the logs; the web app's forms (login,
/// sign-up, invitation) refuse a post without the antiforgery token.
/// </summary>
public sealed class SignInSecretsTests
{
    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            // the scopes open around a line, as a sink that includes scopes (JSON, OpenTelemetry) stores them with it
            private static readonly AsyncLocal<ImmutableStack<object>> Scopes = new();

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                var outer = Scopes.Value ?? ImmutableStack<object>.Empty;
                Scopes.Value = outer.Push(state);
                return new Pop(outer);
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                // the message, every structured value, the scopes and the exception: whatever a log sink could store
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : "";
                var scopes = string.Join(" ", (Scopes.Value ?? ImmutableStack<object>.Empty).Select(Describe));
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} [{scopes}] {exception}");
            }

            private static string Describe(object scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : scope.ToString() ?? "";

            private sealed class Pop(ImmutableStack<object> outer) : IDisposable
            {
                public void Dispose() => Scopes.Value = outer;
            }
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sign_up_login_invitations_and_key_use_log_no_secret_and_no_email(DatabaseProvider provider)
    {
        var capture = new Capture();
        await using var app = AppFactory.Started(AppFactory.Isolated(provider, s => s.AddSingleton<ILoggerProvider>(capture)));
        var email = $"secret-{Guid.NewGuid():N}@example.com";
        const string password = "my very secret password 1";
        var signUp = (await app.Client().Post("/api/v1/accounts", new { name = "Rahasia", currency = "MYR", userEmail = email, password }))
            .Ok();
        var key = signUp.Str("apiKey");
        var owner = app.Client(key);
        (await owner.Get("/api/v1/me")).Ok();
        (await app.Client().Post("/api/v1/auth/login", new { email, password })).Ok();
        (await app.Client().Post("/api/v1/auth/login", new { email, password = password + "x" })).Problem(HttpStatusCode.Unauthorized,
            "auth.invalid_credentials");
        (await app.Client().Post("/api/v1/accounts", new { name = "Again", currency = "MYR", userEmail = email, password }))
            .Problem(HttpStatusCode.Conflict, "conflict");

        var invitedEmail = $"invited-{Guid.NewGuid():N}@example.com";
        var token = (await owner.Post("/api/v1/users/invitations", new { email = invitedEmail, role = "Finance" })).Ok().Str("token");
        const string invitedPassword = "another secret password 2";
        var invitedKey = (await app.Client().Post($"/api/v1/users/invitations/{token}/accept", new { password = invitedPassword }))
            .Ok().Str("apiKey");
        (await app.Client(invitedKey).Put("/api/v1/supplier/charge-settings", new { distributionFee = 1.00m, returnHandlingFee = 1.00m }))
            .Ok();
        var created = (await owner.Post("/api/v1/api-keys", new { name = "ci" })).Ok();
        var rotated = (await owner.Post($"/api/v1/api-keys/{created.Id}/rotate")).Ok().Str("apiKey");
        (await app.Client(rotated).Get("/api/v1/me")).Ok();
        (await app.Client("rl_not-a-real-key").Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");

        var secrets = new[]
        {
            email, invitedEmail, password, invitedPassword, key, invitedKey, created.Str("apiKey"), rotated, token,
            ReturnLoop.Features.Accounts.ApiKeys.Hash(key), ReturnLoop.Features.Accounts.ApiKeys.Hash(token),
        };
        Assert.NotEmpty(capture.Lines);
        foreach (var line in capture.Lines)
            foreach (var secret in secrets)
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A log line holds a secret or an email: {line}");
    }

    private static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } v
            ? WebUtility.HtmlDecode(v)
            : throw new InvalidOperationException("The form has no antiforgery token.");

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_web_forms_refuse_a_post_without_the_antiforgery_token(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (owner, _) = await World.SignUpAsync(app, "Forms");
        var email = $"form-{Guid.NewGuid():N}@example.com";
        var token = (await owner.Post("/api/v1/users/invitations", new { email, role = "Viewer" })).Ok().Str("token");

        var forms = new (string Path, string Name, Dictionary<string, string> Fields)[]
        {
            ("/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = RoleTests.Password }),
            ("/signup", "signup", new()
            {
                ["Input.Name"] = "X", ["Input.Currency"] = "MYR", ["Input.Email"] = email, ["Input.Password"] = RoleTests.Password,
            }),
            ($"/invitations/{token}", "accept-invitation", new() { ["Input.Password"] = RoleTests.Password }),
        };
        foreach (var (path, name, fields) in forms)
        {
            var browser = app.Client();
            var page = await browser.Get(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            AntiforgeryToken(page.Text()); // the form carries one

            var post = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["_handler"] = name }),
            };
            var reply = await browser.Send(post);
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.False(reply.Headers.TryGetValue("Set-Cookie", out var cookies) && cookies.Contains("returnloop="),
                $"{path}: signed in without the antiforgery token");
        }
        // Nothing happened: the invitation still waits, no account was signed up with that email.
        var accepted = (await app.Client().Post($"/api/v1/users/invitations/{token}/accept", new { password = RoleTests.Password })).Ok();
        Assert.Equal(email, accepted["user"].S("email"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_invitation_page_with_its_token_sets_the_password_and_signs_in(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (owner, accountId) = await World.SignUpAsync(app, "Joiner");
        var email = $"join-{Guid.NewGuid():N}@example.com";
        var token = (await owner.Post("/api/v1/users/invitations", new { email, role = "Warehouse" })).Ok().Str("token");

        var browser = app.Client();
        var page = await browser.Get($"/invitations/{token}");
        var post = new HttpRequestMessage(HttpMethod.Post, $"/invitations/{token}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "accept-invitation",
                ["__RequestVerificationToken"] = AntiforgeryToken(page.Text()),
                ["Input.Password"] = RoleTests.Password,
            }),
        };
        var reply = await browser.Send(post);
        Assert.True(reply.Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect but got {(int)reply.Status}");
        var me = (await browser.Get("/api/v1/me")).Ok();
        Assert.Equal(accountId, me["account"].S("id"));
        Assert.Equal("Warehouse", me["user"].S("role"));

        // Used: the page now says so.
        Assert.Contains("invitation-not-valid", (await app.Client().Get($"/invitations/{token}")).Text(), StringComparison.Ordinal);
    }
}
