using System.Text.Json.Nodes;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Short steps and reads for the loop tests (LoopTests, RefundTests, PushTests, FailureCodeTests, ListTests):
/// each one HTTP call, so a test reads like the workflow it checks.
/// </summary>
public static class LoopSteps
{
    // ---- JSON reads -------------------------------------------------------------------------------------------

    public static string Str(this JsonNode? node, string property) =>
        node?[property]?.GetValue<string>()
            ?? throw new InvalidOperationException($"No string '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static string? StrOrNull(this JsonNode? node, string property) => node?[property]?.GetValue<string>();

    public static decimal Dec(this JsonNode? node, string property) =>
        node?[property]?.GetValue<decimal>()
            ?? throw new InvalidOperationException($"No number '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static int Int(this JsonNode? node, string property) =>
        node?[property]?.GetValue<int>()
            ?? throw new InvalidOperationException($"No integer '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static bool Bool(this JsonNode? node, string property) =>
        node?[property]?.GetValue<bool>()
            ?? throw new InvalidOperationException($"No boolean '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static JsonArray Arr(this JsonNode? node, string property) =>
        node?[property] as JsonArray ?? throw new InvalidOperationException($"No array '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static int Int(this Reply reply, string property) => reply.Json.Int(property);

    public static bool Bool(this Reply reply, string property) => reply.Json.Bool(property);

    public static JsonArray Arr(this Reply reply, string property) => reply.Json.Arr(property);

    public static string? NextCursor(this Reply reply) => reply.Json?["nextCursor"]?.GetValue<string>();

    public static List<string> Ids(this JsonArray items) => items.Select(i => i.Str("id")).ToList();

    /// <summary>The item with this id; fails the test when it is missing.</summary>
    public static JsonNode Single(this JsonArray items, string id) =>
        World.Find(items, id) ?? throw new Xunit.Sdk.XunitException($"{id} is not in {items.ToJsonString()}");

    /// <summary>A status-tab count: every status must be present.</summary>
    public static int Count(this Reply counts, string status) =>
        counts.Json?[status]?.GetValue<int>()
            ?? throw new Xunit.Sdk.XunitException($"No count for {status} in {counts.Json?.ToJsonString()}");

    // ---- catalogue and stock --------------------------------------------------------------------------------

    /// <summary>A supplier SKU with opening stock in the own warehouse; returns its id.</summary>
    public static async Task<string> SkuWithId(this World w, string code, decimal distributionPrice, int stock = 100)
    {
        var id = (await w.Supplier.Post("/api/v1/skus", new { code, name = code, costPrice = 1m, distributionPrice })).Ok().Id;
        if (stock > 0)
            (await w.Supplier.Post("/api/v1/inventory/adjustments",
                new { warehouseId = w.OwnWarehouseId, skuCode = code, quantity = stock, reason = "opening" })).Ok();
        return id;
    }

    /// <summary>A merchant SKU (one component: single, more: combo); returns its id.</summary>
    public static async Task<string> MerchantSkuWithId(this World w, string code, params (string SupplierSku, int Quantity)[] components) =>
        (await w.Distributor.Post("/api/v1/merchant-skus", new
        {
            code,
            name = code,
            supplierAccountId = w.SupplierId,
            components = components.Select(c => new { supplierSkuCode = c.SupplierSku, quantity = c.Quantity }).ToArray(),
        })).Ok().Id;

    /// <summary>Re-maps (or, with no components, unmaps) a merchant SKU.</summary>
    public static async Task<Reply> Remap(this World w, string merchantSkuId, params (string SupplierSku, int Quantity)[] components) =>
        await w.Distributor.Put($"/api/v1/merchant-skus/{merchantSkuId}", new
        {
            name = "remapped",
            components = components.Select(c => new { supplierSkuCode = c.SupplierSku, quantity = c.Quantity }).ToArray(),
        });

    /// <summary>The supplier's stock row of a SKU in a warehouse (the own one unless given).</summary>
    public static async Task<(int OnHand, int Damaged)> Stock(this World w, string skuCode, string? warehouseId = null)
    {
        var items = (await w.Supplier.Get($"/api/v1/inventory?warehouseId={warehouseId ?? w.OwnWarehouseId}&skuCode={skuCode}")).Ok().Items;
        var row = Assert.Single(items);
        return (row.Int("onHand"), row.Int("damaged"));
    }

    /// <summary>What the distributor sees it can still have shipped of a merchant SKU from the supplier's own warehouse.</summary>
    public static async Task<int> Available(this World w, string merchantSkuCode)
    {
        var items = (await w.Distributor.Get($"/api/v1/distribution-stock?supplierId={w.SupplierId}")).Ok().Items;
        return items.Single(i => i.Str("merchantSkuCode") == merchantSkuCode && i.Str("warehouseId") == w.OwnWarehouseId).Int("available");
    }

    // ---- orders and money -----------------------------------------------------------------------------------

    public static async Task<Reply> Order(this World w, string orderId, Api? viewer = null) =>
        (await (viewer ?? w.Distributor).Get($"/api/v1/distribution-orders/{orderId}")).Ok();

    public static Task<Reply> Ship(this World w, string orderId, object? body = null) =>
        w.Supplier.Post($"/api/v1/distribution-orders/{orderId}/ship", body ?? new { });

    public static Task<Reply> Pay(this World w, string orderId, decimal amount, string method) =>
        w.Supplier.Post($"/api/v1/distribution-orders/{orderId}/payments", new { amount, method });

    public static async Task<JsonArray> Settlements(this World w, string orderId) =>
        (await w.Distributor.Get($"/api/v1/distribution-orders/{orderId}/settlements")).Ok().Items;

    public static async Task ManualCredit(this World w, decimal amount) =>
        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount, note = "opening credit" }))
            .Ok();

    /// <summary>The distributor's customer balance at the world's supplier (0 when it has none yet).</summary>
    public static async Task<decimal> Balance(this World w)
    {
        var items = (await w.Distributor.Get("/api/v1/balances")).Ok().Items;
        var row = items.FirstOrDefault(i => i.Str("supplierAccountId") == w.SupplierId);
        return row is null ? 0m : row.Dec("balance");
    }

    public static async Task<JsonArray> Ledger(this World w) =>
        (await w.Distributor.Get($"/api/v1/balances/{w.SupplierId}/ledger")).Ok().Items;

    // ---- after-sales, returns, refunds ---------------------------------------------------------------------

    public static async Task<Reply> AfterSales(this World w, string afterSalesId) =>
        (await w.Distributor.Get($"/api/v1/after-sales-orders/{afterSalesId}")).Ok();

    public static async Task<Reply> DistributionReturn(this World w, string returnId) =>
        (await w.Distributor.Get($"/api/v1/distribution-returns/{returnId}")).Ok();

    public static async Task<Reply> SupplierReturn(this World w, string supplierReturnId) =>
        (await w.Supplier.Get($"/api/v1/supplier/return-stock-ins/{supplierReturnId}")).Ok();

    public static Task<Reply> Push(this World w, string returnId) => w.Distributor.Post($"/api/v1/distribution-returns/{returnId}/push");

    public static Task<Reply> Approve(this World w, string afterSalesId) =>
        w.Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/approve");

    public static Task<Reply> Cancel(this World w, string afterSalesId) =>
        w.Distributor.Post($"/api/v1/after-sales-orders/{afterSalesId}/cancel");

    public static Task<Reply> SetAutoPush(this World w, bool on) =>
        w.Distributor.Put("/api/v1/settings/distribution-returns", new { autoPush = on });

    public static async Task<Reply> SupplierRefund(this World w, string refundId) =>
        (await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refundId}")).Ok();

    public static async Task<Reply> DistributorRefund(this World w, string refundId) =>
        (await w.Distributor.Get($"/api/v1/after-sales-refunds/{refundId}")).Ok();

    public static Task<Reply> UploadProof(this World w, string refundId, byte[] content, string fileName,
        string contentType = "application/octet-stream") =>
        w.Supplier.Upload($"/api/v1/supplier/refund-orders/{refundId}/payment-proof", content, fileName, contentType);

    /// <summary>Ships an order of one merchant SKU, has a return of some of it approved, pushed and stocked in as good; returns the
    /// ids.</summary>
    public static async Task<(string OrderId, string AfterSalesId, string ReturnId, string SupplierReturnId)> ReceivedReturn(
        this World w, string merchantSku, string supplierSku, int shipped, int returned)
    {
        var order = await w.ShippedOrder((merchantSku, shipped));
        var (afterSales, ret, supplierReturn) = await w.PushedReturn(order, (merchantSku, returned));
        (await w.StockIn(supplierReturn, (supplierSku, returned, "Good"))).Ok();
        return (order, afterSales, ret, supplierReturn);
    }

    // ---- lists ---------------------------------------------------------------------------------------------

    /// <summary>Walks a list page by page; asserts every page keeps to the limit and only the last has no cursor.</summary>
    public static async Task<(List<string> Ids, int Pages)> AllPages(this Api api, string url, int limit)
    {
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var separator = url.Contains('?') ? '&' : '?';
            var reply = (await api.Get($"{url}{separator}limit={limit}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))
                .Ok();
            pages++;
            Assert.True(reply.Items.Count <= limit, $"A page of {reply.Items.Count} items over the limit {limit}.");
            ids.AddRange(reply.Items.Ids());
            cursor = reply.NextCursor();
            if (cursor is not null) Assert.Equal(limit, reply.Items.Count);
            Assert.True(pages < 100, "The cursor never ends.");
        } while (cursor is not null);
        return (ids, pages);
    }

    // ---- payment proof files (told by content) --------------------------------------------------------------

    public static byte[] Png(int size = 256) => Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 256) => Fill([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], size);

    public static byte[] Pdf(int size = 256) => Fill("%PDF-1.7\n"u8.ToArray(), size);

    private static byte[] Fill(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        new Random(size).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
