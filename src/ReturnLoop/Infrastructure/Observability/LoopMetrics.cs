using System.Diagnostics.Metrics;

namespace ReturnLoop.Infrastructure.Observability;

/// <summary>
/// The <c>ReturnLoop</c> meter: how many of the loop's actions were committed, and what waits in the backlogs.
/// The counters are fed by <see cref="LoopMetricsInterceptor"/> after a commit, never by the use cases.
/// </summary>
public sealed class LoopMetrics
{
    public const string MeterName = "ReturnLoop";

    public LoopMetrics(IMeterFactory meters, Backlogs backlogs)
    {
        var meter = meters.Create(MeterName);
        AfterSalesCreated = meter.CreateCounter<long>("returnloop.after_sales.created", "{order}",
            "After-sales orders created, by type.");
        AfterSalesApproved = meter.CreateCounter<long>("returnloop.after_sales.approved", "{order}",
            "After-sales orders approved (To Confirm left for anything but Cancelled).");
        AfterSalesCancelled = meter.CreateCounter<long>("returnloop.after_sales.cancelled", "{order}", "After-sales orders cancelled.");
        ReturnsPushed = meter.CreateCounter<long>("returnloop.returns.pushed", "{return}",
            "Distribution returns pushed to their supplier.");
        PushFailures = meter.CreateCounter<long>("returnloop.returns.push_failed", "{attempt}",
            "Push attempts that failed, by failure code.");
        StockIns = meter.CreateCounter<long>("returnloop.supplier_returns.stocked_in", "{return}",
            "Supplier returns stocked in (Pending Stock-in to Received Return).");
        RefundsCreated = meter.CreateCounter<long>("returnloop.refunds.created", "{refund}", "Refund orders created, by method.");
        RefundsCompleted = meter.CreateCounter<long>("returnloop.refunds.completed", "{refund}", "Refund orders completed, by method.");
        meter.CreateObservableGauge("returnloop.webhooks.pending_deliveries", backlogs.PendingWebhookDeliveries, "{delivery}",
            "Webhook deliveries not yet delivered nor given up (read at most every few seconds).");
    }

    public Counter<long> AfterSalesCreated { get; }
    public Counter<long> AfterSalesApproved { get; }
    public Counter<long> AfterSalesCancelled { get; }
    public Counter<long> ReturnsPushed { get; }
    public Counter<long> PushFailures { get; }
    public Counter<long> StockIns { get; }
    public Counter<long> RefundsCreated { get; }
    public Counter<long> RefundsCompleted { get; }
}
