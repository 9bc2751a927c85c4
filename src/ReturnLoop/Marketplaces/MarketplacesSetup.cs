using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Marketplaces.Lazada;
using ReturnLoop.Marketplaces.Shopee;
using ReturnLoop.Marketplaces.TikTok;

namespace ReturnLoop.Marketplaces;

public sealed class MarketplaceOptions
{
    public const string Section = "Marketplaces";

    /// <summary>The first retry's delay after an outage or a 429 (then exponential with jitter; a Retry-After wins).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public int RetryAttempts { get; set; } = 4;
}

public static class MarketplacesSetup
{
    /// <summary>The three platforms' clients, each a typed HttpClient behind the standard resilience pipeline.</summary>
    public static IServiceCollection AddMarketplaceClients(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MarketplaceOptions.Section).Get<MarketplaceOptions>() ?? new MarketplaceOptions();
        services.TryAddSingleton(TimeProvider.System);
        Add<ShopeeClient>(services, options);
        Add<TikTokClient>(services, options);
        Add<LazadaClient>(services, options);
        services.AddTransient<IReadOnlyDictionary<Platform, IMarketplaceClient>>(sp => new Dictionary<Platform, IMarketplaceClient>
        {
            [Platform.Shopee] = sp.GetRequiredService<ShopeeClient>(),
            [Platform.TikTok] = sp.GetRequiredService<TikTokClient>(),
            [Platform.Lazada] = sp.GetRequiredService<LazadaClient>(),
        });
        return services;
    }

    private static void Add<TClient>(IServiceCollection services, MarketplaceOptions options) where TClient : class =>
        services.AddHttpClient<TClient>().AddStandardResilienceHandler(o =>
        {
            // reads (TikTok's search is a POST that changes nothing): every method may be retried
            o.Retry.MaxRetryAttempts = options.RetryAttempts;
            o.Retry.Delay = options.RetryDelay;
            o.Retry.UseJitter = true;
            o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        });
}
