using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// A shop's platform credentials, encrypted with ASP.NET Core Data Protection; the keys live in the database so every app
/// instance can read what another stored. Every field is a secret, access tokens too (marketplaces.md).
/// </summary>
public sealed class ShopCredentials(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ReturnLoop.Shops.Credentials.v1");

    /// <summary>The fields each platform signs with.</summary>
    public static IReadOnlyList<string> FieldsOf(Platform platform) => platform switch
    {
        Platform.Shopee => ["partnerId", "partnerKey", "accessToken"],
        Platform.TikTok => ["appKey", "appSecret", "accessToken", "shopCipher"],
        Platform.Lazada => ["appKey", "appSecret", "accessToken"],
        _ => [],
    };

    public string Protect(IReadOnlyDictionary<string, string> credentials) =>
        _protector.Protect(JsonSerializer.Serialize(credentials));

    public IReadOnlyDictionary<string, string> Unprotect(string protectedCredentials) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedCredentials)) ?? [];
}
