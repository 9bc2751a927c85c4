using ReturnLoop.Features.Audit;

namespace ReturnLoop.Features.Timeline;

public sealed record TimelineEntryResponse(DateTimeOffset At, Side Side, string? ActorAccountId, string Event, string Message,
    ActorType? ActorType = null, string? ActorId = null);

public static class TimelineQueries
{
    /// <summary>What both sides did to one after-sales order and its return, oldest first.</summary>
    public static async Task<IReadOnlyList<TimelineEntryResponse>> TimelineOfAsync(this AppDbContext db, string afterSalesOrderId,
        CancellationToken ct) =>
        await db.Timeline.AsNoTracking().Where(t => t.AfterSalesOrderId == afterSalesOrderId).OrderBy(t => t.Id)
            .Select(t => new TimelineEntryResponse(t.At, t.Side, t.ActorAccountId, t.Event, t.Message, t.ActorType, t.ActorId))
            .ToListAsync(ct);
}
