using System.Text;

namespace ReturnLoop.Marketplaces.Lazada;

/// <summary>Lazada Open Platform signatures (marketplaces.md §3.7).</summary>
public static class LazadaSigning
{
    /// <summary>
    /// The <c>sign</c> parameter: upper-case hex HMAC over the API path and every parameter but <c>sign</c> as key+value in key
    /// order. Every parameter goes in the query and is signed together (a JSON body fails the signature).
    /// </summary>
    public static string SignRequest(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var s = new StringBuilder(apiPath);
        foreach (var (key, value) in parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal))
            s.Append(key).Append(value);
        return Hmac.LowerHex(appSecret, s.ToString()).ToUpperInvariant();
    }

    /// <summary>The <c>Authorization</c> header of a push: HMAC with the app secret over the app key and the raw body.</summary>
    public static string SignPush(string appKey, string appSecret, ReadOnlySpan<byte> body) => Hmac.LowerHex(appSecret, appKey, body);

    public static bool VerifyPush(string appKey, string appSecret, ReadOnlySpan<byte> body, string? authorization) =>
        Hmac.Matches(SignPush(appKey, appSecret, body), authorization);
}
