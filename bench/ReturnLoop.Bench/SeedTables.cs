using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ReturnLoop.Bench;

/// <summary>One column of a table, read from the EF model: its name, store type and how to get its provider value.</summary>
internal sealed record SeedColumn(string Name, string StoreType, Func<object, object?> Value);

/// <summary>
/// The table an entity type is mapped to, taken from the app's EF model (no second, hand-written copy of the schema):
/// every column of the table, each with the provider value EF would send on INSERT — the property through its value
/// converter, an owned JSON navigation serialized as EF's update pipeline does (ModificationCommand.WriteJson), a shadow
/// property (the concurrency Version) at the value a newly added entry starts with.
/// </summary>
internal sealed class SeedTable
{
    private SeedTable(string name, string key, IReadOnlyList<SeedColumn> columns)
    {
        Name = name;
        Key = key;
        Columns = columns;
    }

    public string Name { get; }
    /// <summary>The primary key's (first) column.</summary>
    public string Key { get; }
    public IReadOnlyList<SeedColumn> Columns { get; }

    public static SeedTable Of(IModel model, Type clrType)
    {
        var entityType = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var mapping = entityType.GetTableMappings().Single();
        var table = mapping.Table;
        if (table.Schema is not null) throw new NotSupportedException($"{table.Name}: tables in a schema are not written.");
        var columns = new List<SeedColumn>();
        foreach (var column in table.Columns)
        {
            var property = column.PropertyMappings.Select(m => m.Property)
                .SingleOrDefault(p => p.DeclaringType == entityType);
            if (property is not null)
            {
                columns.Add(new SeedColumn(column.Name, column.StoreType, ScalarValue(property)));
                continue;
            }
            var navigation = entityType.GetNavigations().SingleOrDefault(n => !n.IsOnDependent
                && n.TargetEntityType.IsMappedToJson() && n.TargetEntityType.GetContainerColumnName() == column.Name)
                ?? throw new NotSupportedException($"{table.Name}.{column.Name}: neither a property nor a JSON navigation of "
                    + $"{clrType.Name} (table splitting or inheritance is not written).");
            columns.Add(new SeedColumn(column.Name, column.StoreType, JsonValue(navigation)));
        }
        var key = entityType.FindPrimaryKey()!.Properties[0].GetColumnName(StoreObjectIdentifier.Table(table.Name, table.Schema))!;
        return new SeedTable(table.Name, key, columns);
    }

    private static Func<object, object?> ScalarValue(IProperty property)
    {
        // EF would leave such a column to the database or a generator: this writer cannot, so it refuses rather than guess.
        if (property.ValueGenerated != ValueGenerated.Never || property.GetDefaultValueSql() is not null
            || property.GetComputedColumnSql() is not null || property.TryGetDefaultValue(out _))
            throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: generated or defaulted columns "
                + "are not written.");
        var converter = property.GetTypeMapping().Converter;
        if (property.IsShadowProperty())
        {
            // An added entry's shadow value starts at the CLR default (the Version of a new aggregate is 0).
            var initial = property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null;
            var stored = converter is null ? initial : converter.ConvertToProvider(initial);
            return _ => stored;
        }
        var getter = property.GetGetter();
        return converter is null ? getter.GetClrValue : e => converter.ConvertToProvider(getter.GetClrValue(e));
    }

    private static Func<object, object?> JsonValue(INavigation navigation)
    {
        var getter = navigation.GetGetter();
        var target = navigation.TargetEntityType;
        var collection = navigation.IsCollection;
        return e =>
        {
            var value = getter.GetClrValue(e);
            // A missing owned reference writes no JSON (the column stays NULL); an empty collection is "[]".
            if (value is null) return null;
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
            {
                WriteJson(writer, value, target, collection);
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        };
    }

    /// <summary>The shape EF writes: an array of objects for a collection, each property under its JSON name (keys and
    /// the ordinal left out), values through the property's JSON reader/writer (which applies its value converter).</summary>
    private static void WriteJson(Utf8JsonWriter writer, object? value, IEntityType type, bool collection)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        if (collection)
        {
            writer.WriteStartArray();
            foreach (var element in (IEnumerable)value) WriteJson(writer, element, type, collection: false);
            writer.WriteEndArray();
            return;
        }
        writer.WriteStartObject();
        foreach (var property in type.GetFlattenedProperties())
        {
            if (property.IsKey()) continue;
            if (property.IsShadowProperty())
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name}: shadow properties in JSON are not written.");
            writer.WritePropertyName(property.GetJsonPropertyName()!);
            var v = property.GetGetter().GetClrValue(value);
            if (v is null) writer.WriteNullValue();
            else (property.GetJsonValueReaderWriter() ?? property.GetTypeMapping().JsonValueReaderWriter)!.ToJson(writer, v);
        }
        foreach (var navigation in type.GetNavigations())
        {
            if (navigation.IsOnDependent) continue;
            writer.WritePropertyName(navigation.TargetEntityType.GetJsonPropertyName()!);
            WriteJson(writer, navigation.GetGetter().GetClrValue(value), navigation.TargetEntityType, navigation.IsCollection);
        }
        writer.WriteEndObject();
    }
}
