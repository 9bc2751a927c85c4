using System.Buffers.Binary;

namespace ReturnLoop.Infrastructure;

/// <summary>
/// Ids are 32 lowercase hex characters of a version-7 GUID: time-ordered, so the newest-first lists page by id
/// (keyset) on both databases, and the text sorts the same under any collation.
/// </summary>
public static class Ids
{
    public const int Length = 32;

    private static readonly Lock Gate = new();
    private static UInt128 _last;

    /// <summary>
    /// A new id that sorts after every id this process gave out before. Plain version-7 ids are in random order
    /// within one millisecond, where one request often creates several rows (Created and ReturnCreated on a timeline).
    /// Across processes the order is the clock's, to the millisecond.
    /// </summary>
    public static string New()
    {
        // Every entity's constructor takes one, an entity read from the database included (EF then sets the stored
        // id): so no text is parsed or formatted but the id's own 32 characters.
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(bytes, bigEndian: true, out _);
        var id = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (Gate)
        {
            _last = id > _last ? id : _last + 1;
            id = _last;
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, id);
        return Convert.ToHexStringLower(bytes);
    }
}
