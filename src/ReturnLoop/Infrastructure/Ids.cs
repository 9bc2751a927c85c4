namespace ReturnLoop.Infrastructure;

/// <summary>
/// Ids are 32 lowercase hex characters of a version-7 GUID: time-ordered, so the newest-first
/// lists page by id (keyset) on both databases, and the text sorts the same under any collation.
/// </summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public const int Length = 32;
}
