namespace ReturnLoop.Bench;

internal sealed record ListFigure(int Step, string List, string Query, double P50, double P95, int Items, int Errors);

/// <summary>
/// The first page (limit 50) and the /counts of each list tab with the filters sellers use, one request at a time:
/// the main distributor's lists (40% of the history) and the large supplier's (all of it).
/// </summary>
internal static class Lists
{
    private sealed record Probe(string List, string Key, string Url);

    public static async Task<List<ListFigure>> MeasureAsync(Api api, World w, int step, int runs)
    {
        var d = w.Main.Key;
        var s = w.Supplier.Key;
        var other = w.Distributors.Count > 1 ? w.Distributors[1].Id : w.Main.Id;
        Probe[] probes =
        [
            new("after-sales", d, "/api/v1/after-sales-orders?limit=50"),
            new("after-sales", d, "/api/v1/after-sales-orders?status=ToConfirm&limit=50"),
            new("after-sales", d, $"/api/v1/after-sales-orders?status=Completed&supplierId={w.Supplier.Id}&limit=50"),
            new("after-sales", d, "/api/v1/after-sales-orders?status=ConfirmReturn&source=Lazada&limit=50"),
            new("after-sales", d, "/api/v1/after-sales-orders?needsAttention=true&limit=50"),
            new("after-sales", d, $"/api/v1/after-sales-orders?warehouseId={w.OtherWarehouseId}&limit=50"),
            new("after-sales", d, "/api/v1/after-sales-orders?q=H000000010&limit=50"),
            new("after-sales", d, "/api/v1/after-sales-orders/counts"),
            new("after-sales", d, $"/api/v1/after-sales-orders/counts?supplierId={w.Supplier.Id}"),
            new("after-sales", d, "/api/v1/after-sales-orders/counts?source=Lazada"),
            new("after-sales", d, "/api/v1/after-sales-orders/counts?needsAttention=true"),
            new("distribution returns", d, "/api/v1/distribution-returns?limit=50"),
            new("distribution returns", d, "/api/v1/distribution-returns?status=ToPush&limit=50"),
            new("distribution returns", d, $"/api/v1/distribution-returns?status=PushFailed&supplierId={w.Supplier.Id}&limit=50"),
            new("distribution returns", d, "/api/v1/distribution-returns/counts"),
            new("distribution returns", d, $"/api/v1/distribution-returns/counts?supplierId={w.Supplier.Id}"),
            new("supplier returns", s, "/api/v1/supplier/return-stock-ins?limit=50"),
            new("supplier returns", s, "/api/v1/supplier/return-stock-ins?status=PendingStockIn&limit=50"),
            new("supplier returns", s, $"/api/v1/supplier/return-stock-ins?status=ReceivedReturn&distributorId={other}&limit=50"),
            new("supplier returns", s, "/api/v1/supplier/return-stock-ins?needsAttention=true&limit=50"),
            new("supplier returns", s, "/api/v1/supplier/after-sales-orders?status=RefundProcessing&limit=50"),
            new("supplier returns", s, "/api/v1/supplier/return-stock-ins/counts"),
            new("supplier returns", s, $"/api/v1/supplier/return-stock-ins/counts?distributorId={other}"),
            new("supplier returns", s, "/api/v1/supplier/return-stock-ins/counts?needsAttention=true"),
            new("refunds (supplier)", s, "/api/v1/supplier/refund-orders?limit=50"),
            new("refunds (supplier)", s, "/api/v1/supplier/refund-orders?status=NotReceived&limit=50"),
            new("refunds (supplier)", s, $"/api/v1/supplier/refund-orders?status=AwaitingConfirmation&distributorId={other}&limit=50"),
            new("refunds (supplier)", s, "/api/v1/supplier/refund-orders/counts"),
            new("refunds (supplier)", s, "/api/v1/supplier/refund-orders/counts?method=BankTransfer"),
            new("refunds (distributor)", d, "/api/v1/after-sales-refunds?status=AwaitingConfirmation&limit=50"),
            new("refunds (distributor)", d, "/api/v1/after-sales-refunds/counts"),
            new("distribution orders", d, "/api/v1/distribution-orders?limit=50"),
            new("distribution orders", d, $"/api/v1/distribution-orders?status=Shipped&supplierId={w.Supplier.Id}&limit=50"),
            new("distribution orders", d, "/api/v1/distribution-orders/counts"),
            new("distribution orders", s, "/api/v1/distribution-orders?limit=50"),
            new("distribution orders", s, $"/api/v1/distribution-orders?status=Shipped&distributorId={other}&limit=50"),
            new("distribution orders", s, "/api/v1/distribution-orders/counts"),
            new("distribution orders", s, $"/api/v1/distribution-orders/counts?distributorId={other}"),
        ];
        var figures = new List<ListFigure>();
        foreach (var probe in probes)
        {
            var who = probe.Key == s ? "supplier" : "distributor";
            var samples = new Samples();
            var first = await api.Get(probe.Url, probe.Key); // warm-up: plans and connections
            for (var i = 0; i < runs; i++) samples.Add(await api.Get(probe.Url, probe.Key));
            var items = first.Json?["items"]?.AsArray().Count ?? -1;
            var label = probe.Url.Replace("/api/v1/", "").Replace(w.Supplier.Id, "{supplier}").Replace(other, "{distributor2}");
            var figure = new ListFigure(step, probe.List, $"{who}: {label}", samples.P(0.5), samples.P(0.95), items,
                samples.ErrorCount + (first.Ok ? 0 : 1));
            figures.Add(figure);
            var errors = figure.Errors > 0 ? $"  {figure.Errors} errors ({first.ErrorKey})" : "";
            Console.WriteLine($"  {figure.Query,-100} p50 {figure.P50,7:N1} ms  p95 {figure.P95,7:N1} ms{errors}");
        }
        return figures;
    }
}
