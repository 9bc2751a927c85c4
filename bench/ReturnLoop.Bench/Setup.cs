namespace ReturnLoop.Bench;

/// <summary>A seller account behind its API key.</summary>
internal sealed record Party(string Id, string Key, string Name);

/// <summary>What the HTTP setup created: one large supplier, its distributors, two own warehouses, SKUs and combos.</summary>
internal sealed record World(Party Supplier, IReadOnlyList<Party> Distributors, string HotWarehouseId, string OtherWarehouseId)
{
    /// <summary>The large distributor of the hot loops and bulk actions; it also owns 40% of the history.</summary>
    public Party Main => Distributors[0];

    public const string HotSku = "HOT";
    public const string HotMerchantSku = "M-HOT";
    public static readonly string[] Singles = ["SKU-1", "SKU-2", "SKU-3"];
    public static readonly Dictionary<string, decimal> Prices = new()
    {
        ["SKU-1"] = 25.00m, ["SKU-2"] = 12.50m, ["SKU-3"] = 40.00m, ["SKU-4"] = 8.00m, ["SKU-5"] = 3.20m, [HotSku] = 19.90m,
    };
}

/// <summary>Accounts, partnerships, warehouses, SKUs and combos through the app's HTTP API, as an integrator would.</summary>
internal static class Setup
{
    public static async Task<World> CreateAsync(Api api, int distributors, int hotStock)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var supplier = await SignUpAsync(api, $"BigShop {run}", "supplier", run);
        var parties = new List<Party>();
        for (var i = 0; i < distributors; i++) parties.Add(await SignUpAsync(api, $"Distributor {i + 1:D2} {run}", $"d{i + 1}", run));
        foreach (var d in parties)
        {
            var id = Api.Must(await api.Post("/api/v1/partnerships", d.Key, new { supplierAccountId = supplier.Id }), "apply").Str("id");
            Api.Must(await api.Post($"/api/v1/partnerships/{id}/accept", supplier.Key), "accept");
        }
        var hot = Api.Must(await api.Post("/api/v1/warehouses", supplier.Key, new { code = "KL", name = "Kuala Lumpur", kind = "Own" }),
            "warehouse").Str("id");
        var other = Api.Must(await api.Post("/api/v1/warehouses", supplier.Key, new { code = "PG", name = "Penang", kind = "Own" }),
            "warehouse").Str("id");
        foreach (var (code, price) in World.Prices)
            Api.Must(await api.Post("/api/v1/skus", supplier.Key,
                new { code, name = code, costPrice = Math.Round(price / 2, 2), distributionPrice = price }), $"sku {code}");
        Api.Must(await api.Post("/api/v1/inventory/adjustments", supplier.Key,
            new { warehouseId = hot, skuCode = World.HotSku, quantity = hotStock, reason = "opening" }), "opening stock");
        Api.Must(await api.Put("/api/v1/supplier/charge-settings", supplier.Key,
            new { distributionFee = 3.00m, returnHandlingFee = 2.00m }), "charge settings");
        foreach (var d in parties)
        {
            for (var k = 1; k <= World.Singles.Length; k++)
                await MerchantSkuAsync(api, d, supplier, $"M-{k}", ($"SKU-{k}", 1));
            await MerchantSkuAsync(api, d, supplier, "M-COMBO", ("SKU-4", 1), ("SKU-5", 2));
            await MerchantSkuAsync(api, d, supplier, World.HotMerchantSku, (World.HotSku, 1));
        }
        return new World(supplier, parties, hot, other);
    }

    private static async Task<Party> SignUpAsync(Api api, string name, string mail, string run)
    {
        var reply = Api.Must(await api.Post("/api/v1/accounts", null,
            new { name, currency = "MYR", userEmail = $"{mail}-{run}@bench.test", password = "bench-password-123" }), "sign up");
        return new Party(reply.Json!["account"]!["id"]!.GetValue<string>(), reply.Str("apiKey"), name);
    }

    private static async Task MerchantSkuAsync(Api api, Party d, Party supplier, string code, params (string Sku, int Quantity)[] parts) =>
        Api.Must(await api.Post("/api/v1/merchant-skus", d.Key, new
        {
            code,
            name = code,
            supplierAccountId = supplier.Id,
            components = parts.Select(c => new { supplierSkuCode = c.Sku, quantity = c.Quantity }).ToArray(),
        }), $"merchant sku {code}");
}
