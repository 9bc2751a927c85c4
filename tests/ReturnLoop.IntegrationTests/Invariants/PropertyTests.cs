using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CsCheck;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ReturnLoop.IntegrationTests.Invariants;

/// <summary>
/// Issue 10, item 4: random sequences of API operations by two suppliers and two distributors (partnerships, SKUs and a combo,
/// stock adjustments, orders shipped, cancelled and paid, after-sales created, approved and cancelled, pushes and re-pushes,
/// recalls, stock-ins with damaged units, refunds created, voided, confirmed and not received, manual credits, and the same
/// request twice at once) keep every invariant of <see cref="InvariantChecker"/>, and no account sees another's ids.
/// A 4xx answer is the API refusing a wrong step, which is fine; a 5xx or a broken invariant fails, and CsCheck shrinks
/// the sequence and prints it. Bounded for CI: RETURNLOOP_PROPERTY_ITERATIONS sequences (default 8) of up to
/// RETURNLOOP_PROPERTY_OPS operations (default 40); RETURNLOOP_PROPERTY_SEED replays a printed seed.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private const int Kinds = 18;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Random_operations_by_several_accounts_keep_every_invariant(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var iterations = Setting("RETURNLOOP_PROPERTY_ITERATIONS", 8);
        var ops = Setting("RETURNLOOP_PROPERTY_OPS", 40);
        var sequences = 0;
        var tally = new ConcurrentDictionary<string, int>();
        var operations = 0;
        var gen = Gen.Select(Gen.Int[0, Kinds - 1], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], (k, a, b, c) => new Op(k, a, b, c))
            .Array[1, ops];

        await gen.SampleAsync(async sequence =>
            {
                Interlocked.Increment(ref sequences);
                Interlocked.Add(ref operations, sequence.Length);
                await RunAsync(app, sequence, tally);
            },
            writeLine: output.WriteLine, seed: Environment.GetEnvironmentVariable("RETURNLOOP_PROPERTY_SEED"), iter: iterations,
            threads: 1, print: Print);
        output.WriteLine($"{provider}: {sequences} sequences, {operations} operations, every invariant held. Answers:");
        foreach (var (what, count) in tally.OrderBy(t => t.Key, StringComparer.Ordinal)) output.WriteLine($"  {what}: {count}");
    }

    /// <summary>One generated step: a kind and three numbers that pick what it acts on (modulo what exists) and its sizes.</summary>
    public sealed record Op(int Kind, int A, int B, int C)
    {
        public override string ToString() => Kind switch
        {
            0 => $"Adjust(supplier {A % 2}, sku {"ABC"[B % 3]}, {C % 25 - 5})",
            1 => $"CreateOrder(distributor {A % 2}, supplier {B % 2}, {C})",
            2 => $"Ship(order {A})",
            3 => $"CancelOrder(order {A})",
            4 => $"Pay(order {A}, {(B % 6 + 1) * 5.25m}, {(C % 2 == 0 ? "Balance" : "Bank")})",
            5 => $"CreateAfterSales(order {A}, type {B % 4}, {C})",
            6 => $"Approve(after-sales {A})",
            7 => $"CancelAfterSales(after-sales {A})",
            8 => $"Push(return {A})",
            9 => $"PushAll(distributor {A % 2})",
            10 => $"StockIn(supplier return {A}, damaged {B % 3}, {C})",
            11 => $"CreateRefund(supplier return {A}, {(B % 2 == 0 ? "Balance" : "Bank")}, exchange {C % 4 * 3})",
            12 => $"Void(refund {A})",
            13 => $"ConfirmReceipt(refund {A})",
            14 => $"NotReceived(refund {A})",
            15 => $"ManualCredit(supplier {A % 2}, distributor {B % 2}, {(C % 5 + 1) * 4.5m})",
            16 => $"CompleteRefundOnly(after-sales {A})",
            _ => $"Twice at once{(C % 2 == 0 ? ", one Idempotency-Key" : "")}: {new Op(A % (Kinds - 1), B, C, A)}",
        };
    }

    private static string Print(Op[] ops)
    {
        var text = new StringBuilder($"{ops.Length} operations:");
        for (var i = 0; i < ops.Length; i++) text.Append($"\n  {i,2}. {ops[i]}");
        return text.ToString();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    private static async Task RunAsync(AppFactory app, Op[] ops, ConcurrentDictionary<string, int> tally)
    {
        var m = await Model.CreateAsync(app, tally);
        foreach (var op in ops) await m.RunAsync(op);
        await using (var db = app.NewDbContext()) await InvariantChecker.AssertHoldsAsync(db, m.AccountIds);
        await m.ProbeIsolationAsync();
    }

    /// <summary>The accounts of one sequence and the ids the API gave back, with the parties of each.</summary>
    private sealed class Model
    {
        private static readonly string[] Skus = ["A", "B", "C"];
        private readonly Lock _lock = new();
        private readonly StringBuilder _log = new();

        private readonly ConcurrentDictionary<string, int> _tally;

        private Model(AppFactory app, ConcurrentDictionary<string, int> tally) => (App, _tally) = (app, tally);

        public AppFactory App { get; }
        public (Api Api, string Id, string Own, string ThirdParty)[] Suppliers { get; private set; } = [];
        public (Api Api, string Id)[] Distributors { get; private set; } = [];
        public Api Outsider { get; private set; } = null!;
        public List<string> AccountIds { get; } = [];
        public List<(string Id, int D, int S)> Orders { get; } = [];
        public List<(string Id, int D, int S)> AfterSales { get; } = [];
        public List<(string Id, int D, int S)> Returns { get; } = [];
        public List<(string Id, int D, int S)> SupplierReturns { get; } = [];
        public List<(string Id, int D, int S)> Refunds { get; } = [];

        /// <summary>Two suppliers (with fees, and without), two distributors, partnerships d0–s0, d0–s1, d1–s0 (d1–s1 none),
        /// SKUs A, B, C with stock, and per pair the merchant SKUs A, B and the combo AB = A + 2 × B.</summary>
        public static async Task<Model> CreateAsync(AppFactory app, ConcurrentDictionary<string, int> tally)
        {
            var m = new Model(app, tally);
            var suppliers = new List<(Api, string, string, string)>();
            for (var s = 0; s < 2; s++)
            {
                var (api, id) = await World.SignUpAsync(app, $"PropSupplier{s}");
                var own = (await api.Post("/api/v1/warehouses", new { code = "OWN", name = "Own", kind = "Own" })).Ok().Id;
                var tpl = (await api.Post("/api/v1/warehouses", new { code = "3PL", name = "3PL", kind = "ThirdParty" })).Ok().Id;
                (await api.Put("/api/v1/supplier/charge-settings",
                    new { distributionFee = s == 0 ? 2m : 0m, returnHandlingFee = s == 0 ? 1.5m : 0m })).Ok();
                decimal[] prices = [12.5m, 7m, 30m];
                for (var k = 0; k < Skus.Length; k++)
                {
                    (await api.Post("/api/v1/skus",
                        new { code = Skus[k], name = Skus[k], costPrice = 1m, distributionPrice = prices[k] })).Ok();
                    (await api.Post("/api/v1/inventory/adjustments",
                        new { warehouseId = own, skuCode = Skus[k], quantity = 20, reason = "opening" })).Ok();
                }
                suppliers.Add((api, id, own, tpl));
                m.AccountIds.Add(id);
            }
            m.Suppliers = [.. suppliers];
            var distributors = new List<(Api, string)>();
            for (var d = 0; d < 2; d++)
            {
                var (api, id) = await World.SignUpAsync(app, $"PropDistributor{d}");
                distributors.Add((api, id));
                m.AccountIds.Add(id);
                for (var s = 0; s < 2; s++)
                {
                    if (d == 1 && s == 1) continue;
                    var partnership = (await api.Post("/api/v1/partnerships", new { supplierAccountId = m.Suppliers[s].Id })).Ok().Id;
                    (await m.Suppliers[s].Api.Post($"/api/v1/partnerships/{partnership}/accept")).Ok();
                    foreach (var (code, components) in new[]
                             {
                                 ("A", new[] { ("A", 1) }), ("B", new[] { ("B", 1) }), ("AB", new[] { ("A", 1), ("B", 2) }),
                             })
                        (await api.Post("/api/v1/merchant-skus", new
                        {
                            code = $"S{s}-{code}",
                            name = code,
                            supplierAccountId = m.Suppliers[s].Id,
                            components = components.Select(c => new { supplierSkuCode = c.Item1, quantity = c.Item2 }).ToArray(),
                        })).Ok();
                }
            }
            m.Distributors = [.. distributors];
            (m.Outsider, var outsider) = await World.SignUpAsync(app, "PropOutsider");
            m.AccountIds.Add(outsider);
            return m;
        }

        public async Task RunAsync(Op op)
        {
            if (op.Kind < Kinds - 1)
            {
                await StepAsync(op, null);
                return;
            }
            // The same request twice at once: a double click, a retry racing the first try, two workers.
            var inner = new Op(op.A % (Kinds - 1), op.B, op.C, op.A);
            var key = op.C % 2 == 0 ? Guid.NewGuid().ToString("N") : null;
            await Task.WhenAll(StepAsync(inner, key), StepAsync(inner, key));
        }

        private static (string Id, int D, int S)? Pick(List<(string Id, int D, int S)> list, int n, Lock gate)
        {
            lock (gate) return list.Count == 0 ? null : list[n % list.Count];
        }

        private void Add(List<(string Id, int D, int S)> list, string? id, int d, int s)
        {
            if (id is null) return;
            lock (_lock)
                if (list.All(x => x.Id != id)) list.Add((id, d, s));
        }

        private async Task StepAsync(Op op, string? key)
        {
            switch (op.Kind)
            {
                case 0:
                {
                    var s = Suppliers[op.A % 2];
                    await Call(op, s.Api.Post("/api/v1/inventory/adjustments",
                        new { warehouseId = s.Own, skuCode = Skus[op.B % 3], quantity = op.C % 25 - 5, reason = "count" }, key));
                    break;
                }
                case 1:
                {
                    var (d, s) = (op.A % 2, op.B % 2);
                    string[] codes = ["A", "B", "AB"];
                    var lines = new List<object> { new { merchantSkuCode = $"S{s}-{codes[op.C % 3]}", quantity = 1 + op.C / 3 % 3 } };
                    if (op.C >= 50) lines.Add(new { merchantSkuCode = $"S{s}-{codes[(op.C + 1) % 3]}", quantity = 1 });
                    var reply = await Call(op, Distributors[d].Api.Post("/api/v1/distribution-orders", new
                    {
                        supplierAccountId = Suppliers[s].Id,
                        warehouseId = Suppliers[s].Own,
                        platform = "Shopee",
                        shopId = "shop-1",
                        marketplaceOrderNo = $"SO-{Guid.NewGuid():N}",
                        lines,
                    }, key));
                    if (reply.IsOk) Add(Orders, reply.Id, d, s);
                    break;
                }
                case 2 when Pick(Orders, op.A, _lock) is { } o:
                    await Call(op, Suppliers[o.S].Api.Post($"/api/v1/distribution-orders/{o.Id}/ship", new { }, key));
                    break;
                case 3 when Pick(Orders, op.A, _lock) is { } o:
                    await Call(op, Distributors[o.D].Api.Post($"/api/v1/distribution-orders/{o.Id}/cancel", null, key));
                    break;
                case 4 when Pick(Orders, op.A, _lock) is { } o:
                    await Call(op, Suppliers[o.S].Api.Post($"/api/v1/distribution-orders/{o.Id}/payments",
                        new { amount = (op.B % 6 + 1) * 5.25m, method = op.C % 2 == 0 ? "CustomerBalance" : "BankTransfer" }, key));
                    break;
                case 5 when Pick(Orders, op.A, _lock) is { } o:
                {
                    var order = await Distributors[o.D].Api.Get($"/api/v1/distribution-orders/{o.Id}");
                    var merchantSkus = order.Json?["lines"]?.AsArray().Select(l => l.Str("merchantSkuCode")).Distinct().ToList() ?? [];
                    if (merchantSkus.Count == 0) break;
                    var lines = (op.C % 2 == 0 ? merchantSkus : merchantSkus.Take(1))
                        .Select(sku => new { merchantSkuCode = sku, quantity = 1 + op.C / 2 % 2 }).ToArray();
                    string[] types = ["ReturnAndRefund", "RefundOnly", "Exchange", "AbnormalReturn"];
                    var reply = await Call(op, Distributors[o.D].Api.Post("/api/v1/after-sales-orders",
                        new { distributionOrderId = o.Id, type = types[op.B % 4], reason = "property", lines }, key));
                    if (reply.IsOk)
                    {
                        Add(AfterSales, reply.Id, o.D, o.S);
                        Add(Returns, reply.Json?["distributionReturn"]?.StrOrNull("id"), o.D, o.S);
                    }
                    break;
                }
                case 6 when Pick(AfterSales, op.A, _lock) is { } a:
                {
                    var reply = await Call(op, Distributors[a.D].Api.Post($"/api/v1/after-sales-orders/{a.Id}/approve", null, key));
                    if (reply.IsOk) Add(Returns, reply.Json?["distributionReturn"]?.StrOrNull("id"), a.D, a.S);
                    break;
                }
                case 7 when Pick(AfterSales, op.A, _lock) is { } a:
                    await Call(op, Distributors[a.D].Api.Post($"/api/v1/after-sales-orders/{a.Id}/cancel", null, key));
                    break;
                case 8 when Pick(Returns, op.A, _lock) is { } r:
                {
                    var reply = await Call(op, Distributors[r.D].Api.Post($"/api/v1/distribution-returns/{r.Id}/push", null, key));
                    if (reply.IsOk) Add(SupplierReturns, reply.Json.StrOrNull("supplierReturnId"), r.D, r.S);
                    break;
                }
                case 9:
                {
                    var d = op.A % 2;
                    List<(string Id, int D, int S)> mine;
                    lock (_lock) mine = Returns.Where(r => r.D == d).ToList();
                    if (mine.Count == 0) break;
                    var reply = await Call(op, Distributors[d].Api.Post("/api/v1/distribution-returns/push",
                        new { ids = mine.Select(r => r.Id).ToArray() }, key));
                    var results = reply.IsOk ? reply.Json?["results"]?.AsArray() : null;
                    foreach (var result in results ?? [])
                    {
                        var at = mine.FindIndex(r => r.Id == result.Str("id"));
                        if (at >= 0) Add(SupplierReturns, result.StrOrNull("supplierReturnId"), mine[at].D, mine[at].S);
                    }
                    break;
                }
                case 10 when Pick(SupplierReturns, op.A, _lock) is { } r:
                {
                    var s = Suppliers[r.S];
                    var ret = await s.Api.Get($"/api/v1/supplier/return-stock-ins/{r.Id}");
                    var lines = new List<object>();
                    foreach (var line in ret.Json?["lines"]?.AsArray() ?? [])
                    {
                        var expected = line.Int("expectedQuantity") + (op.C % 11 == 0 ? 1 : 0);
                        var damaged = op.B % 3 switch { 0 => 0, 1 => Math.Min(1, expected), _ => expected };
                        var sku = line.Str("supplierSkuCode");
                        if (expected - damaged > 0)
                            lines.Add(new { supplierSkuCode = sku, quantity = expected - damaged, condition = "Good" });
                        if (damaged > 0) lines.Add(new { supplierSkuCode = sku, quantity = damaged, condition = "Damaged" });
                    }
                    await Call(op, s.Api.Post($"/api/v1/supplier/return-stock-ins/{r.Id}/stock-in",
                        new { warehouseId = op.C % 7 == 0 ? s.ThirdParty : s.Own, lines }, key));
                    break;
                }
                case 11 when Pick(SupplierReturns, op.A, _lock) is { } r:
                {
                    var bank = op.B % 2 == 1;
                    var reply = await Call(op, Suppliers[r.S].Api.Post($"/api/v1/supplier/return-stock-ins/{r.Id}/refund-orders", new
                    {
                        exchangeAmount = op.C % 4 * 3m,
                        method = bank ? "BankTransfer" : "CustomerBalance",
                        bankAccount = bank ? new { bankName = "Maybank", accountName = "Distributor", accountNumber = "5140-1234" } : null,
                    }, key));
                    if (reply.IsOk) Add(Refunds, reply.Id, r.D, r.S);
                    break;
                }
                case 12 when Pick(Refunds, op.A, _lock) is { } f:
                    await Call(op, Suppliers[f.S].Api.Post($"/api/v1/supplier/refund-orders/{f.Id}/void", null, key));
                    break;
                case 13 when Pick(Refunds, op.A, _lock) is { } f:
                    await Call(op, Distributors[f.D].Api.Post($"/api/v1/after-sales-refunds/{f.Id}/confirm-receipt", null, key));
                    break;
                case 14 when Pick(Refunds, op.A, _lock) is { } f:
                    await Call(op, Distributors[f.D].Api.Post($"/api/v1/after-sales-refunds/{f.Id}/report-not-received",
                        new { note = "nothing arrived" }, key));
                    break;
                case 15:
                    await Call(op, Suppliers[op.A % 2].Api.Post($"/api/v1/supplier/customer-balances/{Distributors[op.B % 2].Id}/credits",
                        new { amount = (op.C % 5 + 1) * 4.5m, note = "property" }, key));
                    break;
                case 16 when Pick(AfterSales, op.A, _lock) is { } a:
                    await Call(op, Distributors[a.D].Api.Post($"/api/v1/after-sales-orders/{a.Id}/complete", null, key));
                    break;
                default:
                    // Nothing yet to act on: make it instead, so short sequences still reach stock-ins and refunds.
                    var before = op.Kind switch { <= 5 => 1, 6 or 7 or 16 => 5, 8 => 6, 10 or 11 => 8, _ => 11 };
                    await StepAsync(op with { Kind = before }, key);
                    break;
            }
        }

        /// <summary>Any answer but a server error: the API may refuse a step, never fail on one.</summary>
        private async Task<Answer> Call(Op op, Task<Reply> request)
        {
            var reply = await request;
            lock (_lock) _log.Append($"\n  {op} → {(int)reply.Status} {reply.Code}");
            _tally.AddOrUpdate($"{op.ToString().Split('(')[0]} → {(int)reply.Status} {reply.Code}", 1, (_, n) => n + 1);
            if ((int)reply.Status >= 500)
                throw new Xunit.Sdk.XunitException($"{op} answered {(int)reply.Status}: {reply.Json?.ToJsonString()}\nsteps:{_log}");
            return new Answer(reply);
        }

        /// <summary>
        /// No account sees another's ids: each kind of id, asked for by the accounts that are not its parties (the outsider,
        /// the other distributor or supplier, and the other side where the route is one side's own), is 404.
        /// </summary>
        public async Task ProbeIsolationAsync()
        {
            var probes = new List<(Api Who, string Url)>();
            foreach (var o in Orders.Take(5))
            {
                probes.Add((Outsider, $"/api/v1/distribution-orders/{o.Id}"));
                probes.Add((Distributors[1 - o.D].Api, $"/api/v1/distribution-orders/{o.Id}"));
                probes.Add((Suppliers[1 - o.S].Api, $"/api/v1/distribution-orders/{o.Id}"));
            }
            foreach (var a in AfterSales.Take(5))
            {
                probes.Add((Outsider, $"/api/v1/after-sales-orders/{a.Id}"));
                probes.Add((Distributors[1 - a.D].Api, $"/api/v1/after-sales-orders/{a.Id}"));
                probes.Add((Suppliers[a.S].Api, $"/api/v1/after-sales-orders/{a.Id}"));
            }
            foreach (var r in Returns.Take(5))
            {
                probes.Add((Outsider, $"/api/v1/distribution-returns/{r.Id}"));
                probes.Add((Distributors[1 - r.D].Api, $"/api/v1/distribution-returns/{r.Id}"));
            }
            foreach (var r in SupplierReturns.Take(5))
            {
                probes.Add((Outsider, $"/api/v1/supplier/return-stock-ins/{r.Id}"));
                probes.Add((Suppliers[1 - r.S].Api, $"/api/v1/supplier/return-stock-ins/{r.Id}"));
                probes.Add((Distributors[r.D].Api, $"/api/v1/supplier/return-stock-ins/{r.Id}"));
            }
            foreach (var f in Refunds.Take(5))
            {
                probes.Add((Outsider, $"/api/v1/supplier/refund-orders/{f.Id}"));
                probes.Add((Suppliers[1 - f.S].Api, $"/api/v1/supplier/refund-orders/{f.Id}"));
                probes.Add((Distributors[1 - f.D].Api, $"/api/v1/after-sales-refunds/{f.Id}"));
                probes.Add((Outsider, $"/api/v1/after-sales-refunds/{f.Id}"));
            }
            foreach (var (who, url) in probes)
            {
                var reply = await who.Get(url);
                Assert.True(reply.Status == HttpStatusCode.NotFound, $"GET {url} by a non-party answered {(int)reply.Status}, not 404");
            }
        }
    }

    private sealed record Answer(Reply Reply)
    {
        public bool IsOk => (int)Reply.Status is >= 200 and < 300;
        public string? Id => Reply.Json?["id"]?.GetValue<string>();
        public System.Text.Json.Nodes.JsonNode? Json => Reply.Json;
    }
}
