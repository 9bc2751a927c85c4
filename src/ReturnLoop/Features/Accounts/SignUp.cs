using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ReturnLoop.Features.Accounts;

/// <summary>A new seller signs up: an account, its first user, and an API key shown once.</summary>
public sealed class SignUp(AppDbContext db, TimeProvider clock, IPasswordHasher<User> hasher)
{
    public sealed record Request(
        [property: Required] string? Name,
        [property: Required] string? Currency,
        [property: Required] string? UserEmail,
        [property: Required] string? Password);

    public sealed record Result(Account Account, User User, string ApiKey);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct, string? fixedApiKey = null)
    {
        new Check()
            .Required(request.Name, "name")
            .That(Money.IsSupported(request.Currency), "currency", $"One of {string.Join(", ", Money.Currencies)}.")
            .Required(request.UserEmail, "userEmail", 320)
            .That(request.UserEmail is null || (request.UserEmail.Contains('@') && !request.UserEmail.Trim().Contains(' ')), "userEmail",
                "Not an email address.")
            .Password(request.Password, request.UserEmail)
            .ThrowIfInvalid();

        var email = User.NormalizeEmail(request.UserEmail!);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            throw DomainError.Conflict("A user with this email already exists.");

        var now = clock.GetUtcNow();
        var account = Account.Create(request.Name!, request.Currency!, now);
        var user = User.Create(account.Id, email, now, Role.Owner);
        user.SetPasswordHash(hasher.HashPassword(user, request.Password!));
        var key = fixedApiKey ?? ApiKeys.Generate();
        db.AddRange(account, user, ApiKey.Create(user, "default", key, now));
        await db.SaveChangesAsync(ct);
        return new Result(account, user, key);
    }
}
