using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.Webhooks;

public static class WebhooksSetup
{
    /// <summary>The outbox interceptor on every AppDbContext, the delivery worker and its HTTP client.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.IsValid(),
                "Webhooks: RetryDelays is a comma list of time spans; PollInterval, MaxConcurrency, AttemptTimeout > 0; Lease longer.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookOutbox>();
        // Composes with the AddDbContextFactory of DatabaseSetup: every context it creates gets the interceptor.
        builder.Services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WebhookOutbox>()));
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName,
                (sp, c) => c.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookUrls.Handler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value))
            .RemoveAllLoggers();
        // `dotnet build` runs the app only to write the OpenAPI document: no database, so no worker then.
        if (!ApiDocument.IsBuildTimeGeneration) builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}
