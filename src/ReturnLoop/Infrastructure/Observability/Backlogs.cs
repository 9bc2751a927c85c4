using System.Diagnostics.Metrics;
using ReturnLoop.Features.Shops;
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
    private (long Deliveries, long Pushes)? _pending;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Webhook deliveries waiting; nothing when the database could not answer: a gap in the series, not a false zero.</summary>
    public IEnumerable<Measurement<long>> PendingWebhookDeliveries() =>
        Read() is { } pending ? [new Measurement<long>(pending.Deliveries)] : [];

    /// <summary>Marketplace pushes stored but not yet processed (the inbox).</summary>
    public IEnumerable<Measurement<long>> PendingMarketplacePushes() =>
        Read() is { } pending ? [new Measurement<long>(pending.Pushes)] : [];

    private (long Deliveries, long Pushes)? Read()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt >= MaxAge)
            {
                _readAt = now;
                _pending = Count();
            }
            return _pending;
        }
    }

    // Synchronous: the exporter calls gauges synchronously, and this runs once per MaxAge at most.
    private (long, long)? Count()
    {
        try
        {
            using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            return (db.WebhookDeliveries.LongCount(d => d.Status == WebhookDeliveryStatus.Pending),
                db.MarketplacePushes.LongCount(p => p.Status == MarketplacePushStatus.Pending));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Counting the backlogs for the metrics failed");
            return null;
        }
    }
}
