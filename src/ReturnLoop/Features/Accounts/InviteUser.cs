using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Accounts;

/// <summary>
/// An Owner invites a person with a role: the token (a link) is returned once, only its hash is kept; it lasts 7 days
/// and is used once. Emails are unique product-wide, so an email that already signs in somewhere is refused.
/// </summary>
public sealed class InviteUser(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] string? Email, [property: Required] Role? Role);

    public async Task<(Invitation Invitation, string Token)> HandleAsync(string accountId, string ownerUserId, Request request,
        CancellationToken ct)
    {
        new Check()
            .Required(request.Email, "email", 320)
            .That(request.Email is null || Users.IsEmail(request.Email), "email", "Not an email address.")
            .Required(request.Role, "role")
            .ThrowIfInvalid();
        var email = User.NormalizeEmail(request.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, ct)) throw Users.EmailTaken();
        var token = ApiKeys.Generate("rli_");
        var invitation = Invitation.Create(accountId, email, request.Role!.Value, token, ownerUserId, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return (invitation, token);
    }
}
