using System.Security.Cryptography;
using System.Text;

namespace ReturnLoop.Features.Accounts;

public static class ApiKeys
{
    public const string KeyPrefix = "rl_";

    /// <summary>A new random key: 32 bytes of entropy, URL-safe.</summary>
    public static string Generate(string prefix = KeyPrefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Keys are random and long, so a plain SHA-256 is enough to keep them unusable if the table leaks.</summary>
    /// <summary>
    /// The keys the caller may see and manage: an Owner every key of the account, anyone else their own (api.md). The
    /// caller's role is read from the user row, never from a sign-in that may be minutes old.
    /// </summary>
    public static async Task<IQueryable<ApiKey>> ManageableAsync(this AppDbContext db, string userId, CancellationToken ct)
    {
        var caller = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.AccountId, u.Role })
            .SingleOrDefaultAsync(ct) ?? throw DomainError.NotFound("user");
        return caller.Role == Role.Owner
            ? db.ApiKeys.Where(k => k.AccountId == caller.AccountId)
            : db.ApiKeys.Where(k => k.UserId == userId);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
