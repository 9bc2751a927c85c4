namespace ReturnLoop.Marketplaces.Shopee;

/// <summary>Shopee Open Platform v2 signatures (marketplaces.md §1.7): the partner key is used as its UTF-8 text.</summary>
public static class ShopeeSigning
{
    /// <summary>The <c>sign</c> query parameter of a shop-level API call.</summary>
    public static string SignRequest(string partnerKey, long partnerId, string apiPath, long timestamp, string accessToken, long shopId) =>
        Hmac.LowerHex(partnerKey, $"{partnerId}{apiPath}{timestamp}{accessToken}{shopId}");

    /// <summary>The <c>Authorization</c> header of a push: HMAC over the full callback URL, "|", and the raw body.</summary>
    public static string SignPush(string partnerKey, string callbackUrl, ReadOnlySpan<byte> body) =>
        Hmac.LowerHex(partnerKey, callbackUrl + "|", body);

    public static bool VerifyPush(string partnerKey, string callbackUrl, ReadOnlySpan<byte> body, string? authorization) =>
        Hmac.Matches(SignPush(partnerKey, callbackUrl, body), authorization);
}
