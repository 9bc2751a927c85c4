using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ReturnLoop.Bench;

internal sealed record SeedFigure(int AfterSalesOrders, double Seconds);

/// <summary>The machine the figures come from: cores, memory, runtime, OS, and how busy it was.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : "?";
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : "?";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} RAM, {RuntimeInformation.FrameworkDescription}, "
            + RuntimeInformation.OSDescription;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// <summary>One run's table: printed, and written as JSON and markdown under bench/results/.</summary>
internal sealed class Report(string provider, int afterSales, bool quick, int cores, string machine)
{
    public string Provider { get; } = provider;
    public int AfterSales { get; } = afterSales;
    public bool Quick { get; } = quick;
    public int Cores { get; } = cores;
    public string Machine { get; } = machine;
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;
    public string LoadBefore { get; } = Bench_Machine();
    public string LoadAfter { get; set; } = "";
    public double? PeakMemoryMb { get; set; }
    public double? MaxSampledRssMb { get; set; }
    public List<SeedFigure> Seeding { get; } = [];
    public List<ListFigure> Lists { get; } = [];
    public List<LoopFigure> Loops { get; } = [];
    public List<BulkFigure> Bulk { get; } = [];

    private static string Bench_Machine() => ReturnLoop.Bench.Machine.LoadAverage();

    public IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var name = $"{Provider.ToLowerInvariant()}-{At:yyyyMMdd-HHmm}{(Quick ? "-quick" : "")}";
        var json = Path.Combine(folder, name + ".json");
        var md = Path.Combine(folder, name + ".md");
        File.WriteAllText(json, JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
        var text = Markdown();
        File.WriteAllText(md, text);
        File.WriteAllText(Path.Combine(folder, "latest.md"), text);
        return [json, md, Path.Combine(folder, "latest.md")];
    }

    private static string F(double v, string format = "N1") => double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string Errors(IReadOnlyDictionary<string, int> errors) =>
        errors.Count == 0 ? "0" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value}× {e.Key}"));

    public string Markdown()
    {
        var s = new StringBuilder();
        s.AppendLine($"# ReturnLoop bench: {Provider}, {AfterSales:N0} after-sales orders{(Quick ? " (quick)" : "")}");
        s.AppendLine();
        s.AppendLine($"{At:yyyy-MM-dd HH:mm} UTC · {Machine} · load average before {LoadBefore}, after {LoadAfter}");
        if (PeakMemoryMb is { } peak)
            s.AppendLine($"· app peak memory (VmHWM) **{F(peak, "N0")} MB**, highest sampled VmRSS {F(MaxSampledRssMb ?? 0, "N0")} MB");
        s.AppendLine();
        s.AppendLine("## Closed loops (create → approve → push → stock-in → refund), one hot SKU and warehouse");
        s.AppendLine();
        s.AppendLine("| clients | loops/s | loops ok | failed | raw tx/s (5 rows) | app/raw (loops ÷ raw/5) "
            + "| create p50/p95/p99 | approve | push | stock-in | refund | errors |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---|---|---|---|---|---|");
        foreach (var l in Loops)
        {
            string A(string name) => l.Actions.First(a => a.Action == name) is var a ? $"{F(a.P50)}/{F(a.P95)}/{F(a.P99)}" : "";
            var errors = l.Actions.SelectMany(a => a.Errors.Select(e => ($"{a.Action} {e.Key}", e.Value)))
                .ToDictionary(e => e.Item1, e => e.Value);
            s.AppendLine($"| {l.Concurrency} | {F(l.LoopsPerSecond)} | {l.Loops:N0} | {l.FailedLoops} | {F(l.RawTxPerSecond, "N0")} "
                + $"| {F(l.Ratio, "N2")} "
                + $"| {A("create")} | {A("approve")} | {A("push")} | {A("stock-in")} | {A("refund")} | {Errors(errors)} |");
        }
        s.AppendLine();
        s.AppendLine("Latencies in ms (p50/p95/p99 of the successful calls).");
        s.AppendLine();
        s.AppendLine("## Bulk actions");
        s.AppendLine();
        s.AppendLine("| action | how | items/s | ok of | seconds | raw items/s (5 rows each) | app/raw | errors |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var b in Bulk)
            s.AppendLine($"| {b.What} | {b.Mode} | {F(b.ItemsPerSecond, "N0")} | {b.Ok:N0} of {b.Items:N0} | {F(b.Seconds)} "
                + $"| {F(b.RawPerSecond, "N0")} "
                + $"| {F(b.Ratio, "N2")} | {Errors(b.Errors)} |");
        s.AppendLine();
        s.AppendLine("## Lists: first page (limit 50) and tab counts, p50/p95 ms, one request at a time");
        s.AppendLine();
        var steps = Lists.Select(l => l.Step).Distinct().Order().ToList();
        s.AppendLine("| list | request | " + string.Join(" | ", steps.Select(st => $"{st:N0}: p50 / p95")) + " |");
        s.AppendLine("|---|---|" + string.Concat(steps.Select(_ => "---:|")));
        foreach (var g in Lists.GroupBy(l => (l.List, l.Query)))
        {
            var cells = steps.Select(st => g.FirstOrDefault(l => l.Step == st) is { } f
                ? $"{F(f.P50)} / {(f.P95 > 50 ? $"**{F(f.P95)}**" : F(f.P95))}{(f.Errors > 0 ? $" ({f.Errors} errors)" : "")}" : "");
            s.AppendLine($"| {g.Key.List} | `{g.Key.Query}` | {string.Join(" | ", cells)} |");
        }
        s.AppendLine();
        s.AppendLine("Bold: over the 50 ms target. History seeding: "
            + string.Join(", ", Seeding.Select(x => $"{x.AfterSalesOrders:N0} in {F(x.Seconds)} s")) + " (cumulative steps).");
        return s.ToString();
    }
}
