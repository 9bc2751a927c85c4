using ReturnLoop.Infrastructure;

namespace ReturnLoop.Tests;

/// <summary>Ids are 32 lowercase hex characters of a version-7 GUID, each after the one before (keyset paging by id).</summary>
public sealed class IdTests
{
    [Fact]
    public void Each_id_sorts_after_the_one_before_and_begins_with_the_clock_in_milliseconds()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 10_000).Select(_ => Ids.New()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(Ids.Length, ids[0].Length);
        // Strictly increasing as text, ordinal (how both databases compare them), even within one millisecond.
        for (var i = 1; i < ids.Count; i++) Assert.True(string.CompareOrdinal(ids[i - 1], ids[i]) < 0, $"{ids[i - 1]} !< {ids[i]}");
        var stamp = Convert.ToInt64(ids[0][..12], 16);
        Assert.InRange(stamp, before, after);
        Assert.Equal('7', ids[^1][12]); // the version nibble
        Assert.True(Guid.TryParseExact(ids[^1], "N", out _));
    }
}
