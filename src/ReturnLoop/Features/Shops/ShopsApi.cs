using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.Shops;

/// <summary>A connected shop as the API shows it: never its credentials.</summary>
public sealed record ShopResponse(string Id, Platform Platform, string ShopId, string Name, string Region, string? ApiBaseUrl,
    DateTimeOffset CreatedAt, DateTimeOffset? SyncedUntil, DateTimeOffset? LastSyncAt, string? LastSyncError);

public static class ShopsApi
{
    public static ShopResponse ToResponse(this Shop s) =>
        new(s.Id, s.Platform, s.PlatformShopId, s.Name, s.Region, s.ApiBaseUrl, s.CreatedAt, s.SyncedUntil, s.LastSyncAt,
            s.LastSyncError);

    public static IEndpointRouteBuilder MapShops(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/shops", "Shops").RequirePermissionToWrite(Permission.Admin);
        g.MapPost("/", async Task<Created<ShopResponse>> (ConnectShop.Request request, ClaimsPrincipal p, ConnectShop useCase,
            CancellationToken ct) =>
        {
            var shop = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/shops/{shop.Id}", shop.ToResponse());
        }).WithSummary("Connect a Shopee, TikTok Shop or Lazada shop; its credentials are stored encrypted and never returned.");
        g.MapGet("/", async Task<Ok<Page<ShopResponse>>> (ClaimsPrincipal p, AppDbContext db, int? limit, string? cursor,
            CancellationToken ct) =>
            TypedResults.Ok(await db.Shops.AsNoTracking().Where(s => s.AccountId == p.AccountId())
                .ToPageAsync(PageRequest.From(limit, cursor), s => s.ToResponse(), ct)));
        g.MapGet("/{id}", async Task<Ok<ShopResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AccountId == p.AccountId(), ct)
                ?? throw DomainError.NotFound("shop")).ToResponse()));
        g.MapPost("/{id}/sync", async Task<Ok<SyncShop.Response>> (string id, ClaimsPrincipal p, SyncShop useCase,
            CancellationToken ct) => TypedResults.Ok(await useCase.HandleAsync(p.AccountId(), id, ct)))
            .WithSummary("Pull the shop's after-sales changes now: the shop and what the sync did; 409 shop.sync_running meanwhile.");
        return app;
    }
}
