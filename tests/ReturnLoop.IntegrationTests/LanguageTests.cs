using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Infrastructure;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The web app's language per user: stored on the user row (Users.Language) on both databases and answered by the
/// login use case, which the login page turns into the culture cookie (that part runs in the browser tests: this
/// project runs in globalization-invariant mode, where the pages stay in English); the API's view of the user does not change.
/// </summary>
public sealed class LanguageTests
{
    private const string Password = "correct horse battery";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_stored_language_round_trips(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (email, userId) = await SignUpAsync(app);
        Assert.Null(await StoredAsync(app, userId)); // never chosen

        await SetAsync(app, userId, "id");
        Assert.Equal("id", await StoredAsync(app, userId));
        await SetAsync(app, userId, "en");
        Assert.Equal("en", await StoredAsync(app, userId));

        var login = await new LogInUser(app).RunAsync(email);
        Assert.Equal("en", login.Language);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_the_web_app_languages_are_stored(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (_, userId) = await SignUpAsync(app);
        await SetAsync(app, userId, "id");

        var refused = await Assert.ThrowsAsync<DomainError>(() => SetAsync(app, userId, "fr"));
        Assert.Equal("validation.failed", refused.Code);
        Assert.Contains("language", refused.Errors!.Keys);
        await Assert.ThrowsAsync<DomainError>(() => SetAsync(app, userId, null));
        Assert.Equal("id", await StoredAsync(app, userId)); // unchanged
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_API_view_of_the_user_keeps_its_shape(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (email, userId) = await SignUpAsync(app);
        await SetAsync(app, userId, "id");
        var browser = app.Client();
        (await browser.Post("/api/v1/auth/login", new { email, password = Password })).Ok();

        var me = (await browser.Get("/api/v1/me")).Ok();
        Assert.Equal(["account", "user"], me.Json!.AsObject().Select(p => p.Key));
        Assert.Equal(["id", "name", "currency", "createdAt"], me["account"].AsObject().Select(p => p.Key));
        Assert.Equal(["id", "email", "role"], me["user"].AsObject().Select(p => p.Key)); // the role since issue 10; no language
    }

    private static async Task SetAsync(AppFactory app, string userId, string? language)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SetUserLanguage>()
            .HandleAsync(userId, new SetUserLanguage.Request(language), CancellationToken.None);
    }

    private static async Task<string?> StoredAsync(AppFactory app, string userId)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync();
    }

    private static async Task<(string Email, string UserId)> SignUpAsync(AppFactory app)
    {
        var email = $"language-{Guid.NewGuid():N}@example.com";
        var reply = (await app.Client().Post("/api/v1/accounts",
            new { name = "Toko Bahasa", currency = "IDR", userEmail = email, password = Password })).Ok();
        return (email, reply["user"]["id"]!.GetValue<string>());
    }

    /// <summary>The login use case, as the login page runs it: the user it answers carries the stored language.</summary>
    private sealed class LogInUser(AppFactory app)
    {
        public async Task<User> RunAsync(string email)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<LogIn>()
                .HandleAsync(new LogIn.Request(email, Password), CancellationToken.None);
            return result.User;
        }
    }
}
