using System.Text.Json.Nodes;
using ReturnLoop.Data;

namespace ReturnLoop.IntegrationTests.Infrastructure;

/// <summary>
/// A supplier and a distributor in an active partnership, each signed up fresh through the API, with an own and a
/// third-party warehouse at the supplier. The helpers build the usual steps of the loop in one line each.
/// </summary>
public sealed class World
{
    private World(AppFactory app) => App = app;

    public AppFactory App { get; }
    public DatabaseProvider Provider => App.Provider;
    public Api Supplier { get; private set; } = null!;
    public Api Distributor { get; private set; } = null!;
    public string SupplierId { get; private set; } = "";
    public string DistributorId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string OwnWarehouseId { get; private set; } = "";
    public string ThirdPartyWarehouseId { get; private set; } = "";
    public string Currency { get; private set; } = "";

    public static Task<World> CreateAsync(DatabaseProvider provider, string currency = "MYR") =>
        CreateAsync(AppFactory.For(provider), currency);

    public static async Task<World> CreateAsync(AppFactory app, string currency = "MYR")
    {
        var world = new World(app) { Currency = currency };
        (world.Supplier, world.SupplierId) = await SignUpAsync(app, "Supplier", currency);
        (world.Distributor, world.DistributorId) = await SignUpAsync(app, "Distributor", currency);
        world.PartnershipId = (await world.Distributor.Post("/api/v1/partnerships", new { supplierAccountId = world.SupplierId })).Ok().Id;
        (await world.Supplier.Post($"/api/v1/partnerships/{world.PartnershipId}/accept")).Ok();
        world.OwnWarehouseId = (await world.Supplier.Post("/api/v1/warehouses", new { code = "OWN", name = "Own warehouse", kind = "Own" }))
            .Ok().Id;
        world.ThirdPartyWarehouseId = (await world.Supplier.Post("/api/v1/warehouses",
            new { code = "3PL", name = "3PL warehouse", kind = "ThirdParty" })).Ok().Id;
        return world;
    }

    /// <summary>The same accounts through another app instance on the same database (the same API keys).</summary>
    public World On(AppFactory other) => new(other)
    {
        Supplier = other.Client(Supplier.Http.DefaultRequestHeaders.Authorization!.Parameter),
        Distributor = other.Client(Distributor.Http.DefaultRequestHeaders.Authorization!.Parameter),
        SupplierId = SupplierId,
        DistributorId = DistributorId,
        PartnershipId = PartnershipId,
        OwnWarehouseId = OwnWarehouseId,
        ThirdPartyWarehouseId = ThirdPartyWarehouseId,
        Currency = Currency,
    };

    /// <summary>Signs up a new account and returns a client with its API key.</summary>
    public static async Task<(Api Client, string AccountId)> SignUpAsync(AppFactory app, string name, string currency = "MYR")
    {
        var reply = (await app.Client().Post("/api/v1/accounts", new
        {
            name,
            currency,
            userEmail = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com",
            password = "correct horse battery",
        })).Ok();
        return (app.Client(reply.Str("apiKey")), reply["account"]["id"]!.GetValue<string>());
    }

    public async Task ChargeSettings(decimal distributionFee, decimal returnHandlingFee) =>
        (await Supplier.Put("/api/v1/supplier/charge-settings", new { distributionFee, returnHandlingFee })).Ok();

    /// <summary>A supplier SKU with its distribution price, and opening stock in the own warehouse.</summary>
    public async Task Sku(string code, decimal distributionPrice, int stock = 100)
    {
        (await Supplier.Post("/api/v1/skus", new { code, name = code, costPrice = 0m, distributionPrice })).Ok();
        if (stock > 0)
            (await Supplier.Post("/api/v1/inventory/adjustments",
                new { warehouseId = OwnWarehouseId, skuCode = code, quantity = stock, reason = "opening" })).Ok();
    }

    /// <summary>A merchant SKU: one component is a single, more a combo.</summary>
    public async Task MerchantSku(string code, params (string SupplierSku, int Quantity)[] components) =>
        (await Distributor.Post("/api/v1/merchant-skus", new
        {
            code,
            name = code,
            supplierAccountId = SupplierId,
            components = components.Select(c => new { supplierSkuCode = c.SupplierSku, quantity = c.Quantity }).ToArray(),
        })).Ok();

    /// <summary>A single merchant SKU M-{code} over a supplier SKU {code} with its price and stock.</summary>
    public async Task<string> Product(string code, decimal distributionPrice, int stock = 100)
    {
        await Sku(code, distributionPrice, stock);
        await MerchantSku($"M-{code}", (code, 1));
        return $"M-{code}";
    }

    public async Task<Reply> CreateOrder(params (string MerchantSku, int Quantity)[] lines) => await CreateOrder(null, lines);

    public async Task<Reply> CreateOrder(DateTimeOffset? createdAt, params (string MerchantSku, int Quantity)[] lines) =>
        await Distributor.Post("/api/v1/distribution-orders", new
        {
            supplierAccountId = SupplierId,
            warehouseId = OwnWarehouseId,
            platform = "Shopee",
            shopId = "shop-1",
            marketplaceOrderNo = $"SO-{Guid.NewGuid():N}",
            lines = lines.Select(l => new { merchantSkuCode = l.MerchantSku, quantity = l.Quantity }).ToArray(),
            createdAt,
        });

    /// <summary>Creates and ships an order; returns its id.</summary>
    public async Task<string> ShippedOrder(params (string MerchantSku, int Quantity)[] lines) =>
        await ShippedOrder(createdAt: null, shippedAt: null, distributionFee: null, lines);

    public async Task<string> ShippedOrder(DateTimeOffset? createdAt, DateTimeOffset? shippedAt, decimal? distributionFee,
        params (string MerchantSku, int Quantity)[] lines)
    {
        var id = (await CreateOrder(createdAt, lines)).Ok().Id;
        (await Supplier.Post($"/api/v1/distribution-orders/{id}/ship", new { distributionFee, shippedAt })).Ok();
        return id;
    }

    public async Task<Reply> CreateAfterSales(string orderId, string type, params (string MerchantSku, int Quantity)[] lines) =>
        await Distributor.Post("/api/v1/after-sales-orders", new
        {
            distributionOrderId = orderId,
            type,
            reason = "test",
            lines = lines.Select(l => new { merchantSkuCode = l.MerchantSku, quantity = l.Quantity }).ToArray(),
        });

    /// <summary>A manual ReturnAndRefund after-sales order, approved; returns (after-sales id, distribution return id).</summary>
    public async Task<(string AfterSalesId, string ReturnId)> ApprovedReturn(string orderId,
        params (string MerchantSku, int Quantity)[] lines)
    {
        var afterSalesId = (await CreateAfterSales(orderId, "ReturnAndRefund", lines)).Ok().Id;
        var approved = (await Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/approve")).Ok();
        return (afterSalesId, approved["distributionReturn"]["id"]!.GetValue<string>());
    }

    /// <summary>Approved and pushed; returns the ids of the after-sales order, the distribution return and the supplier return.</summary>
    public async Task<(string AfterSalesId, string ReturnId, string SupplierReturnId)> PushedReturn(string orderId,
        params (string MerchantSku, int Quantity)[] lines)
    {
        var (afterSalesId, returnId) = await ApprovedReturn(orderId, lines);
        var pushed = (await Distributor.Post($"/api/v1/distribution-returns/{returnId}/push")).Ok();
        return (afterSalesId, returnId, pushed.Str("supplierReturnId"));
    }

    public async Task<Reply> StockIn(string supplierReturnId, params (string Sku, int Quantity, string Condition)[] lines) =>
        await StockIn(supplierReturnId, OwnWarehouseId, lines);

    public async Task<Reply> StockIn(string supplierReturnId, string warehouseId,
        params (string Sku, int Quantity, string Condition)[] lines) =>
        await Supplier.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/stock-in", new
        {
            warehouseId,
            lines = lines.Select(l => new { supplierSkuCode = l.Sku, quantity = l.Quantity, condition = l.Condition }).ToArray(),
        });

    public async Task<Reply> CreateRefund(string supplierReturnId, string method, decimal exchangeAmount = 0m) =>
        await Supplier.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/refund-orders", new
        {
            exchangeAmount,
            method,
            bankAccount = method == "BankTransfer"
                ? new { bankName = "Maybank", accountName = "Distributor Sdn Bhd", accountNumber = "5140-1234-5678" } : null,
        });

    public static JsonNode? Find(JsonArray items, string id) => items.FirstOrDefault(i => i?["id"]?.GetValue<string>() == id);
}
