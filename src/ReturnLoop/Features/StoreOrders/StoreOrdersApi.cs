using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.StoreOrders;

public sealed record StoreOrderLineResponse(string SkuCode, int Quantity, decimal UnitPrice);

public sealed record StoreOrderResponse(string Id, Platform Platform, string? ShopId, string MarketplaceOrderNo, string WarehouseId,
    string Currency, IReadOnlyList<StoreOrderLineResponse> Lines, DateTimeOffset ShippedAt, DateTimeOffset CreatedAt);

/// <summary>The seller's own shop orders: the original orders of regular after-sales orders.</summary>
public static class StoreOrdersApi
{
    public static StoreOrderResponse ToResponse(this StoreOrder o, string currency) =>
        new(o.Id, o.Platform, o.ShopId, o.MarketplaceOrderNo, o.WarehouseId, currency,
            o.Lines.Select(l => new StoreOrderLineResponse(l.SkuCode, l.Quantity, Money.Present(l.UnitPrice, currency))).ToList(),
            o.ShippedAt, o.CreatedAt);

    public static IEndpointRouteBuilder MapStoreOrders(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/store-orders", "Store orders").RequirePermissionToWrite(Permission.Stock);
        g.MapPost("/", CreateAsync)
            .WithSummary("Record an order of your own shop shipped from one of your own warehouses (3PL included); moves no stock.");
        g.MapGet("/", ListAsync).WithSummary("Your store orders, newest first; q finds an order number.");
        g.MapGet("/{id}", async Task<Ok<StoreOrderResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
        {
            var order = await db.StoreOrders.AsNoTracking().FindForAccountAsync(p.AccountId(), id, ct);
            return TypedResults.Ok(order.ToResponse(await db.CurrencyOfAsync(p.AccountId(), ct)));
        });
        return app;
    }

    private static async Task<Created<StoreOrderResponse>> CreateAsync(CreateStoreOrder.Request request, ClaimsPrincipal p,
        CreateStoreOrder useCase, AppDbContext db, CancellationToken ct)
    {
        var order = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/store-orders/{order.Id}", order.ToResponse(await db.CurrencyOfAsync(p.AccountId(), ct)));
    }

    private static async Task<Ok<Page<StoreOrderResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db, string? q, int? limit,
        string? cursor, CancellationToken ct)
    {
        var currency = await db.CurrencyOfAsync(p.AccountId(), ct);
        return TypedResults.Ok(await db.StoreOrdersOf(p.AccountId(), q).ToPageAsync(PageRequest.From(limit, cursor),
            o => o.ToResponse(currency), ct));
    }
}
