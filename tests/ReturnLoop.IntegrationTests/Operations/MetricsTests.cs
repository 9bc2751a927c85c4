using System.Globalization;
using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Operations;

/// <summary>
/// The ReturnLoop meter counts in the whole test process (every app's meter of the same name feeds one series), so
/// these tests run alone and compare a scrape before with one after.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsCollection))]
public sealed class MetricsTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Metrics_count_the_committed_actions_and_time_each_route(DatabaseProvider provider)
    {
        // An app of its own: ASP.NET Core's request-duration instrument is per host, and in this test process many hosts come
        // and go; OpenTelemetry ends the series of an instrument when another host's instrument of that name is disposed.
        await using var app = AppFactory.Isolated(provider);
        var w = await World.CreateAsync(app);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 3));
        var metrics = w.App.CreateClient();

        var before = await Scrape(metrics);
        var afterSalesId = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1))).Ok().Id;
        (await w.Approve(afterSalesId)).Ok();
        // Refused: nothing is committed, nothing is counted.
        (await w.Approve(afterSalesId)).Problem(HttpStatusCode.Conflict, "state.not_allowed");
        var after = await Scrape(metrics);

        Assert.Equal(1, Delta(before, after, "returnloop_after_sales_created_total", "type=\"ReturnAndRefund\""));
        Assert.Equal(1, Delta(before, after, "returnloop_after_sales_approved_total"));
        Assert.Equal(0, Delta(before, after, "returnloop_after_sales_cancelled_total"));
        Assert.Equal(0, Delta(before, after, "returnloop_returns_pushed_total"));
        Assert.Contains("# TYPE returnloop_webhooks_pending_deliveries gauge", after);
        Assert.Contains("# TYPE returnloop_marketplaces_pending_pushes gauge", after);
        // Latency per action: ASP.NET Core's request duration, by route.
        Assert.Contains("http_server_request_duration_seconds_bucket{", after);
        Assert.Contains("after-sales-orders/{id}/approve\"", after);
        // SQLite: the one writer's queue and how long each write holds it (the bound of the loop's throughput there).
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.True(Delta(before, after, "returnloop_sqlite_writer_hold_seconds_count") >= 2); // the create and the approve
            Assert.True(Delta(before, after, "returnloop_sqlite_writer_wait_seconds_count") >= 2);
            Assert.Contains(after.Split('\n'), l => l.StartsWith("returnloop_sqlite_writer_hold_seconds_bucket{", StringComparison.Ordinal)
                && l.Contains("le=\"0.0005\"", StringComparison.Ordinal)); // seconds, from half a millisecond
        }
        // Runtime: memory and GC.
        Assert.Contains("dotnet_gc_collections_total", after);
        Assert.Contains("dotnet_process_memory_working_set_bytes", after);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pushes_stock_ins_refunds_and_cancellations_are_counted(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 0m);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 3));
        var metrics = w.App.CreateClient();

        var before = await Scrape(metrics);
        var (_, _, supplierReturnId) = await w.PushedReturn(orderId, (sku, 1));
        (await w.StockIn(supplierReturnId, ("TS-RED", 1, "Good"))).Ok();
        (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();
        var cancelled = (await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1))).Ok().Id;
        (await w.Cancel(cancelled)).Ok();
        var after = await Scrape(metrics);

        Assert.Equal(2, Delta(before, after, "returnloop_after_sales_created_total"));
        Assert.Equal(1, Delta(before, after, "returnloop_after_sales_approved_total"));
        Assert.Equal(1, Delta(before, after, "returnloop_after_sales_cancelled_total"));
        Assert.Equal(1, Delta(before, after, "returnloop_returns_pushed_total"));
        Assert.Equal(1, Delta(before, after, "returnloop_supplier_returns_stocked_in_total"));
        Assert.Equal(1, Delta(before, after, "returnloop_refunds_created_total", "method=\"CustomerBalance\""));
        Assert.Equal(1, Delta(before, after, "returnloop_refunds_completed_total", "method=\"CustomerBalance\""));
    }

    private static async Task<string> Scrape(HttpClient http)
    {
        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Delta(string before, string after, string name, string? label = null) =>
        Sum(after, name, label) - Sum(before, name, label);

    /// <summary>The sum of a metric's samples (those with the label, when given); 0 when it has none yet.</summary>
    private static double Sum(string text, string name, string? label)
    {
        var sum = 0d;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || line[name.Length] is not ('{' or ' '))
                continue;
            if (label is not null && !line.Contains(label, StringComparison.Ordinal)) continue;
            var value = line[(line.Contains('{') ? line.LastIndexOf('}') + 1 : name.Length)..].Trim().Split(' ')[0];
            sum += double.Parse(value, CultureInfo.InvariantCulture);
        }
        return sum;
    }
}
