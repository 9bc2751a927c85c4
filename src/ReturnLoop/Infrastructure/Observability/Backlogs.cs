using System.Diagnostics.Metrics;
using ReturnLoop.Features.Webhooks;

namespace ReturnLoop.Infrastructure.Observability;

/// <summary>
/// The backlog gauges' values. A scrape reads them from the database at most once per <see cref="MaxAge"/>: however
/// many scrapers (or instances behind one scraper) ask, the database answers a count every few seconds only.
/// </summary>
/// It takes the context factory from the container when it first counts: every context's interceptors need the meter,
/// so the meter, and this, cannot need the factory to be built.
public sealed class Backlogs(IServiceProvider services, TimeProvider clock, ILogger<Backlogs> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private long? _pendingDeliveries;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Nothing when the database could not answer: a gap in the series, not a false zero.</summary>
    public IEnumerable<Measurement<long>> PendingWebhookDeliveries()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt >= MaxAge)
            {
                _readAt = now;
                _pendingDeliveries = CountPendingDeliveries();
            }
            return _pendingDeliveries is { } value ? [new Measurement<long>(value)] : [];
        }
    }

    // Synchronous: the exporter calls gauges synchronously, and this runs once per MaxAge at most.
    private long? CountPendingDeliveries()
    {
        try
        {
            using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            return db.WebhookDeliveries.LongCount(d => d.Status == WebhookDeliveryStatus.Pending);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Counting pending webhook deliveries for the metrics failed");
            return null;
        }
    }
}
