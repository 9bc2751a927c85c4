using System.Globalization;
using ReturnLoop.Infrastructure;

namespace ReturnLoop.Features.Timeline;

public enum Side { Distributor, Supplier, Platform, System }

/// <summary>What either side did to one after-sales order and its return, and when. Both sides see it.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry() { }

    public TimelineEntry(string afterSalesOrderId, Side side, string? actorAccountId, string @event, string message, DateTimeOffset at)
    {
        AfterSalesOrderId = afterSalesOrderId;
        Side = side;
        ActorAccountId = actorAccountId;
        Event = @event;
        Message = message;
        At = at;
    }

    /// <summary>Orders the timeline: strictly increasing within the process (see <see cref="NextId"/>).</summary>
    public string Id { get; private set; } = NextId();
    public string AfterSalesOrderId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public Side Side { get; private set; }
    public string? ActorAccountId { get; private set; }
    /// <summary>A stable name: Created, Approved, Pushed, PushFailed, Cancelled, Recalled, RecallFailed, StockedIn, RefundCreated …</summary>
    public string Event { get; private set; } = "";
    public string Message { get; private set; } = "";

    private static readonly Lock Gate = new();
    private static UInt128 _last;

    /// <summary>
    /// A version-7 id that sorts after every id this process gave out before: two events of one request (Created and
    /// ReturnCreated) usually fall in the same millisecond, where plain version-7 ids are in random order.
    /// </summary>
    private static string NextId()
    {
        var id = UInt128.Parse(Ids.New(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        lock (Gate)
        {
            _last = id > _last ? id : _last + 1;
            return _last.ToString("x32", CultureInfo.InvariantCulture);
        }
    }
}
