using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ReturnLoop.Features.Accounts;

/// <summary>
/// The invited person sets a password: the user is created in the account with the invited role, with a first API key
/// (shown once). An unknown, used or expired token is one answer: 404 <c>not_found</c>.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, TimeProvider clock, IPasswordHasher<User> hasher)
{
    public sealed record Request([property: Required] string? Password);

    public sealed record Result(Account Account, User User, string ApiKey);

    public async Task<Result> HandleAsync(string? token, Request request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) throw Invitation.NotValid();
        var hash = ApiKeys.Hash(token.Trim());
        var found = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { i.Email }).SingleOrDefaultAsync(ct) ?? throw Invitation.NotValid();
        new Check().Password(request.Password, found.Email).ThrowIfInvalid();

        return await db.RetryOnConflictAsync(async () =>
        {
            var invitation = await db.Invitations.SingleAsync(i => i.TokenHash == hash, ct);
            var now = clock.GetUtcNow();
            if (!invitation.CanAccept(now)) throw Invitation.NotValid();
            if (await db.Users.AnyAsync(u => u.Email == invitation.Email, ct)) throw Users.EmailTaken();
            var user = User.Create(invitation.AccountId, invitation.Email, now, invitation.Role);
            user.SetPasswordHash(hasher.HashPassword(user, request.Password!));
            invitation.Accept(user, now);
            var secret = ApiKeys.Generate();
            db.AddRange(user, ApiKey.Create(user, "default", secret, now));
            await db.SaveChangesAsync(ct);
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == invitation.AccountId, ct);
            return new Result(account, user, secret);
        });
    }
}
