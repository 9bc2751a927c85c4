using Microsoft.AspNetCore.Identity;

namespace ReturnLoop.Features.Accounts;

/// <summary>Checks an email and password: the same answer for a wrong password and an unknown email.</summary>
public sealed class LogIn(AppDbContext db, IPasswordHasher<User> hasher)
{
    public sealed record Request(string? Email, string? Password);

    public sealed record Result(Account Account, User User);

    public static DomainError InvalidCredentials() =>
        new(StatusCodes.Status401Unauthorized, "auth.invalid_credentials", "The email or the password is wrong.");

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)) throw InvalidCredentials();
        var email = User.NormalizeEmail(request.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            // as slow as a real check, so the answer's timing does not tell which emails exist
            hasher.VerifyHashedPassword(Placeholder, PlaceholderHash, request.Password);
            throw InvalidCredentials();
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (verdict == PasswordVerificationResult.Failed) throw InvalidCredentials();
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, request.Password));
            await db.SaveChangesAsync(ct);
        }
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == user.AccountId, ct);
        return new Result(account, user);
    }

    private static readonly User Placeholder = User.Create("", "nobody@returnloop.invalid", DateTimeOffset.UnixEpoch);
    private static readonly string PlaceholderHash = new PasswordHasher<User>().HashPassword(Placeholder, "not a password of anyone");
}
