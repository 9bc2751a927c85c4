using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Partnerships;

namespace ReturnLoop.Features.Catalog;

/// <summary>A supplier SKU. <c>costPrice</c> is shown to its owner only.</summary>
public sealed record SupplierSkuResponse(string Id, string SupplierAccountId, string Code, string Name, string Currency, decimal? CostPrice,
    decimal DistributionPrice, DateTimeOffset CreatedAt);

public sealed record ComponentResponse(string SupplierSkuCode, int Quantity);

public sealed record MerchantSkuResponse(string Id, string Code, string Name, string SupplierAccountId, bool IsCombo, bool IsMapped,
    IReadOnlyList<ComponentResponse> Components, DateTimeOffset CreatedAt);

public static class CatalogApi
{
    public static SupplierSkuResponse ToResponse(this SupplierSku s, string currency, bool owner) =>
        new(s.Id, s.AccountId, s.Code, s.Name, currency, owner ? Money.Present(s.CostPrice, currency) : null,
            Money.Present(s.DistributionPrice, currency), s.CreatedAt);

    public static MerchantSkuResponse ToResponse(this MerchantSku s) =>
        new(s.Id, s.Code, s.Name, s.SupplierAccountId, s.IsCombo, s.IsMapped,
            s.Components.Select(c => new ComponentResponse(c.SupplierSkuCode, c.Quantity)).ToList(), s.CreatedAt);

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var skus = app.MapApiGroup("/api/v1/skus", "Catalog");
        skus.MapPost("/",
            async Task<Created<SupplierSkuResponse>> (CreateSupplierSku.Request request, ClaimsPrincipal p, CreateSupplierSku useCase,
                AppDbContext db, CancellationToken ct) =>
        {
            var sku = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/skus/{sku.Id}", sku.ToResponse(await db.CurrencyOfAsync(sku.AccountId, ct), owner: true));
        }).WithSummary("Supplier: add a SKU with its cost price and distribution price.");
        skus.MapGet("/", ListSkusAsync)
            .WithSummary("My SKUs; with ?supplierId= a partner supplier's catalogue (distribution prices, no cost prices).");
        skus.MapGet("/{id}", async Task<Ok<SupplierSkuResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
        {
            var me = p.AccountId();
            var sku = await db.SupplierSkus.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AccountId == me, ct)
                ?? throw DomainError.NotFound("SKU");
            return TypedResults.Ok(sku.ToResponse(await db.CurrencyOfAsync(me, ct), owner: true));
        });
        skus.MapPut("/{id}",
            async Task<Ok<SupplierSkuResponse>> (string id, UpdateSupplierSku.Request request, ClaimsPrincipal p, UpdateSupplierSku useCase,
                AppDbContext db, CancellationToken ct) =>
        {
            var sku = await useCase.HandleAsync(p.AccountId(), id, request, ct);
            return TypedResults.Ok(sku.ToResponse(await db.CurrencyOfAsync(sku.AccountId, ct), owner: true));
        }).WithSummary("Supplier: change a SKU's name and prices (shipped orders keep their frozen prices).");

        var merchant = app.MapApiGroup("/api/v1/merchant-skus", "Catalog");
        merchant.MapPost("/",
            async Task<Created<MerchantSkuResponse>> (CreateMerchantSku.Request request, ClaimsPrincipal p, CreateMerchantSku useCase,
                CancellationToken ct) =>
        {
            var sku = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/merchant-skus/{sku.Id}", sku.ToResponse());
        }).WithSummary("Distributor: a merchant SKU mapped to a supplier's SKUs (one component = single, more = combo).");
        merchant.MapGet("/",
            async Task<Ok<Page<MerchantSkuResponse>>> (ClaimsPrincipal p, AppDbContext db, string? supplierId, int? limit, string? cursor,
                CancellationToken ct) =>
        {
            var me = p.AccountId();
            var query = db.MerchantSkus.AsNoTracking().Where(s => s.AccountId == me);
            if (supplierId is not null) query = query.Where(s => s.SupplierAccountId == supplierId);
            return TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), s => s.ToResponse(), ct));
        });
        merchant.MapGet("/{id}",
            async Task<Ok<MerchantSkuResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
        {
            var me = p.AccountId();
            var sku = await db.MerchantSkus.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AccountId == me, ct)
                ?? throw DomainError.NotFound("merchant SKU");
            return TypedResults.Ok(sku.ToResponse());
        });
        merchant.MapPut("/{id}",
            async Task<Ok<MerchantSkuResponse>> (string id, UpdateMerchantSku.Request request, ClaimsPrincipal p, UpdateMerchantSku useCase,
                CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request, ct)).ToResponse()))
            .WithSummary("Distributor: rename or re-map a merchant SKU; empty components unmap it.");
        return app;
    }

    private static async Task<Ok<Page<SupplierSkuResponse>>> ListSkusAsync(ClaimsPrincipal p, AppDbContext db, string? supplierId,
        string? code, int? limit, string? cursor, CancellationToken ct)
    {
        var me = p.AccountId();
        var owner = supplierId is null || supplierId == me;
        var accountId = supplierId ?? me;
        // A distributor sees a supplier's catalogue only while they cooperate.
        if (!owner && !await db.Partnerships.IsActiveAsync(me, accountId, ct)) throw DomainError.NotFound("supplier");
        var currency = await db.CurrencyOfAsync(accountId, ct);
        var query = db.SupplierSkus.AsNoTracking().Where(s => s.AccountId == accountId);
        if (code is not null) query = query.Where(s => s.Code == code);
        return TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), s => s.ToResponse(currency, owner), ct));
    }
}
