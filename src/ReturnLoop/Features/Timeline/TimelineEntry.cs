using ReturnLoop.Features.Audit;

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

    /// <summary>Orders the timeline (ids increase within a process, see <see cref="Ids.New"/>).</summary>
    public string Id { get; private set; } = Ids.New();
    public string AfterSalesOrderId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public Side Side { get; private set; }
    public string? ActorAccountId { get; private set; }
    /// <summary>A stable name: Created, Approved, Pushed, PushFailed, Cancelled, Recalled, RecallFailed, StockedIn, RefundCreated
    /// …</summary>
    public string Event { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>Who acted, as the audit log names them (set with the audit entry of the same save).</summary>
    public ActorType? ActorType { get; private set; }
    public string? ActorId { get; private set; }

    public void ActedBy(ActorType type, string? id)
    {
        ActorType = type;
        ActorId = id;
    }
}
