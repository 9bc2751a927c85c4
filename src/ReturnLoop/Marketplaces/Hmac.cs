using System.Security.Cryptography;
using System.Text;

namespace ReturnLoop.Marketplaces;

/// <summary>The HMAC-SHA256 every platform signs with, and a constant-time check of a received signature.</summary>
public static class Hmac
{
    public static string LowerHex(string key, ReadOnlySpan<byte> message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));

    public static string LowerHex(string key, string message) => LowerHex(key, Encoding.UTF8.GetBytes(message));

    /// <summary>HMAC over a text prefix followed by the raw body bytes, exactly as received (never re-serialised).</summary>
    public static string LowerHex(string key, string prefix, ReadOnlySpan<byte> body)
    {
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var message = new byte[prefixBytes.Length + body.Length];
        prefixBytes.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefixBytes.Length));
        return LowerHex(key, message);
    }

    /// <summary>Compares hex signatures in constant time, ignoring letter case; a missing signature never matches.</summary>
    public static bool Matches(string expectedLowerHex, string? received)
    {
        if (string.IsNullOrWhiteSpace(received)) return false;
        var given = Encoding.ASCII.GetBytes(received.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedLowerHex), given);
    }
}
