using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReturnLoop.Infrastructure.Observability;

/// <summary>
/// The <c>ReturnLoop</c> meter: how many of the loop's actions were committed, and what waits in the backlogs.
/// The counters are fed by <see cref="LoopMetricsInterceptor"/> after a commit, never by the use cases.
/// </summary>
/// <remarks>
/// One meter for the process, not one per host: OpenTelemetry merges same-named instruments of several meters into one
/// series and ends it when any of them is disposed, so a second host in the process (the tests run many) that stops
/// would silence the others' counters.
/// </remarks>
public sealed class LoopMetrics : IDisposable
{
    public const string MeterName = "ReturnLoop";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<Backlogs, byte> LiveBacklogs = new();

    private static readonly Counter<long> Created = Meter.CreateCounter<long>("returnloop.after_sales.created", "{order}",
        "After-sales orders created, by type.");
    private static readonly Counter<long> Approved = Meter.CreateCounter<long>("returnloop.after_sales.approved", "{order}",
        "After-sales orders approved (To Confirm left for anything but Cancelled).");
    private static readonly Counter<long> Cancelled = Meter.CreateCounter<long>("returnloop.after_sales.cancelled", "{order}",
        "After-sales orders cancelled.");
    private static readonly Counter<long> Pushed = Meter.CreateCounter<long>("returnloop.returns.pushed", "{return}",
        "Distribution returns pushed to their supplier.");
    private static readonly Counter<long> PushFailed = Meter.CreateCounter<long>("returnloop.returns.push_failed", "{attempt}",
        "Push attempts that failed, by failure code.");
    private static readonly Counter<long> StockedIn = Meter.CreateCounter<long>("returnloop.supplier_returns.stocked_in", "{return}",
        "Supplier returns stocked in (Pending Stock-in to Received Return).");
    private static readonly Counter<long> RefundCreated = Meter.CreateCounter<long>("returnloop.refunds.created", "{refund}",
        "Refund orders created, by method.");
    private static readonly Counter<long> RefundCompleted = Meter.CreateCounter<long>("returnloop.refunds.completed", "{refund}",
        "Refund orders completed, by method.");

    // Seconds, from half a millisecond (an idle writer) to seconds (a queue at peak load).
    private static readonly InstrumentAdvice<double> WriterBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    };
    private static readonly Histogram<double> WriterWait = Meter.CreateHistogram("returnloop.sqlite.writer.wait", "s",
        "SQLite: how long a write waited for the database's one writer (this process's queue).", advice: WriterBuckets);
    private static readonly Histogram<double> WriterHold = Meter.CreateHistogram("returnloop.sqlite.writer.hold", "s",
        "SQLite: how long a write held the one writer, its commit included. Their sum over time is how busy the writer is.",
        advice: WriterBuckets);

    /// <summary>A SQLite write waited for the writer from <paramref name="since"/> (a timestamp) until now.</summary>
    public static void WriterWaited(long since) => WriterWait.Record(Stopwatch.GetElapsedTime(since).TotalSeconds);

    /// <summary>A SQLite write held the writer from <paramref name="since"/> (a timestamp) until now.</summary>
    public static void WriterHeld(long since) => WriterHold.Record(Stopwatch.GetElapsedTime(since).TotalSeconds);

    static LoopMetrics()
    {
        Meter.CreateObservableGauge("returnloop.webhooks.pending_deliveries", () => Sum(b => b.PendingWebhookDeliveries()),
            "{delivery}", "Webhook deliveries not yet delivered nor given up (read at most every few seconds).");
        Meter.CreateObservableGauge("returnloop.marketplaces.pending_pushes", () => Sum(b => b.PendingMarketplacePushes()),
            "{push}", "Marketplace pushes stored but not yet processed (read at most every few seconds).");
    }

    private readonly Backlogs _backlogs;

    public LoopMetrics(Backlogs backlogs)
    {
        _backlogs = backlogs;
        LiveBacklogs.TryAdd(backlogs, 0);
    }

    public Counter<long> AfterSalesCreated => Created;
    public Counter<long> AfterSalesApproved => Approved;
    public Counter<long> AfterSalesCancelled => Cancelled;
    public Counter<long> ReturnsPushed => Pushed;
    public Counter<long> PushFailures => PushFailed;
    public Counter<long> StockIns => StockedIn;
    public Counter<long> RefundsCreated => RefundCreated;
    public Counter<long> RefundsCompleted => RefundCompleted;

    public void Dispose() => LiveBacklogs.TryRemove(_backlogs, out _);

    /// <summary>This process's backlog (one host in production); nothing when the database could not answer.</summary>
    private static IEnumerable<Measurement<long>> Sum(Func<Backlogs, IEnumerable<Measurement<long>>> backlog)
    {
        var values = LiveBacklogs.Keys.SelectMany(backlog).Select(m => m.Value).ToList();
        return values.Count == 0 ? [] : [new Measurement<long>(values.Sum())];
    }
}
