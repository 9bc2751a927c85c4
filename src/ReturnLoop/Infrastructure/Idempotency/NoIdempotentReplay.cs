namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary>
/// Endpoint metadata: the answer holds a secret shown once (a new API key), so it is never stored for replay.
/// <para>
/// The key's claim is still kept, without the answer: a retry with the same key and body does not create a second
/// resource but answers 409 <c>idempotency.not_replayable</c>, whose <c>location</c> names what the first request
/// created (list it, revoke it if its secret was lost, and ask again with a new key). An integrator who sends an
/// <c>Idempotency-Key</c> relies on "at most once"; silently creating a second credential would break that, and
/// replaying the first would keep a live credential in plain text in the database.
/// </para>
/// </summary>
public sealed class NoIdempotentReplay
{
    public static readonly NoIdempotentReplay Instance = new();

    private NoIdempotentReplay() { }
}
