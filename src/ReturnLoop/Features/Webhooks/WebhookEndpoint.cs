using System.Security.Cryptography;

namespace ReturnLoop.Features.Webhooks;

/// <summary>An account's receiver of outbound webhooks: a URL, the event types it wants (none = all) and its signing secret.</summary>
public sealed class WebhookEndpoint
{
    public const string SecretPrefix = "whsec_";

    private WebhookEndpoint() { }

    public string Id { get; private set; } = Ids.New();
    public string AccountId { get; private set; } = "";
    public string Url { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>A comma list of event types; null means every type.</summary>
    public string? Events { get; private set; }
    public bool Enabled { get; private set; }
    /// <summary>Kept readable because every delivery is signed with it; shown to the client once, on creation.</summary>
    public string Secret { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string>? EventTypes => Events?.Split(',');

    /// <summary>A ping is meant for this endpoint whatever its filter; every other type must be subscribed.</summary>
    public bool Receives(string type) => Enabled && (Events is null || type == WebhookEventTypes.Ping || Events.Split(',').Contains(type));

    public static WebhookEndpoint Create(string accountId, string url, IReadOnlyCollection<string>? events, string? description,
        DateTimeOffset now) =>
        new()
        {
            AccountId = accountId,
            Url = url,
            Events = Join(events),
            Description = description,
            Enabled = true,
            // Standard Webhooks: "whsec_" + base64 of the key; 32 random bytes (the spec asks for at least 24).
            Secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void Change(string url, IReadOnlyCollection<string>? events, bool enabled, string? description, DateTimeOffset now)
    {
        Url = url;
        Events = Join(events);
        Enabled = enabled;
        Description = description;
        UpdatedAt = now;
    }

    /// <summary>The HMAC key: the base64 part of the secret after <c>whsec_</c>.</summary>
    public static byte[] KeyOf(string secret) => Convert.FromBase64String(secret[SecretPrefix.Length..]);

    private static string? Join(IReadOnlyCollection<string>? events) =>
        events is null or { Count: 0 } ? null : string.Join(',', events.Distinct());
}
