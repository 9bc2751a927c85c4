namespace ReturnLoop.Infrastructure;

/// <summary>
/// The system clock cut to whole microseconds, the precision PostgreSQL keeps: an answer then shows exactly the
/// instant a later read returns, on either database.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => Truncate(base.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
