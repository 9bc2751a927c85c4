namespace ReturnLoop.Features.Webhooks;

/// <summary>The event types of api.md "Outbound webhooks".</summary>
public static class WebhookEventTypes
{
    public const string AfterSalesStatusChanged = "after_sales.status_changed";
    public const string DistributionReturnPushFailed = "distribution_return.push_failed";
    public const string SupplierReturnPushed = "supplier_return.pushed";
    public const string SupplierReturnRecalled = "supplier_return.recalled";
    public const string SupplierReturnStockedIn = "supplier_return.stocked_in";
    public const string RefundOrderCreated = "refund_order.created";
    public const string RefundOrderCompleted = "refund_order.completed";
    public const string RefundOrderVoided = "refund_order.voided";
    public const string RefundOrderProofUploaded = "refund_order.proof_uploaded";
    public const string RefundOrderNotReceived = "refund_order.not_received";
    public const string BalanceChanged = "balance.changed";
    public const string Ping = "webhook.ping";

    public static readonly IReadOnlyList<string> All =
    [
        AfterSalesStatusChanged, DistributionReturnPushFailed, SupplierReturnPushed, SupplierReturnRecalled, SupplierReturnStockedIn,
        RefundOrderCreated, RefundOrderCompleted, RefundOrderVoided, RefundOrderProofUploaded, RefundOrderNotReceived, BalanceChanged, Ping,
    ];
}

/// <summary>
/// The outbox: one row per event and receiving account, written in the transaction of the change it describes.
/// <see cref="Payload"/> is the exact body sent, so every retry and redelivery signs the same bytes.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent() { }

    public WebhookEvent(string accountId, string type, string resourceId, string payload, DateTimeOffset now)
    {
        AccountId = accountId;
        Type = type;
        ResourceId = resourceId;
        Payload = payload;
        CreatedAt = now;
    }

    /// <summary>Sent as <c>webhook-id</c>: the receiver's key for de-duplicating at-least-once deliveries.</summary>
    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string ResourceId { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

public enum WebhookDeliveryStatus { Pending, Succeeded, Failed }

/// <summary>
/// One event on its way to one endpoint, and its delivery log. The worker that holds the lease
/// (<see cref="LockedBy"/> until <see cref="LockedUntil"/>) makes the attempt and records its result in this row.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(WebhookEvent e, string endpointId, DateTimeOffset now)
    {
        EventId = e.Id;
        EndpointId = endpointId;
        AccountId = e.AccountId;
        Type = e.Type;
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
    }

    public string Id { get; private set; } = Ids.New();
    public string EventId { get; private set; } = "";
    public string EndpointId { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    /// <summary>When the next attempt is due; null once Succeeded or Failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public string? LockedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
