using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ReturnLoop.Marketplaces;

namespace ReturnLoop.Features.Shops;

public static class ShopsSetup
{
    /// <summary>
    /// Marketplace shops: Data Protection with its keys in the database (so every instance decrypts what another encrypted,
    /// and sign-in cookies survive a restart and a second instance), the credentials protector and the platform clients.
    /// </summary>
    public static WebApplicationBuilder AddShops(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("ReturnLoop");
        // the build-time OpenAPI run has no database to read a key ring from
        if (!ApiDocument.IsBuildTimeGeneration) protection.PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddSingleton<ShopCredentials>();
        builder.Services.AddMarketplaceClients(builder.Configuration);
        builder.Services.AddOptions<ShopSyncOptions>().Bind(builder.Configuration.GetSection(ShopSyncOptions.Section))
            .Validate(o => o.IsValid(), "Marketplaces: time spans > 0, InboxRetryDelays a comma list of time spans, "
                + "PublicBaseUrl an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PushInboxSignal>();
        // `dotnet build` runs the app only to write the OpenAPI document: no database, so no workers then.
        var settings = builder.Configuration.GetSection(ShopSyncOptions.Section).Get<ShopSyncOptions>() ?? new ShopSyncOptions();
        if (!ApiDocument.IsBuildTimeGeneration && settings.InboxProcessorEnabled) builder.Services.AddHostedService<PushInboxProcessor>();
        if (!ApiDocument.IsBuildTimeGeneration && settings.SyncWorkerEnabled) builder.Services.AddHostedService<ShopSyncWorker>();
        return builder;
    }
}
