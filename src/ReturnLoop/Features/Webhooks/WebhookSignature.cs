using System.Security.Cryptography;
using System.Text;

namespace ReturnLoop.Features.Webhooks;

/// <summary>Standard Webhooks signing: <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookEndpoint.KeyOf(secret), signed));
    }
}
