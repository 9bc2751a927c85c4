namespace ReturnLoop.Features.Accounts;

/// <summary>A seller (tenant). One account may be a supplier to some partners and a distributor to others.</summary>
public sealed class Account
{
    private Account() { }

    public string Id { get; private set; } = Ids.New();
    public string Name { get; private set; } = "";
    /// <summary>Base currency: a supplier's prices, fees, refunds and customer balances are in it.</summary>
    public string Currency { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Distributor setting: push a new return &amp; stock-in – distribution at once (default off).</summary>
    public bool AutoPushReturns { get; private set; }

    /// <summary>Supplier's Distribution Charge Settings: the fee per shipped order.</summary>
    public decimal DistributionFee { get; private set; }

    /// <summary>Supplier's Distribution Charge Settings: the fee per return, frozen onto each refund order.</summary>
    public decimal ReturnHandlingFee { get; private set; }

    public static Account Create(string name, string currency, DateTimeOffset now) =>
        new() { Name = name.Trim(), Currency = currency, CreatedAt = now };

    public void SetAutoPush(bool on)
    {
        AutoPushReturns = on;
    }

    public void SetChargeSettings(decimal distributionFee, decimal returnHandlingFee)
    {
        DistributionFee = distributionFee;
        ReturnHandlingFee = returnHandlingFee;
    }
}

public sealed class User
{
    private User() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    /// <summary>Lower-cased; unique across the product, it is the login.</summary>
    public string Email { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The web app's language the user chose ("en", "id"); null until the user picks one.</summary>
    public string? Language { get; private set; }

    /// <summary>What the user may do in the account; the one who signs the account up is its Owner.</summary>
    public Role Role { get; private set; } = Role.Owner;

    public static User Create(string accountId, string email, DateTimeOffset now, Role role = Role.Owner) =>
        new() { AccountId = accountId, Email = NormalizeEmail(email), CreatedAt = now, Role = role };

    /// <summary>
    /// A new role. <paramref name="otherOwners"/>: the account's Owners besides this user; an account always keeps one, so
    /// the last Owner cannot step down (409 <c>users.last_owner</c>).
    /// </summary>
    public void ChangeRole(Role role, int otherOwners)
    {
        if (Role == Role.Owner && role != Role.Owner && otherOwners == 0) throw LastOwner();
        Role = role;
    }

    public static bool CanLeave(User user, int otherOwners) => user.Role != Role.Owner || otherOwners > 0;

    public static DomainError LastOwner() =>
        new(StatusCodes.Status409Conflict, "users.last_owner", "An account always keeps at least one Owner.");

    /// <summary>Wrong passwords in a row; reset by a successful sign-in.</summary>
    public int FailedLogins { get; private set; }

    /// <summary>Until then every sign-in is refused, even with the right password (a guessed password must not help).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;

    /// <summary>
    /// One more wrong password; the <paramref name="attempts"/>-th in a row locks the user for <paramref name="lockout"/>.
    /// </summary>
    public void LoginFailed(DateTimeOffset now, int attempts, TimeSpan lockout)
    {
        FailedLogins++;
        if (FailedLogins < attempts) return;
        LockedUntil = now + lockout;
        FailedLogins = 0;
    }

    public void LoginSucceeded()
    {
        FailedLogins = 0;
        LockedUntil = null;
    }

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void SetLanguage(string language) => Language = language;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>An API key of one user. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    private ApiKey() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The first characters of the key, so a user can tell keys apart without the secret.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>
    /// When the key last authenticated a request, to the minute: written at most once a minute per key (see
    /// <see cref="UsedRecently"/>), never once per request.
    /// </summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public static bool UsedRecently(DateTimeOffset? lastUsedAt, DateTimeOffset now) =>
        lastUsedAt is { } at && now - at < LastUsedPrecision;

    public static ApiKey Create(User user, string name, string key, DateTimeOffset now) => new()
    {
        AccountId = user.AccountId,
        UserId = user.Id,
        Name = name,
        Prefix = key[..Math.Min(12, key.Length)],
        Hash = ApiKeys.Hash(key),
        CreatedAt = now,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
