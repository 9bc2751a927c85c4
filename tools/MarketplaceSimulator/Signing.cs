using System.Security.Cryptography;
using System.Text;

namespace MarketplaceSimulator;

/// <summary>
/// The platforms' signatures, written here apart from ReturnLoop's own code on purpose: a test through the simulator then
/// checks ReturnLoop against an independent reading of marketplaces.md §1.7, §2.7 and §3.7.
/// </summary>
public static class Signing
{
    public static string Hex(string key, byte[] message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));

    public static string Hex(string key, string message) => Hex(key, Encoding.UTF8.GetBytes(message));

    public static string ShopeeRequest(SimShop shop, string path, string timestamp) =>
        Hex(shop.Secret, shop.Key + path + timestamp + shop.AccessToken + shop.ShopId);

    public static string ShopeePush(SimShop shop, byte[] body) =>
        Hex(shop.Secret, [.. Encoding.UTF8.GetBytes(shop.PushUrl + "|"), .. body]);

    public static string TikTokRequest(SimShop shop, string path, IQueryCollection query, string body)
    {
        var s = new StringBuilder(path);
        foreach (var (k, v) in query.Where(q => q.Key is not ("sign" or "access_token") && !string.IsNullOrEmpty(q.Value))
                     .OrderBy(q => q.Key, StringComparer.Ordinal))
            s.Append(k).Append(v.ToString());
        s.Append(body);
        return Hex(shop.Secret, shop.Secret + s + shop.Secret);
    }

    public static string LazadaRequest(SimShop shop, string path, IQueryCollection query)
    {
        var s = new StringBuilder(path);
        foreach (var (k, v) in query.Where(q => q.Key != "sign").OrderBy(q => q.Key, StringComparer.Ordinal))
            s.Append(k).Append(v.ToString());
        return Hex(shop.Secret, s.ToString()).ToUpperInvariant();
    }

    /// <summary>TikTok and Lazada pushes: HMAC with the app secret over the app key and the raw body.</summary>
    public static string AppPush(SimShop shop, byte[] body) => Hex(shop.Secret, [.. Encoding.UTF8.GetBytes(shop.Key), .. body]);

    public static bool Same(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
}
