using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ReturnLoop.Bench;

internal sealed record ActionFigure(string Action, int Ok, double P50, double P95, double P99, IReadOnlyDictionary<string, int> Errors);

internal sealed record LoopFigure(int Concurrency, int Loops, int FailedLoops, double Seconds, double LoopsPerSecond,
    double RawTxPerSecond, double RawP50, double Ratio, IReadOnlyList<ActionFigure> Actions);

/// <param name="Mode">"bulk route, batches of 1,000" or "single calls at concurrency 8".</param>
/// <param name="RawPerSecond">Raw items/s for the same rows: five rows per item, batched as the app's calls are.</param>
internal sealed record BulkFigure(string What, string Mode, int Items, int Ok, double Seconds, double ItemsPerSecond,
    double RawPerSecond, double Ratio, IReadOnlyDictionary<string, int> Errors);

/// <summary>The write measurements: closed loops on one hot SKU and warehouse, and the bulk actions of a peak sale.</summary>
internal static class Load
{
    public static readonly string[] LoopActions = ["create", "approve", "push", "stock-in", "refund"];

    public static async Task<LoopFigure> LoopsAsync(Api api, Api raw, World w, ConcurrentQueue<string> orders, int concurrency,
        TimeSpan duration)
    {
        var samples = LoopActions.ToDictionary(a => a, _ => new Samples());
        int done = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration && orders.TryDequeue(out var orderId))
            {
                if (await OneLoopAsync(api, w, orderId, samples)) Interlocked.Increment(ref done);
                else Interlocked.Increment(ref failed);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        if (orders.IsEmpty) Console.WriteLine($"  (the loop orders ran out after {seconds:N1} s)");

        // The raw baseline at the same concurrency for the same time: one transaction of five rows per request.
        var rawSamples = new Samples();
        var rawClock = Stopwatch.StartNew();
        var rawWorkers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (rawClock.Elapsed.TotalSeconds < Math.Min(seconds, duration.TotalSeconds))
                rawSamples.Add(await raw.Post("/raw?rows=5", null));
        }).ToList();
        await Task.WhenAll(rawWorkers);
        var rawTx = rawSamples.Count / rawClock.Elapsed.TotalSeconds;
        if (rawSamples.ErrorCount > 0)
            Console.WriteLine($"  raw baseline errors: {string.Join(", ", rawSamples.Errors.Select(e => $"{e.Value}× {e.Key}"))}");
        var loopsPerSecond = done / seconds;
        return new LoopFigure(concurrency, done, failed, seconds, loopsPerSecond, rawTx, rawSamples.P(0.5),
            rawTx > 0 ? loopsPerSecond / (rawTx / 5) : double.NaN,
            LoopActions.Select(a => new ActionFigure(a, samples[a].Count, samples[a].P(0.5), samples[a].P(0.95), samples[a].P(0.99),
                samples[a].Errors)).ToList());
    }

    /// <summary>create after-sales → approve → push → stock-in → refund order; the first failure ends the loop.</summary>
    private static async Task<bool> OneLoopAsync(Api api, World w, string orderId, Dictionary<string, Samples> samples)
    {
        var d = w.Main.Key;
        var s = w.Supplier.Key;
        var created = await Step(samples["create"], api.Post("/api/v1/after-sales-orders", d, new
        {
            distributionOrderId = orderId,
            type = "ReturnAndRefund",
            reason = "Peak-sale return",
            lines = new[] { new { merchantSkuCode = World.HotMerchantSku, quantity = 1 } },
        }));
        if (created is null) return false;
        var approved = await Step(samples["approve"], api.Post($"/api/v1/after-sales-orders/{created.Str("id")}/approve", d));
        var returnId = approved?.Json?["distributionReturn"]?["id"]?.GetValue<string>();
        if (returnId is null) return false;
        var pushed = await Step(samples["push"], api.Post($"/api/v1/distribution-returns/{returnId}/push", d));
        var supplierReturnId = pushed?.Json?["supplierReturnId"]?.GetValue<string>();
        if (supplierReturnId is null) return false;
        var stocked = await Step(samples["stock-in"], api.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/stock-in", s, new
        {
            warehouseId = w.HotWarehouseId,
            lines = new[] { new { supplierSkuCode = World.HotSku, quantity = 1, condition = "Good" } },
        }));
        if (stocked is null) return false;
        var refunded = await Step(samples["refund"], api.Post($"/api/v1/supplier/return-stock-ins/{supplierReturnId}/refund-orders", s,
            new { method = "CustomerBalance", exchangeAmount = 0m }));
        return refunded is not null;
    }

    private static async Task<Reply?> Step(Samples samples, Task<Reply> call)
    {
        var reply = await call;
        samples.Add(reply);
        return reply.Ok ? reply : null;
    }

    /// <summary>Raw items/s of five rows each, in batches of <paramref name="batch"/> items, one request at a time.</summary>
    public static async Task<double> RawBulkAsync(Api raw, int items, int batch)
    {
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < items; done += batch)
            Api.Must(await raw.Post($"/raw?rows={Math.Min(batch, items - done) * 5}", null), "raw bulk");
        return items / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The bulk push of the To Push returns, 1,000 per request (the API's batch), one request at a time.</summary>
    public static async Task<(BulkFigure Figure, List<string> SupplierReturnIds)> BulkPushAsync(Api api, World w, List<string> ids,
        double rawPerSecond)
    {
        var errors = new Dictionary<string, int>();
        var supplierReturns = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var batch in ids.Chunk(1000))
        {
            var reply = await api.Post("/api/v1/distribution-returns/push", w.Main.Key, new { ids = batch });
            if (!reply.Ok)
            {
                errors[reply.ErrorKey] = errors.GetValueOrDefault(reply.ErrorKey) + batch.Length;
                continue;
            }
            foreach (var result in reply.Json!["results"]!.AsArray())
            {
                if (result?["supplierReturnId"]?.GetValue<string>() is { } sr && result["error"] is null) supplierReturns.Add(sr);
                else Count(errors, result);
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var perSecond = supplierReturns.Count / seconds;
        return (new BulkFigure("bulk push", "bulk route, batches of 1,000", ids.Count, supplierReturns.Count, seconds, perSecond,
            rawPerSecond, perSecond / rawPerSecond, errors), supplierReturns);
    }

    /// <summary>
    /// Stock-in or refund of every return: the bulk route when this build has it (<c>POST /api/v1/supplier-returns/…</c>,
    /// batches of 1,000), else one call per return at concurrency 8.
    /// </summary>
    public static async Task<BulkFigure> SupplierBulkAsync(Api api, Api raw, World w, string what, List<string> supplierReturnIds,
        double rawSinglePerSecond)
    {
        var bulkPath = what == "stock-in" ? "/api/v1/supplier-returns/stock-in" : "/api/v1/supplier-returns/refund-orders";
        object BulkBody(string[] ids) => what == "stock-in"
            ? new { ids, warehouseId = w.HotWarehouseId }
            : new { ids, method = "CustomerBalance" };
        var probe = await api.Post(bulkPath, w.Supplier.Key, BulkBody([]));
        var hasBulk = probe.Status is not (404 or 405);
        var errors = new Dictionary<string, int>();
        var ok = 0;
        var clock = Stopwatch.StartNew();
        double rawPerSecond;
        string mode;
        if (hasBulk)
        {
            mode = "bulk route, batches of 1,000";
            foreach (var batch in supplierReturnIds.Chunk(1000))
            {
                var reply = await api.Post(bulkPath, w.Supplier.Key, BulkBody(batch));
                if (!reply.Ok)
                {
                    errors[reply.ErrorKey] = errors.GetValueOrDefault(reply.ErrorKey) + batch.Length;
                    continue;
                }
                foreach (var result in reply.Json!["results"]!.AsArray())
                {
                    if (result?["error"] is null) ok++;
                    else Count(errors, result);
                }
            }
            var seconds = clock.Elapsed.TotalSeconds;
            rawPerSecond = await RawBulkAsync(raw, supplierReturnIds.Count, 1000);
            return new BulkFigure($"bulk {what}", mode, supplierReturnIds.Count, ok, seconds, ok / seconds, rawPerSecond,
                ok / seconds / rawPerSecond, errors);
        }

        mode = "single calls at concurrency 8 (no bulk route in this build)";
        var queue = new ConcurrentQueue<string>(supplierReturnIds);
        var samples = new Samples();
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (queue.TryDequeue(out var id))
            {
                var reply = what == "stock-in"
                    ? await api.Post($"/api/v1/supplier/return-stock-ins/{id}/stock-in", w.Supplier.Key, new
                    {
                        warehouseId = w.HotWarehouseId,
                        lines = new[] { new { supplierSkuCode = World.HotSku, quantity = 1, condition = "Good" } },
                    })
                    : await api.Post($"/api/v1/supplier/return-stock-ins/{id}/refund-orders", w.Supplier.Key,
                        new { method = "CustomerBalance", exchangeAmount = 0m });
                samples.Add(reply);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        rawPerSecond = rawSinglePerSecond;
        return new BulkFigure($"{what} of {supplierReturnIds.Count:N0}", mode, supplierReturnIds.Count, samples.Count, elapsed,
            samples.Count / elapsed, rawPerSecond, samples.Count / elapsed / rawPerSecond, samples.Errors);
    }

    private static void Count(Dictionary<string, int> errors, JsonNode? result)
    {
        var code = result?["error"]?["code"]?.GetValue<string>() ?? result?["pushFailure"]?["code"]?.GetValue<string>() ?? "failed";
        errors[code] = errors.GetValueOrDefault(code) + 1;
    }
}
