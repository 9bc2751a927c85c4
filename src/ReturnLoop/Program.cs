using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Audit;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.Shops;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.TabCounts;
using ReturnLoop.Features.Warehouses;
using ReturnLoop.Features.Webhooks;
using ReturnLoop.Infrastructure.Idempotency;
using ReturnLoop.Infrastructure.Observability;
using ReturnLoop.Infrastructure.Storage;
using ReturnLoop.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddDatabase();
builder.AddStorage();
builder.AddAudit();
builder.AddAuth();
builder.AddRateLimits();
builder.AddApi();
builder.AddIdempotency();
builder.AddWebApp();
builder.Services.AddUseCases();
builder.AddWebhooks();
builder.AddShops();
builder.AddTabCounts();
builder.Services.Configure<PushOptions>(builder.Configuration.GetSection(PushOptions.Section));

var app = builder.Build();

// `dotnet build` runs this Program only to write the OpenAPI document: no database then.
if (!ApiDocument.IsBuildTimeGeneration)
{
    await app.Services.MigrateDatabaseAsync();
    await app.Services.SeedDemoDataAsync();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapApiDocs();
app.MapObservability();
app.MapAccounts();
app.MapAuth();
app.MapPartnerships();
app.MapWarehouses();
app.MapCatalog();
app.MapInventory();
app.MapDistributionOrders();
app.MapAfterSales();
app.MapStoreOrders();
app.MapReturnStockIns();
app.MapDistributionReturns();
app.MapSupplierReturns();
app.MapRefunds();
app.MapBalances();
app.MapWebhooks();
app.MapShops();
app.MapMarketplacePushes();
app.MapAudit();
app.MapWebApp();

app.Run();

public partial class Program;
