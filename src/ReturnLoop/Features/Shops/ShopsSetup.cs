using Microsoft.AspNetCore.DataProtection;
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
        return builder;
    }
}
