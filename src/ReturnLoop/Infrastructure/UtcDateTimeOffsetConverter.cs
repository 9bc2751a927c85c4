using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReturnLoop.Infrastructure;

/// <summary>
/// Timestamps travel as ISO 8601 UTC with a 'Z'; any offset is accepted on input and turned into UTC, to the
/// microsecond that both databases keep.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MicrosecondClock.Truncate(reader.GetDateTimeOffset());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
