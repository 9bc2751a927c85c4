using System.Text.Json.Serialization;

namespace MarketplaceSimulator;

/// <summary>
/// A stand-in for Shopee, TikTok Shop and Lazada: their returns APIs with the shapes and signing of shared/spec/marketplaces.md,
/// a control API (/sim) to create and advance return requests, and signed pushes to a ReturnLoop URL. State lives in memory.
/// </summary>
public static class SimulatorHost
{
    /// <summary>The simulator's host; tests start it on a free port (<c>--urls http://127.0.0.1:0</c>) and read its address.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SimState>();
        builder.Services.AddHttpClient<PushSender>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseMiddleware<Faults>();
        app.MapControl();
        app.MapShopee();
        app.MapTikTok();
        app.MapLazada();
        app.MapGet("/", () => Results.Text(
            "ReturnLoop marketplace simulator: Shopee /api/v2/returns/*, TikTok /return_refund/202309/returns/search, " +
            "Lazada /rest/reverse/* and /rest/order/reverse/*; control API under /sim."));
        return app;
    }
}
