namespace ReturnLoop.Features.Timeline;

public static class TimelineRecorder
{
    /// <summary>Adds a timeline entry to the unit of work, so it is saved with the change it describes.</summary>
    public static void Record(this AppDbContext db, string afterSalesOrderId, Side side, string? actorAccountId, string @event,
        string message, DateTimeOffset at) =>
        db.Timeline.Add(new TimelineEntry(afterSalesOrderId, side, actorAccountId, @event, message, at));
}
