namespace ReturnLoop.Features.Audit;

public enum ActorType { User, ApiKey, Platform, System }

/// <summary>
/// One state change of an account's data: who made it, when, from which request (trace id), and what changed. Written by
/// <see cref="AuditInterceptor"/> in the same save as the change itself; never changed afterwards.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(string accountId, DateTimeOffset at, AuditActor actor, string action, string entityType, string entityId,
        string? traceId, string changes)
    {
        AccountId = accountId;
        At = at;
        ActorType = actor.Type;
        ActorId = actor.Id;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        TraceId = traceId;
        Changes = changes;
    }

    /// <summary>Time-ordered: the log pages newest first by id.</summary>
    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public ActorType ActorType { get; private set; }
    /// <summary>The user id, the API key id, "platform/shop" for a marketplace, the worker's name for the system.</summary>
    public string? ActorId { get; private set; }
    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    /// <summary>The W3C trace id of the request or worker run that made the change (logs carry the same).</summary>
    public string? TraceId { get; private set; }
    /// <summary>Compact JSON: <c>{"Status":["ToConfirm","ConfirmReturn"]}</c> for a change, the new values for a row created.</summary>
    public string Changes { get; private set; } = "{}";
}
