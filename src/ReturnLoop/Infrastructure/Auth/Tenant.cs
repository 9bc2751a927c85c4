namespace ReturnLoop.Infrastructure.Auth;

public static class Tenant
{
    public const string AccountClaim = "account_id";
    public const string UserClaim = "user_id";

    /// <summary>The account every request acts as: the one behind the API key or the login.</summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindFirstValue(AccountClaim) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string? TryAccountId(this ClaimsPrincipal user) => user.FindFirstValue(AccountClaim);

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserClaim) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static ClaimsPrincipal Principal(string accountId, string userId, string email, Role role, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(AccountClaim, accountId), new Claim(UserClaim, userId), new Claim(ClaimTypes.Name, email),
                new Claim(Permissions.RoleClaim, role.ToString()),
            ],
            scheme));
}
