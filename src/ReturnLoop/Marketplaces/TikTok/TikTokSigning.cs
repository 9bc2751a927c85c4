using System.Text;

namespace ReturnLoop.Marketplaces.TikTok;

/// <summary>TikTok Shop Partner API signatures (marketplaces.md §2.7).</summary>
public static class TikTokSigning
{
    /// <summary>
    /// The <c>sign</c> query parameter: the path, then every query parameter but <c>sign</c> and <c>access_token</c> (empty ones
    /// dropped) as key+value in ordinal key order, then the JSON body of a non-GET call, wrapped in the app secret.
    /// </summary>
    public static string SignRequest(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string?>> query,
        string? jsonBody)
    {
        var s = new StringBuilder(apiPath);
        foreach (var (key, value) in query
                     .Where(p => p.Key is not ("sign" or "access_token") && !string.IsNullOrEmpty(p.Value))
                     .OrderBy(p => p.Key, StringComparer.Ordinal))
            s.Append(key).Append(value);
        if (!string.IsNullOrEmpty(jsonBody)) s.Append(jsonBody);
        return Hmac.LowerHex(appSecret, appSecret + s + appSecret);
    }

    /// <summary>The <c>Authorization</c> header of a push: HMAC with the app secret over the app key and the raw body.</summary>
    public static string SignPush(string appKey, string appSecret, ReadOnlySpan<byte> body) => Hmac.LowerHex(appSecret, appKey, body);

    public static bool VerifyPush(string appKey, string appSecret, ReadOnlySpan<byte> body, string? authorization) =>
        Hmac.Matches(SignPush(appKey, appSecret, body), authorization);
}
