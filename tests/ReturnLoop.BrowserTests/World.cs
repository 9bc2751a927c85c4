namespace ReturnLoop.BrowserTests;

/// <summary>
/// A supplier and a distributor in an active partnership, signed up through the API (the integration tests' World,
/// cut to what the pages need). The distributor logs in with <see cref="DistributorEmail"/> and <see cref="Password"/>.
/// </summary>
public sealed class World
{
    public const string Password = "correct horse battery";

    private World(BrowserApp app) => App = app;

    public BrowserApp App { get; }
    public HttpClient Supplier { get; private set; } = null!;
    public HttpClient Distributor { get; private set; } = null!;
    public string SupplierId { get; private set; } = "";
    public string DistributorEmail { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";

    public static async Task<World> CreateAsync(BrowserApp app)
    {
        var w = new World(app);
        string supplierEmail;
        (w.Supplier, w.SupplierId, supplierEmail) = await SignUpAsync(app, "Toko Grosir Supplier");
        (w.Distributor, _, w.DistributorEmail) = await SignUpAsync(app, "Kedai Ali Online");
        var partnership = await w.Distributor.PostAsync("/api/v1/partnerships", new { supplierAccountId = w.SupplierId });
        await w.Supplier.PostAsync($"/api/v1/partnerships/{partnership.Str("id")}/accept");
        var warehouse = await w.Supplier.PostAsync("/api/v1/warehouses", new { code = "KL", name = "Kuala Lumpur DC", kind = "Own" });
        w.WarehouseId = warehouse.Str("id");
        await w.Supplier.PostAsync("/api/v1/skus", new { code = "TS-RED-M", name = "Tee red M", costPrice = 20m, distributionPrice = 45m });
        await w.Supplier.PostAsync("/api/v1/inventory/adjustments",
            new { warehouseId = w.WarehouseId, skuCode = "TS-RED-M", quantity = 100, reason = "opening" });
        await w.Distributor.PostAsync("/api/v1/merchant-skus", new
        {
            code = "SHP-TS-RED-M",
            name = "Tee red M",
            supplierAccountId = w.SupplierId,
            components = new[] { new { supplierSkuCode = "TS-RED-M", quantity = 1 } },
        });
        return w;
    }

    /// <summary>A shipped order and its approved return, waiting in To Push: its marketplace order number and return id.</summary>
    public async Task<(string OrderNo, string ReturnId)> ReturnToPushAsync(DateTimeOffset? shippedAt = null)
    {
        var orderNo = $"SO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var order = await Distributor.PostAsync("/api/v1/distribution-orders", new
        {
            supplierAccountId = SupplierId,
            warehouseId = WarehouseId,
            platform = "Shopee",
            shopId = "shopee-my-01",
            marketplaceOrderNo = orderNo,
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 2 } },
            createdAt = shippedAt?.AddDays(-1),
        });
        await Supplier.PostAsync($"/api/v1/distribution-orders/{order.Str("id")}/ship", new { shippedAt });
        var afterSales = await Distributor.PostAsync("/api/v1/after-sales-orders", new
        {
            distributionOrderId = order.Str("id"),
            type = "ReturnAndRefund",
            reason = "Wrong size",
            lines = new[] { new { merchantSkuCode = "SHP-TS-RED-M", quantity = 1 } },
        });
        var approved = await Distributor.PostAsync($"/api/v1/after-sales-orders/{afterSales.Str("id")}/approve");
        return (orderNo, approved.Str("distributionReturn.id"));
    }

    private static async Task<(HttpClient Client, string AccountId, string Email)> SignUpAsync(BrowserApp app, string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var reply = await app.Api().PostAsync("/api/v1/accounts", new { name, currency = "MYR", userEmail = email, password = Password });
        return (app.Api(reply.Str("apiKey")), reply.Str("account.id"), email);
    }
}
