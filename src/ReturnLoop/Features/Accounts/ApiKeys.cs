using System.Security.Cryptography;
using System.Text;

namespace ReturnLoop.Features.Accounts;

public static class ApiKeys
{
    public const string KeyPrefix = "rl_";

    /// <summary>A new random key: 32 bytes of entropy, URL-safe.</summary>
    public static string Generate() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Keys are random and long, so a plain SHA-256 is enough to keep them unusable if the table leaks.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
