using MarketplaceSimulator;

// A stand-in for Shopee, TikTok Shop and Lazada: their returns APIs with the shapes and signing of shared/spec/marketplaces.md,
// a control API (/sim) to create and advance return requests, and signed pushes to a ReturnLoop URL. State lives in memory.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SimState>();
builder.Services.AddHttpClient<PushSender>();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();
app.UseMiddleware<Faults>();
app.MapControl();
app.MapShopee();
app.MapTikTok();
app.MapLazada();
app.MapGet("/", () => Results.Text(
    "ReturnLoop marketplace simulator: Shopee /api/v2/returns/*, TikTok /return_refund/202309/returns/search, " +
    "Lazada /rest/reverse/*; control API under /sim (see README)."));
app.Run();

public partial class Program;
