using System.Text.Json;

namespace ReturnLoop.Tests.Marketplaces;

/// <summary>The recorded and documented payloads under Marketplaces/Payloads, as bytes (for signatures) or parsed.</summary>
internal static class Payload
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Marketplaces", "Payloads", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Bytes(name)).RootElement;
}
