using System.Globalization;

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
        var id = UInt128.Parse(Guid.CreateVersion7().ToString("N"), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        lock (Gate)
        {
            _last = id > _last ? id : _last + 1;
            return _last.ToString("x32", CultureInfo.InvariantCulture);
        }
    }
}
