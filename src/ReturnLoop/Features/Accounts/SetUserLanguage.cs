namespace ReturnLoop.Features.Accounts;

/// <summary>
/// The web app's language of one user, kept on the user row so it follows the user to any browser
/// (applied at login); the API itself always speaks English codes.
/// </summary>
public sealed class SetUserLanguage(AppDbContext db)
{
    /// <summary>The languages the web app has words for: English and Bahasa Indonesia.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "id"];

    public sealed record Request(string? Language);

    public async Task<User> HandleAsync(string userId, Request request, CancellationToken ct)
    {
        new Check().Required(request.Language, "language", 8)
            .That(request.Language is null || Languages.Contains(request.Language), "language", "Not a language of the web app.")
            .ThrowIfInvalid();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw DomainError.NotFound("user");
        user.SetLanguage(request.Language!);
        await db.SaveChangesAsync(ct);
        return user;
    }
}
