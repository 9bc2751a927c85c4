using System.Net;
using System.Net.Http.Json;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// api.md: "404 unknown (or not visible to this account — never leak another account's data)". A world with data on
/// every kind of resource, and a third account that must see none of it — an unrelated one, another distributor of the
/// same supplier, another supplier of the same distributor: every route of the served OpenAPI document that takes an
/// id is called with the world's real ids (a new route fails the test until its ids are listed), every list is empty,
/// and no answer mentions the world's ids, codes or bank details. Partners: 404 on the other side's routes, 403 where
/// they see a resource but may not act.
/// </summary>
public sealed class TenantIsolationTests
{
    /// <summary>A supplier and a distributor with something on every resource, and the values that must not leak.</summary>
    private sealed class Populated
    {
        public required World W { get; init; }
        public required string SkuCode { get; init; }
        public required string MerchantSkuCode { get; init; }
        public required string ShippedOrderId { get; init; }
        public required string AfterSalesId { get; init; }
        /// <summary>The world's ids per resource route (the path before its id).</summary>
        public required Dictionary<string, string[]> IdsByRoute { get; init; }
        /// <summary>Ids, codes, order numbers and bank details of the world: none may appear in an outsider's answer.</summary>
        public required HashSet<string> Secrets { get; init; }
    }

    private const string BankAccountNumber = "5140-1234-5678";

    private static async Task<Populated> PopulateAsync(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var code = $"ISO{Guid.NewGuid():N}"[..15].ToUpperInvariant();
        var merchant = await w.Product(code, 40.00m, stock: 50);

        var shipped = await w.ShippedOrder((merchant, 6));
        var created = (await w.CreateOrder((merchant, 1))).Ok().Id;

        // Stocked in and refunded by bank transfer, with its payment proof.
        var (afterSalesA, returnA, supplierReturnA) = await w.PushedReturn(shipped, (merchant, 2));
        (await w.StockIn(supplierReturnA, (code, 2, "Good"))).Ok();
        var bankRefund = (await w.CreateRefund(supplierReturnA, "BankTransfer")).Ok().Id;
        (await w.Supplier.Upload($"/api/v1/supplier/refund-orders/{bankRefund}/payment-proof", Trust.Png, "proof.png", "image/png")).Ok();

        // Stocked in as damaged and refunded to the customer balance.
        var (afterSalesB, returnB, supplierReturnB) = await w.PushedReturn(shipped, (merchant, 1));
        (await w.StockIn(supplierReturnB, (code, 1, "Damaged"))).Ok();
        var balanceRefund = (await w.CreateRefund(supplierReturnB, "CustomerBalance")).Ok().Id;

        // Pushed and waiting for stock-in; approved and waiting to be pushed; waiting for approval.
        var (afterSalesC, returnC, supplierReturnC) = await w.PushedReturn(shipped, (merchant, 1));
        var (afterSalesD, returnD) = await w.ApprovedReturn(shipped, (merchant, 1));
        var afterSalesE = (await w.CreateAfterSales(shipped, "RefundOnly", (merchant, 1))).Ok().Id;

        // Balances: a manual credit, and an order paid from it.
        (await w.Supplier.Post($"/api/v1/supplier/customer-balances/{w.DistributorId}/credits", new { amount = 500.00m, note = "opening" }))
            .Ok();
        var paid = await w.ShippedOrder((merchant, 1));
        (await w.Supplier.Post($"/api/v1/distribution-orders/{paid}/payments", new { amount = 40.00m, method = "CustomerBalance" })).Ok();

        var keyId = (await w.Supplier.Post("/api/v1/api-keys", new { name = "isolation" })).Ok().Id;
        var skuId = Assert.Single((await w.Supplier.Get("/api/v1/skus")).Ok().Items)!.S("id");
        var merchantSkuId = Assert.Single((await w.Distributor.Get("/api/v1/merchant-skus")).Ok().Items)!.S("id");
        var orderNo = (await w.Distributor.Get($"/api/v1/distribution-orders/{shipped}")).Ok().Str("marketplaceOrderNo");
        // A webhook endpoint, disabled at once so the test sends nothing out (a documentation address, never reached).
        var hook = (await w.Distributor.Post("/api/v1/webhook-endpoints", new { url = "https://203.0.113.10/h" })).Ok();
        (await w.Distributor.Put($"/api/v1/webhook-endpoints/{hook.Id}", new { url = "https://203.0.113.10/h", enabled = false })).Ok();
        var shop = (await w.Distributor.Post("/api/v1/shops", new
        {
            platform = "Lazada", shopId = "iso-" + Guid.NewGuid().ToString("N")[..8], name = "Kedai Ali Lazada", region = "MY",
            credentials = new { appKey = "ak", appSecret = "isolation-app-secret", accessToken = "isolation-access-token" },
        })).Ok();

        // The distributor's own stock: a store order of its own shop and a regular return approved, waiting for its stock-in.
        var ownWarehouse = (await w.Distributor.Post("/api/v1/warehouses", new { code = "DOWN", name = "Own", kind = "Own" })).Ok().Id;
        var ownSku = $"OWN{Guid.NewGuid():N}"[..15].ToUpperInvariant();
        (await w.Distributor.Post("/api/v1/skus", new { code = ownSku, name = "Own", costPrice = 1.00m, distributionPrice = 2.00m })).Ok();
        var storeOrderNo = $"ISO-{Guid.NewGuid():N}";
        var storeOrder = (await w.Distributor.Post("/api/v1/store-orders", new
        {
            platform = "Manual", marketplaceOrderNo = storeOrderNo, warehouseId = ownWarehouse,
            lines = new[] { new { skuCode = ownSku, quantity = 2, unitPrice = 5.00m } },
        })).Ok().Id;
        var regular = (await w.Distributor.Post("/api/v1/after-sales-orders", new
        {
            storeOrderId = storeOrder, type = "ReturnAndRefund", lines = new[] { new { merchantSkuCode = ownSku, quantity = 1 } },
        })).Ok().Id;
        var ownStockIn = (await w.Distributor.Post($"/api/v1/after-sales-orders/{regular}/approve")).Ok()["returnStockIn"]!.S("id");

        // A user invited into the supplier's account, the invitation accepted (its token is used up: 404 for anyone now).
        var invitation = (await w.Supplier.Post("/api/v1/users/invitations",
            new { email = $"clerk-{Guid.NewGuid():N}@example.com", role = "Warehouse" })).Ok();
        var invitedUser = (await w.App.Client().Post($"/api/v1/users/invitations/{invitation.Str("token")}/accept",
            new { password = "a long clerk password" })).Ok()["user"].S("id");

        var supplierReturns = new[] { supplierReturnA, supplierReturnB, supplierReturnC };
        var refunds = new[] { bankRefund, balanceRefund };
        var ids = new Dictionary<string, string[]>
        {
            ["/api/v1/api-keys/"] = [keyId],
            ["/api/v1/partnerships/"] = [w.PartnershipId],
            ["/api/v1/warehouses/"] = [w.OwnWarehouseId, w.ThirdPartyWarehouseId],
            ["/api/v1/skus/"] = [skuId],
            ["/api/v1/merchant-skus/"] = [merchantSkuId],
            ["/api/v1/distribution-orders/"] = [shipped, created, paid],
            ["/api/v1/after-sales-orders/"] = [afterSalesA, afterSalesB, afterSalesC, afterSalesD, afterSalesE, regular],
            ["/api/v1/store-orders/"] = [storeOrder],
            ["/api/v1/return-stock-ins/"] = [ownStockIn],
            ["/api/v1/distribution-returns/"] = [returnA, returnB, returnC, returnD],
            ["/api/v1/supplier/after-sales-orders/"] = supplierReturns,
            ["/api/v1/supplier/return-stock-ins/"] = supplierReturns,
            ["/api/v1/supplier/refund-orders/"] = refunds,
            ["/api/v1/after-sales-refunds/"] = refunds,
            ["/api/v1/balances/"] = [w.SupplierId],
            ["/api/v1/supplier/customer-balances/"] = [w.DistributorId],
            ["/api/v1/webhook-endpoints/"] = [hook.Id],
            ["/api/v1/shops/"] = [shop.Id],
            ["/api/v1/users/"] = [invitedUser],
            ["/api/v1/users/invitations/"] = [invitation.Str("token")],
        };
        var secrets = ids.Values.SelectMany(v => v)
            .Concat([w.SupplierId, w.DistributorId, code, merchant, orderNo, BankAccountNumber, ownSku, storeOrderNo, ownWarehouse])
            .ToHashSet();
        secrets.Add(hook.Str("secret"));
        secrets.UnionWith(["isolation-app-secret", "isolation-access-token"]);
        return new Populated
        {
            W = w, SkuCode = code, MerchantSkuCode = merchant, ShippedOrderId = shipped, AfterSalesId = afterSalesA, IdsByRoute = ids,
                Secrets = secrets,
        };
    }

    /// <summary>The world's ids for a route with a path parameter; a route nobody listed fails the test, so a new one cannot slip
    /// by.</summary>
    private static string[] IdsFor(Populated p, Trust.Operation op)
    {
        var prefix = op.Path[..op.Path.IndexOf('{')];
        Assert.True(p.IdsByRoute.TryGetValue(prefix, out var ids),
            $"{op}: a route with an id that this test does not know yet. Add the world's ids for '{prefix}' to {nameof(PopulateAsync)}.");
        return ids!;
    }

    /// <summary>A well-formed request to an operation, so that a refusal is about the id, not about the body.</summary>
    private static HttpRequestMessage Request(Populated p, Trust.Operation op, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), url);
        if (op.Method == "GET") return request;
        if (url.EndsWith("/payment-proof"))
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Trust.Png);
            file.Headers.ContentType = new("image/png");
            form.Add(file, "file", "proof.png");
            request.Content = form;
            return request;
        }
        object? body = url.Split('/')[^1] switch
        {
            "ship" => new { },
            "payments" => new { amount = 1.00m, method = "BankTransfer" },
            "stock-in" => new
            {
                warehouseId = p.W.OwnWarehouseId,
                // Both stock-ins' line shapes (the supplier's and the seller's own), so neither refuses the body first.
                lines = new[] { new { supplierSkuCode = p.SkuCode, skuCode = p.SkuCode, quantity = 1, condition = "Good" } },
            },
            "refund-orders" => new { exchangeAmount = 0m, method = "CustomerBalance" },
            "report-not-received" => new { note = "not here" },
            "credits" => new { amount = 1.00m, note = "x" },
            "link" => new { distributionOrderId = p.ShippedOrderId },
            "accept" => new { password = "an outsider's long password" },
            _ when op.Method == "PUT" && op.Path.StartsWith("/api/v1/users/") => new { role = "Viewer" },
            _ when op.Method == "PUT" && op.Path.StartsWith("/api/v1/webhook-endpoints/") => new { url = "https://203.0.113.11/mine" },
            _ when op.Method == "PUT" && op.Path.StartsWith("/api/v1/skus/") =>
                new { name = "X", costPrice = 1.00m, distributionPrice = 2.00m },
            _ when op.Method == "PUT" && op.Path.StartsWith("/api/v1/merchant-skus/") =>
                new { name = "X", components = new[] { new { supplierSkuCode = p.SkuCode, quantity = 1 } } },
            _ => null,
        };
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private static void AssertNoLeak(Populated p, Reply reply, string context, string? allowed = null)
    {
        var text = reply.Text();
        var leaked = p.Secrets.Where(s => s != allowed && text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaked.Count == 0, $"{context}: the answer mentions the other account's {string.Join(", ", leaked)}: {text}");
    }

    public enum Outsider
    {
        /// <summary>An account with no tie to the world.</summary>
        Unrelated,
        /// <summary>Another distributor of the world's supplier: it knows the supplier, not the world's distributor.</summary>
        FellowDistributor,
        /// <summary>Another supplier of the world's distributor: it knows the distributor, not the world's supplier.</summary>
        FellowSupplier,
    }

    public static TheoryData<DatabaseProvider, Outsider> ProvidersAndOutsiders
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, Outsider>();
            foreach (var provider in Enum.GetValues<DatabaseProvider>())
                foreach (var outsider in Enum.GetValues<Outsider>()) data.Add(provider, outsider);
            return data;
        }
    }

    /// <summary>
    /// The outsider's client, and what of the world it may legitimately know: its partner's account id and the
    /// catalogue codes it shares (a fellow uses the same codes on purpose, so a lookup by code alone would show).
    /// </summary>
    private static async Task<(Api Client, string[] Known, string[] OwnLists)> OutsiderAsync(Populated p, Outsider kind)
    {
        var w = p.W;
        switch (kind)
        {
            case Outsider.FellowDistributor:
            {
                var (client, _) = await World.SignUpAsync(w.App, "FellowDistributor");
                var id = (await client.Post("/api/v1/partnerships", new { supplierAccountId = w.SupplierId })).Ok().Id;
                (await w.Supplier.Post($"/api/v1/partnerships/{id}/accept")).Ok();
                (await client.Post("/api/v1/merchant-skus", new { code = p.MerchantSkuCode, name = "Mine", supplierAccountId = w.SupplierId,
                    components = new[] { new { supplierSkuCode = p.SkuCode, quantity = 1 } } })).Ok();
                // It sees its supplier's catalogue and, per merchant SKU, what each supplier warehouse can ship.
                return (client,
                    [w.SupplierId, p.SkuCode, p.MerchantSkuCode, w.OwnWarehouseId, w.ThirdPartyWarehouseId,
                        .. p.IdsByRoute["/api/v1/skus/"]],
                    ["/api/v1/partnerships", "/api/v1/api-keys", "/api/v1/merchant-skus", "/api/v1/skus", "/api/v1/distribution-stock",
                        "/api/v1/audit", "/api/v1/users"]);
            }
            case Outsider.FellowSupplier:
            {
                var (client, supplierId) = await World.SignUpAsync(w.App, "FellowSupplier");
                var id = (await w.Distributor.Post("/api/v1/partnerships", new { supplierAccountId = supplierId })).Ok().Id;
                (await client.Post($"/api/v1/partnerships/{id}/accept")).Ok();
                (await client.Post("/api/v1/warehouses", new { code = "OWN", name = "Own", kind = "Own" })).Ok();
                (await client.Post("/api/v1/skus", new { code = p.SkuCode, name = "Mine", costPrice = 1.00m, distributionPrice = 2.00m }))
                    .Ok();
                return (client, [w.DistributorId, p.SkuCode],
                    ["/api/v1/partnerships", "/api/v1/api-keys", "/api/v1/warehouses", "/api/v1/skus", "/api/v1/audit",
                        "/api/v1/users"]);
            }
            default:
                return ((await World.SignUpAsync(w.App, "Outsider")).Client, [], ["/api/v1/api-keys", "/api/v1/audit", "/api/v1/users"]);
        }
    }

    [Theory, MemberData(nameof(ProvidersAndOutsiders))]
    public async Task Another_account_gets_404_for_every_route_that_takes_an_id(DatabaseProvider provider, Outsider kind)
    {
        var p = await PopulateAsync(provider);
        var (outsider, known, _) = await OutsiderAsync(p, kind);
        p.Secrets.ExceptWith(known);
        var operations = (await Trust.OperationsAsync(p.W.App)).Where(o => o.Path.StartsWith("/api/") && o.HasPathParameter).ToList();
        Assert.NotEmpty(operations);

        var calls = 0;
        foreach (var op in operations)
        {
            // A fellow supplier's balance book with the shared distributor is its own business, not the world's.
            if (kind == Outsider.FellowSupplier && op.Path.StartsWith("/api/v1/supplier/customer-balances/")) continue;
            foreach (var id in IdsFor(p, op))
            {
                var url = op.With(id);
                var reply = await outsider.Send(Request(p, op, url));
                calls++;
                AssertNoLeak(p, reply, $"{op} with {id}", allowed: id);
                if (op.Method == "GET" && op.Path.EndsWith("/ledger") && reply.Status == HttpStatusCode.OK)
                {
                    // A ledger is keyed by the caller's own account and the partner's id: the outsider has none with this partner.
                    Assert.Empty(reply.Items);
                    Assert.Null(reply.Json?["nextCursor"]);
                    continue;
                }
                Assert.True(reply.Status == HttpStatusCode.NotFound && reply.Code == "not_found",
                    $"{op} with the other account's {id}: expected 404 not_found but got {(int)reply.Status} {reply.Text()}");
                Assert.Equal("application/problem+json", reply.MediaType);
            }
        }

        Assert.True(calls >= 90, $"Only {calls} calls were made.");

        // Nothing the outsider sent changed the world: still one refund awaiting confirmation, the pending return still pending.
        var refunds = (await p.W.Supplier.Get("/api/v1/supplier/refund-orders")).Ok().Items;
        Assert.Equal(["AwaitingConfirmation", "Completed"], refunds.Select(r => r.S("status")).Order());
        Assert.Equal(1, (await p.W.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Json.I("PendingStockIn"));
        Assert.Equal("Active", (await p.W.Supplier.Get($"/api/v1/partnerships/{p.W.PartnershipId}")).Ok().Str("status"));
        Assert.Null((await p.W.Supplier.Get("/api/v1/api-keys")).Ok().Items.Single(k => k.S("name") == "isolation")!["revokedAt"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_ids_the_outsider_tried_are_real_the_owners_see_them(DatabaseProvider provider)
    {
        var p = await PopulateAsync(provider);
        var operations = (await Trust.OperationsAsync(p.W.App))
            .Where(o => o.Path.StartsWith("/api/") && o.HasPathParameter && o.Method == "GET").ToList();
        Assert.NotEmpty(operations);

        foreach (var op in operations.Where(o => !o.Path.EndsWith("/payment-proof")))
        {
            foreach (var id in IdsFor(p, op))
            {
                var asSupplier = await p.W.Supplier.Get(op.With(id));
                var asDistributor = await p.W.Distributor.Get(op.With(id));
                Assert.True(asSupplier.IsSuccess() || asDistributor.IsSuccess(),
                    $"{op} with {id}: neither owner sees it ({(int)asSupplier.Status}, {(int)asDistributor.Status})");
                if (op.Path.EndsWith("/ledger"))
                    Assert.NotEmpty((asSupplier.IsSuccess() && asSupplier.Items.Count > 0 ? asSupplier : asDistributor).Items);
            }
        }
        var refund = p.IdsByRoute["/api/v1/after-sales-refunds/"][0];
        Assert.Equal(Trust.Png, (await p.W.Distributor.Get($"/api/v1/after-sales-refunds/{refund}/payment-proof")).Ok().Body);
        Assert.Equal(Trust.Png, (await p.W.Supplier.Get($"/api/v1/supplier/refund-orders/{refund}/payment-proof")).Ok().Body);
    }

    /// <summary>The values of the world that lists may be filtered by.</summary>
    private static Dictionary<string, string> Filters(Populated p) => new()
    {
        ["supplierId"] = p.W.SupplierId,
        ["distributorId"] = p.W.DistributorId,
        ["warehouseId"] = p.W.OwnWarehouseId,
        ["skuCode"] = p.SkuCode,
        ["afterSalesOrderId"] = p.AfterSalesId,
        ["entityId"] = p.AfterSalesId,
        ["q"] = p.ShippedOrderId,
    };

    [Theory, MemberData(nameof(ProvidersAndOutsiders))]
    public async Task Another_account_sees_empty_lists_and_zero_counts_even_filtered_by_the_worlds_ids(DatabaseProvider provider,
        Outsider kind)
    {
        var p = await PopulateAsync(provider);
        var (outsider, known, ownLists) = await OutsiderAsync(p, kind);
        p.Secrets.ExceptWith(known);
        var lists = (await Trust.OperationsAsync(p.W.App))
            .Where(o => o.Path.StartsWith("/api/") && o.Method == "GET" && !o.HasPathParameter).ToList();
        Assert.NotEmpty(lists);
        var filters = Filters(p);

        var checkedLists = 0;
        foreach (var op in lists)
        {
            var urls = new List<string> { op.Path };
            urls.AddRange(op.QueryParameters.Where(filters.ContainsKey).Select(q => $"{op.Path}?{q}={Uri.EscapeDataString(filters[q])}"));
            foreach (var url in urls)
            {
                var reply = await outsider.Get(url);
                AssertNoLeak(p, reply, $"GET {url}");
                if (reply.Status == HttpStatusCode.NotFound)
                {
                    // A catalogue of a supplier it does not work with is hidden.
                    reply.Problem(HttpStatusCode.NotFound, "not_found");
                    Assert.StartsWith("/api/v1/skus?supplierId=", url);
                    Assert.NotEqual(Outsider.FellowDistributor, kind);
                    continue;
                }
                reply.Ok();
                if (op.Path.EndsWith("/counts"))
                {
                    var counts = reply.Json!.AsObject();
                    Assert.NotEmpty(counts);
                    Assert.True(counts.All(c => c.Value!.GetValue<int>() == 0), $"GET {url}: {reply.Text()}");
                    checkedLists++;
                }
                else if (reply.Json?["items"] is not null)
                {
                    // What the outsider owns itself (its key, its partnership, its catalogue) it may list; the world's, never.
                    if (!ownLists.Contains(op.Path)) Assert.True(reply.Items.Count == 0, $"{kind}: GET {url}: {reply.Text()}");
                    checkedLists++;
                }
            }
        }
        Assert.True(checkedLists >= 20, $"Only {checkedLists} lists were checked.");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_world_itself_has_something_on_every_list_the_outsider_saw_empty(DatabaseProvider provider)
    {
        var p = await PopulateAsync(provider);
        var lists = (await Trust.OperationsAsync(p.W.App))
            .Where(o => o.Path.StartsWith("/api/") && o.Method == "GET" && !o.HasPathParameter).ToList();

        foreach (var op in lists)
        {
            var asSupplier = (await p.W.Supplier.Get(op.Path)).Ok();
            var asDistributor = (await p.W.Distributor.Get(op.Path)).Ok();
            if (op.Path.EndsWith("/counts"))
                Assert.True(new[] { asSupplier, asDistributor }.Any(r => r.Json!.AsObject().Any(c => c.Value!.GetValue<int>() > 0)),
                    $"GET {op.Path}: all zero for both");
            else if (asSupplier.Json?["items"] is not null)
                Assert.True(asSupplier.Items.Count + asDistributor.Items.Count > 0, $"GET {op.Path}: empty for both owners");
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_account_cannot_use_the_worlds_ids_in_a_request_body(DatabaseProvider provider)
    {
        var p = await PopulateAsync(provider);
        var w = p.W;
        var (outsider, _) = await World.SignUpAsync(w.App, "Outsider");

        // Its stock, its orders, its returns: not found. Its catalogue: not without a partnership.
        (await outsider.Post("/api/v1/inventory/adjustments", new { warehouseId = w.OwnWarehouseId, skuCode = p.SkuCode, quantity = 5 }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        (await outsider.Post("/api/v1/after-sales-orders",
            new { distributionOrderId = p.ShippedOrderId, type = "ReturnAndRefund", reason = "x",
            lines = new[] { new { merchantSkuCode = p.MerchantSkuCode, quantity = 1 } } })).Problem(HttpStatusCode.NotFound, "not_found");
        (await outsider.Post("/api/v1/distribution-orders",
            new { supplierAccountId = w.SupplierId, warehouseId = w.OwnWarehouseId, platform = "Manual",
            lines = new[] { new { merchantSkuCode = p.MerchantSkuCode, quantity = 1 } } }))
                .Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");
        (await outsider.Post("/api/v1/merchant-skus", new { code = "X", name = "X", supplierAccountId = w.SupplierId,
            components = new[] { new { supplierSkuCode = p.SkuCode, quantity = 1 } } }))
                .Problem(HttpStatusCode.UnprocessableEntity, "partnership.not_active");
        (await outsider.Get($"/api/v1/skus?supplierId={w.SupplierId}")).Problem(HttpStatusCode.NotFound, "not_found");

        // A bulk push reports each foreign id as not found, with nothing of the return in the result.
        var returns = p.IdsByRoute["/api/v1/distribution-returns/"];
        var bulk = (await outsider.Post("/api/v1/distribution-returns/push", new { ids = returns })).Ok();
        var results = (System.Text.Json.Nodes.JsonArray)bulk["results"];
        Assert.Equal(returns.Length, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal("not_found", r!["error"]!.S("code"));
            Assert.Null(r["status"]);
            Assert.Null(r["supplierReturnId"]);
            Assert.Null(r["pushFailure"]);
        });

        // The supplier's stock is as it was: 50 opening, 7 shipped, 2 good back (1 damaged is apart).
        var stock = Assert.Single((await w.Supplier.Get($"/api/v1/inventory?warehouseId={w.OwnWarehouseId}&skuCode={p.SkuCode}")).Ok()
            .Items);
        Assert.Equal(50 - 7 + 2, stock.I("onHand"));
        Assert.Equal(1, stock.I("damaged"));
        Assert.Equal("ToPush", (await w.Distributor.Get($"/api/v1/distribution-returns/{returns[3]}")).Ok().Str("status"));
    }

    /// <summary>Which side of the world owns the resources under a route; partnerships and distribution orders are seen by both.</summary>
    private static string? OwnerSide(Trust.Operation op)
    {
        string[] supplier = ["/api/v1/supplier/", "/api/v1/warehouses/", "/api/v1/skus/", "/api/v1/api-keys/", "/api/v1/users/"];
        string[] distributor = ["/api/v1/after-sales-orders/", "/api/v1/distribution-returns/", "/api/v1/after-sales-refunds/",
            "/api/v1/merchant-skus/", "/api/v1/balances/", "/api/v1/shops/", "/api/v1/store-orders/", "/api/v1/return-stock-ins/"];
        string[] shared = ["/api/v1/partnerships/", "/api/v1/distribution-orders/"];
        if (op.Path.StartsWith("/api/v1/webhook-endpoints/")) return "distributor"; // the world's endpoint is the distributor's
        if (supplier.Any(op.Path.StartsWith)) return "supplier";
        if (distributor.Any(op.Path.StartsWith)) return "distributor";
        Assert.True(shared.Any(op.Path.StartsWith), $"{op}: a route this test does not know yet; say which side owns it.");
        return null;
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_partner_gets_404_on_the_other_sides_routes(DatabaseProvider provider)
    {
        var p = await PopulateAsync(provider);
        var operations = (await Trust.OperationsAsync(p.W.App)).Where(o => o.Path.StartsWith("/api/") && o.HasPathParameter).ToList();

        var calls = 0;
        foreach (var op in operations)
        {
            var owner = OwnerSide(op);
            if (owner is null) continue;
            var other = owner == "supplier" ? p.W.Distributor : p.W.Supplier;
            foreach (var id in IdsFor(p, op))
            {
                var reply = await other.Send(Request(p, op, op.With(id)));
                calls++;
                if (op.Path.EndsWith("/ledger") && reply.Status == HttpStatusCode.OK)
                {
                    Assert.Empty(reply.Items);
                    continue;
                }
                Assert.True(reply.Status == HttpStatusCode.NotFound && reply.Code == "not_found",
                    $"{op} with {id} as the {(owner == "supplier" ? "distributor" : "supplier")}: "
                    + $"expected 404 not_found but got {(int)reply.Status} {reply.Text()}");
            }
        }
        Assert.True(calls >= 60, $"Only {calls} calls were made.");
        Assert.Equal(1, (await p.W.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Json.I("PendingStockIn"));
        Assert.Equal(1, (await p.W.Distributor.Get("/api/v1/distribution-returns/counts")).Ok().Json.I("ToPush"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_partner_gets_403_where_it_sees_the_resource_but_may_not_act(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var merchant = await w.Product("FB-1", 10.00m);

        // Accept or reject its own application: only the supplier decides.
        var (applicant, _) = await World.SignUpAsync(w.App, "Applicant");
        var application = (await applicant.Post("/api/v1/partnerships", new { supplierAccountId = w.SupplierId })).Ok().Id;
        (await applicant.Post($"/api/v1/partnerships/{application}/accept")).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await applicant.Post($"/api/v1/partnerships/{application}/reject")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Pending", (await applicant.Get($"/api/v1/partnerships/{application}")).Ok().Str("status"));

        // Ship an order: only the supplier; stock untouched.
        var order = (await w.CreateOrder((merchant, 2))).Ok().Id;
        (await w.Distributor.Post($"/api/v1/distribution-orders/{order}/ship", new { })).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Created", (await w.Distributor.Get($"/api/v1/distribution-orders/{order}")).Ok().Str("status"));
        Assert.Equal(100, Assert.Single((await w.Supplier.Get("/api/v1/inventory?skuCode=FB-1")).Ok().Items)!.I("onHand"));

        // Record a payment: only the supplier records what it received.
        (await w.Supplier.Post($"/api/v1/distribution-orders/{order}/ship", new { })).Ok();
        (await w.Distributor.Post($"/api/v1/distribution-orders/{order}/payments", new { amount = 5.00m, method = "BankTransfer" }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0m, (await w.Distributor.Get($"/api/v1/distribution-orders/{order}")).Ok().Dec("settledAmount"));
        Assert.Empty((await w.Supplier.Get($"/api/v1/distribution-orders/{order}/settlements")).Ok().Items);

        // The partner sees the catalogue at distribution prices, never the supplier's cost price.
        (await w.Supplier.Put($"/api/v1/skus/{Assert.Single((await w.Supplier.Get("/api/v1/skus")).Ok().Items)!.S("id")}",
            new { name = "FB-1", costPrice = 6.50m, distributionPrice = 10.00m })).Ok();
        Assert.Equal(6.50m, Assert.Single((await w.Supplier.Get("/api/v1/skus")).Ok().Items)!.D("costPrice"));
        var seen = Assert.Single((await w.Distributor.Get($"/api/v1/skus?supplierId={w.SupplierId}")).Ok().Items)!;
        Assert.Equal(10.00m, seen.D("distributionPrice"));
        Assert.Null(seen["costPrice"]);
    }
}
