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
        var skus = app.MapApiGroup("/api/v1/skus", "Catalog").RequirePermissionToWrite(Permission.Stock);
        skus.MapPost("/", CreateSkuAsync).WithSummary("Supplier: add a SKU with its cost price and distribution price.");
        skus.MapGet("/", ListSkusAsync)
            .WithSummary("My SKUs; with ?supplierId= a partner supplier's catalogue (distribution prices, no cost prices).");
        skus.MapGet("/{id}", async Task<Ok<SupplierSkuResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
        {
            var sku = await db.SupplierSkus.AsNoTracking().FindSupplierSkuAsync(p.AccountId(), id, ct);
            return TypedResults.Ok(sku.ToResponse(await db.CurrencyOfAsync(sku.AccountId, ct), owner: true));
        });
        skus.MapPut("/{id}", UpdateSkuAsync)
            .WithSummary("Supplier: change a SKU's name and prices (shipped orders keep their frozen prices).");

        var merchant = app.MapApiGroup("/api/v1/merchant-skus", "Catalog").RequirePermissionToWrite(Permission.Stock);
        merchant.MapPost("/", CreateMerchantSkuAsync)
            .WithSummary("Distributor: a merchant SKU mapped to a supplier's SKUs (one component = single, more = combo).");
        merchant.MapGet("/", ListMerchantSkusAsync);
        merchant.MapGet("/{id}", async Task<Ok<MerchantSkuResponse>> (string id, ClaimsPrincipal p, AppDbContext db,
            CancellationToken ct) =>
            TypedResults.Ok((await db.MerchantSkus.AsNoTracking().FindMerchantSkuAsync(p.AccountId(), id, ct)).ToResponse()));
        merchant.MapPut("/{id}", async Task<Ok<MerchantSkuResponse>> (string id, UpdateMerchantSku.Request request, ClaimsPrincipal p,
            UpdateMerchantSku useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request, ct)).ToResponse()))
            .WithSummary("Distributor: rename or re-map a merchant SKU; empty components unmap it.");
        return app;
    }

    private static async Task<Created<SupplierSkuResponse>> CreateSkuAsync(CreateSupplierSku.Request request, ClaimsPrincipal p,
        CreateSupplierSku useCase, AppDbContext db, CancellationToken ct)
    {
        var sku = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/skus/{sku.Id}", sku.ToResponse(await db.CurrencyOfAsync(sku.AccountId, ct), owner: true));
    }

    private static async Task<Ok<SupplierSkuResponse>> UpdateSkuAsync(string id, UpdateSupplierSku.Request request, ClaimsPrincipal p,
        UpdateSupplierSku useCase, AppDbContext db, CancellationToken ct)
    {
        var sku = await useCase.HandleAsync(p.AccountId(), id, request, ct);
        return TypedResults.Ok(sku.ToResponse(await db.CurrencyOfAsync(sku.AccountId, ct), owner: true));
    }

    private static async Task<Created<MerchantSkuResponse>> CreateMerchantSkuAsync(CreateMerchantSku.Request request, ClaimsPrincipal p,
        CreateMerchantSku useCase, CancellationToken ct)
    {
        var sku = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/merchant-skus/{sku.Id}", sku.ToResponse());
    }

    private static async Task<Ok<Page<MerchantSkuResponse>>> ListMerchantSkusAsync(ClaimsPrincipal p, AppDbContext db, string? supplierId,
        int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.MerchantSkusOf(p.AccountId(), supplierId)
            .ToPageAsync(PageRequest.From(limit, cursor), s => s.ToResponse(), ct));

    private static async Task<Ok<Page<SupplierSkuResponse>>> ListSkusAsync(ClaimsPrincipal p, AppDbContext db, string? supplierId,
        string? code, int? limit, string? cursor, CancellationToken ct)
    {
        var me = p.AccountId();
        var owner = supplierId is null || supplierId == me;
        var accountId = supplierId ?? me;
        // A distributor sees a supplier's catalogue only while they cooperate.
        if (!owner && !await db.Partnerships.IsActiveAsync(me, accountId, ct)) throw DomainError.NotFound("supplier");
        var currency = await db.CurrencyOfAsync(accountId, ct);
        return TypedResults.Ok(await db.SupplierSkusOf(accountId, code)
            .ToPageAsync(PageRequest.From(limit, cursor), s => s.ToResponse(currency, owner), ct));
    }
}
