using System.Diagnostics.Metrics;
using ReturnLoop.Features.Webhooks;

namespace ReturnLoop.Infrastructure.Observability;

/// <summary>
/// The backlog gauges' values. A scrape reads them from the database at most once per <see cref="MaxAge"/>: however
/// many scrapers (or instances behind one scraper) ask, the database answers a count every few seconds only.
/// </summary>
public sealed class Backlogs(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<Backlogs> logger)
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
            using var db = contexts.CreateDbContext();
            return db.WebhookDeliveries.LongCount(d => d.Status == WebhookDeliveryStatus.Pending);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Counting pending webhook deliveries for the metrics failed");
            return null;
        }
    }
}
