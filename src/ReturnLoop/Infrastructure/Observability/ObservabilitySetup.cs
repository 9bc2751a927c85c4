using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace ReturnLoop.Infrastructure.Observability;

/// <summary>
/// What an operator watches: health for the orchestrator, metrics in Prometheus format, JSON logs carrying the trace id.
/// </summary>
public static class ObservabilitySetup
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        AddLogs(builder);

        builder.Services.AddSingleton<Backlogs>();
        builder.Services.AddSingleton<LoopMetrics>();
        builder.Services.AddSingleton<LoopMetricsInterceptor>();
        // Composes with the AddDbContextFactory of DatabaseSetup: every context counts the loop's committed actions.
        builder.Services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<LoopMetricsInterceptor>()));

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation() // http.server.request.duration per route: the latency of each action
            .AddRuntimeInstrumentation()    // memory, GC, thread pool
            .AddMeter(LoopMetrics.MeterName)
            // Scrapes read the live counters; the backlog gauges keep their own few seconds' cache (Backlogs).
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        // The instruments exist from the start, so a scrape before the first action already shows them at zero.
        builder.Services.AddHostedService<MeterWarmUp>();
        return builder;
    }

    /// <summary>
    /// JSON console lines when <c>Logging:Format</c> is <c>json</c>, which is the default outside Development (where
    /// people read the console): every line carries the request's TraceId and SpanId in its scopes.
    /// </summary>
    private static void AddLogs(IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "simple" : "json");
        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)) return;
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no check runs, no database). <c>/health/ready</c>: the database
    /// answers too (503 when not); <c>/health</c> stays as it was, the same as ready. <c>/metrics</c>: Prometheus text.
    /// Like the web app's own routes, none of them is in the API document but the older <c>/health</c>.
    /// </summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    private sealed class MeterWarmUp(LoopMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
