using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.Accounts;

/// <summary>Sign-in lockout (api.md): <c>Auth:LockoutAttempts</c> wrong passwords in a row lock the user for
/// <c>Auth:LockoutMinutes</c>.</summary>
public sealed class LockoutOptions
{
    public const string Section = "Auth";

    public int LockoutAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>
/// Checks an email and password: the same answer for a wrong password and an unknown email. Repeated wrong passwords lock
/// the user for a while (429 <c>auth.locked_out</c> with Retry-After, even with the right password).
/// </summary>
public sealed class LogIn(AppDbContext db, IPasswordHasher<User> hasher, TimeProvider clock, IOptions<LockoutOptions> lockout)
{
    public sealed record Request(string? Email, string? Password);

    public sealed record Result(Account Account, User User);

    public static DomainError InvalidCredentials() =>
        new(StatusCodes.Status401Unauthorized, "auth.invalid_credentials", "The email or the password is wrong.");

    public static DomainError LockedOut(TimeSpan wait) =>
        new(StatusCodes.Status429TooManyRequests, "auth.locked_out", "Too many wrong passwords: sign-in is locked for a while.")
        {
            RetryAfter = wait,
        };

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
        var now = clock.GetUtcNow();
        if (user.IsLockedOut(now)) throw LockedOut(user.LockedUntil!.Value - now);
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var options = lockout.Value;
            user.LoginFailed(now, options.LockoutAttempts, TimeSpan.FromMinutes(options.LockoutMinutes));
            await db.SaveChangesAsync(ct);
            throw InvalidCredentials();
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.SetPasswordHash(hasher.HashPassword(user, request.Password));
        if (user.FailedLogins > 0 || user.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.LoginSucceeded();
            await db.SaveChangesAsync(ct);
        }
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == user.AccountId, ct);
        return new Result(account, user);
    }

    private static readonly User Placeholder = User.Create("", "nobody@returnloop.invalid", DateTimeOffset.UnixEpoch);
    private static readonly string PlaceholderHash = new PasswordHasher<User>().HashPassword(Placeholder, "not a password of anyone");
}
