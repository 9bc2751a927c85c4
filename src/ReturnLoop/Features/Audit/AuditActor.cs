namespace ReturnLoop.Features.Audit;

/// <summary>
/// Who acts, and for which account (null for the system). An HTTP request acts as its principal; a worker, a marketplace
/// ingestion or a web page's action says who acts with <see cref="Use"/> around its work (an ambient value: it flows into
/// every await below it and ends with the scope, so a use case needs no extra parameter).
/// </summary>
public sealed record AuditActor(ActorType Type, string? Id, string? AccountId)
{
    /// <summary>Set by the API key handler beside the user claim: which key a request came with.</summary>
    public const string ApiKeyClaim = "api_key_id";

    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static AuditActor? Current => Ambient.Value;

    public static AuditActor System(string worker) => new(ActorType.System, worker, null);

    /// <summary>A marketplace acting on a shop's data: "<c>Shopee/123456</c>" (the platform and its own shop id).</summary>
    public static AuditActor Platform(string platform, string platformShopId, string accountId) =>
        new(ActorType.Platform, $"{platform}/{platformShopId}", accountId);

    /// <summary>The signed-in user, or the API key a request came with; null for an anonymous request.</summary>
    public static AuditActor? Of(ClaimsPrincipal? principal)
    {
        if (principal?.TryAccountId() is not { } accountId) return null;
        if (principal.FindFirstValue(ApiKeyClaim) is { } keyId) return new(ActorType.ApiKey, keyId, accountId);
        return new(ActorType.User, principal.FindFirstValue(Tenant.UserClaim), accountId);
    }

    /// <summary>Acts as <paramref name="actor"/> until the returned scope is disposed (then as before).</summary>
    public static IDisposable Use(AuditActor? actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
