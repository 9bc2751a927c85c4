namespace ReturnLoop.Features.Accounts;

/// <summary>
/// An Owner's invitation of a person into the account with a role. The token is shown once (only its hash is kept),
/// lasts <see cref="Lifetime"/> and is used once: accepting creates the user and their first API key.
/// </summary>
public sealed class Invitation
{
    private Invitation() { }

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public Role Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? UserId { get; private set; }

    public static Invitation Create(string accountId, string email, Role role, string token, string invitedBy, DateTimeOffset now) =>
        new()
        {
            AccountId = accountId,
            Email = User.NormalizeEmail(email),
            Role = role,
            TokenHash = ApiKeys.Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };

    public bool CanAccept(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    /// <summary>Used up or expired: the same answer as an unknown token (404 <c>not_found</c>), so a guess learns nothing.</summary>
    public void Accept(User user, DateTimeOffset now)
    {
        if (!CanAccept(now)) throw NotValid();
        AcceptedAt = now;
        UserId = user.Id;
    }

    public static DomainError NotValid() =>
        new(StatusCodes.Status404NotFound, "not_found", "This invitation does not exist, was used or has expired.");
}
