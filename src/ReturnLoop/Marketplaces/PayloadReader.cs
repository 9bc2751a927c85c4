using System.Globalization;
using System.Text.Json;

namespace ReturnLoop.Marketplaces;

/// <summary>
/// Permissive reads of platform JSON: the platforms' own pages disagree on whether a number is sent as a JSON number or a
/// string (marketplaces.md §3.3, §4), so every read accepts both, and amounts are parsed from their text into exact decimals,
/// never through a double.
/// </summary>
public static class PayloadReader
{
    public static JsonElement? Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Text(this JsonElement e, string name) => e.Get(name) is { } v ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => null,
    } : null;

    public static string RequiredText(this JsonElement e, string name) =>
        e.Text(name) is { Length: > 0 } s ? s : throw new PayloadException($"The payload has no {name}.");

    public static decimal Decimal(this JsonElement e, string name) =>
        e.Text(name) is { Length: > 0 } s
            ? decimal.TryParse(s, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
                ? d : throw new PayloadException($"{name} is not a number: {s}.")
            : 0m;

    public static long Long(this JsonElement e, string name) =>
        e.Text(name) is { Length: > 0 } s
            ? long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n : throw new PayloadException($"{name} is not a whole number: {s}.")
            : 0;

    public static int Int(this JsonElement e, string name) => checked((int)e.Long(name));

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    public static DateTimeOffset Seconds(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix);

    /// <summary>An epoch that may be in seconds or milliseconds (Lazada mixes both): anything past year 5138 in seconds is ms.</summary>
    public static DateTimeOffset SecondsOrMilliseconds(long unix) =>
        unix > 99_999_999_999 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
}

/// <summary>A platform payload that lacks what every payload of its kind has: the push or page is stored and reported.</summary>
public sealed class PayloadException(string message) : Exception(message);
