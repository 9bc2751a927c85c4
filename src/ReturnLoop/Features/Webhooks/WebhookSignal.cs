namespace ReturnLoop.Features.Webhooks;

/// <summary>Wakes this instance's delivery worker as soon as new deliveries are committed, instead of at its next poll.</summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled: one wake-up covers every save before it
        }
    }

    /// <summary>Waits for a signal or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
