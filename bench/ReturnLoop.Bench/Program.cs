// Peak-sale figures, run on purpose (never by the tests):
//   ./build.sh bench [--provider Sqlite|Postgres] [--after-sales N] [--url URL] [--quick] [--seed-only] [--verify-seed N]
//     --seed-only      stop after growing the history and measuring the lists at each step (no loops, no bulk actions)
//     --verify-seed N  first write N after-sales orders of history by the old path (EF SaveChanges) and by the fast one,
//                      compare every column of every history table, and stop with exit code 1 when they differ
// Starts the app as its own process on a fresh database (or takes --url), sets up accounts over HTTP, grows the history
// with the app's own entities in steps (10,000 → 100,000 → 1,000,000 after-sales orders) measuring the lists at each step,
// then measures the write path over HTTP beside a raw ADO.NET baseline, and writes the table under bench/results/.
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReturnLoop.Data;

namespace ReturnLoop.Bench;

internal static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var seedOnly = args.Contains("--seed-only");
        var verifySeed = ArgValue(args, "--verify-seed", 0);
        var provider = Enum.Parse<DatabaseProvider>(ArgText(args, "--provider") ?? "Sqlite", ignoreCase: true);
        var total = ArgValue(args, "--after-sales", quick ? 10_000 : 1_000_000);
        var url = ArgText(args, "--url");
        var root = RepoRoot();
        var loopSeconds = quick ? 8 : 30;
        var listRuns = quick ? 20 : 50;
        var bulkItems = ArgValue(args, "--bulk", quick ? 1_000 : 10_000);
        var steps = new[] { 10_000, 100_000, 1_000_000 }.Where(s => s < total).Append(total).ToList();
        var report = new Report(provider.ToString(), total, quick, Environment.ProcessorCount, Machine.Describe());
        var stepText = string.Join(" → ", steps.Select(s => s.ToString("N0")));
        Console.WriteLine($"ReturnLoop bench: {provider}, {total:N0} after-sales orders in steps {stepText}"
            + $"{(quick ? " (quick)" : "")}, {Environment.ProcessorCount} cores, load {Machine.LoadAverage()}");

        var connection = url is null
            ? provider == DatabaseProvider.Sqlite ? NewSqliteDatabase() : NewPostgresDatabase()
            : Environment.GetEnvironmentVariable("ConnectionStrings__ReturnLoop")
                ?? throw new InvalidOperationException(
                    "With --url, set ConnectionStrings__ReturnLoop to the app's database (the history goes there).");
        AppHost? host = null;
        try
        {
            if (url is null)
            {
                Console.WriteLine("Starting the app (Release, its own process) …");
                host = await AppHost.StartAsync(root, provider.ToString(), connection);
                url = host.Url;
                Console.WriteLine($"  {url}, pid {host.Pid}, {host.RssMb:N0} MB resident after start");
            }
            var api = new Api(url);
            await using var raw = await RawBaseline.StartAsync(provider, connection);
            var rawApi = new Api(raw.Url);

            var setupClock = Stopwatch.StartNew();
            var world = await Setup.CreateAsync(api, distributors: quick ? 5 : 20, hotStock: 10_000_000);
            Console.WriteLine($"Set up over HTTP in {setupClock.Elapsed.TotalSeconds:N1} s: 1 supplier, "
                + $"{world.Distributors.Count} distributors, "
                + "2 warehouses, 6 SKUs, 5 merchant SKUs each (one combo)");

            var history = new History(provider, connection, world, total);
            if (verifySeed > 0)
            {
                Console.WriteLine($"\nChecking the fast history writer against EF SaveChanges on {verifySeed:N0} after-sales orders …");
                if (await history.VerifySeedAsync(verifySeed, Console.WriteLine) > 0) return 1;
            }
            foreach (var step in steps)
            {
                Console.WriteLine($"\nGrowing the history to {step:N0} after-sales orders …");
                var seconds = await history.GrowToAsync(step, Console.WriteLine);
                report.Seeding.Add(new SeedFigure(step, seconds));
                await AnalyzeAsync(provider, history);
                Console.WriteLine($"Lists at {step:N0} (p50/p95 over {listRuns} requests each):");
                report.Lists.AddRange(await Lists.MeasureAsync(api, world, step, listRuns));
                if (host is not null) Console.WriteLine($"  app memory: {host.RssMb:N0} MB resident, peak {host.PeakMb:N0} MB");
            }
            if (seedOnly)
            {
                var seeded = string.Join(", ", report.Seeding.Select(s => $"{s.AfterSalesOrders:N0} in {s.Seconds:N1} s"));
                Console.WriteLine($"\nSeeding: {seeded}; bench process {Environment.WorkingSet / 1048576:N0} MB resident; "
                    + $"load {Machine.LoadAverage()} (--seed-only: no loops, no bulk actions)");
                return 0;
            }

            Console.WriteLine($"\nClosed loops on one hot SKU and warehouse ({loopSeconds} s per level) beside the raw baseline:");
            var loopOrders = new ConcurrentQueue<string>(await history.LoopOrdersAsync(quick ? 3_000 : 15_000));
            // Warm-up, not counted: the first call of each route compiles it (JIT) and fills the pools.
            await Load.LoopsAsync(api, rawApi, world, loopOrders, 2, TimeSpan.FromSeconds(quick ? 5 : 10));
            foreach (var concurrency in new[] { 1, 8, 32 })
            {
                var figure = await Load.LoopsAsync(api, rawApi, world, loopOrders, concurrency, TimeSpan.FromSeconds(loopSeconds));
                report.Loops.Add(figure);
                Console.WriteLine($"  concurrency {concurrency,2}: {figure.LoopsPerSecond,7:N1} loops/s "
                    + $"({figure.Loops:N0} ok, {figure.FailedLoops} failed)"
                    + $"   raw {figure.RawTxPerSecond,7:N0} tx/s   app/raw {figure.Ratio:N2}");
                foreach (var a in figure.Actions)
                    Console.WriteLine($"      {a.Action,-9} p50 {a.P50,6:N1}  p95 {a.P95,6:N1}  p99 {a.P99,6:N1} ms"
                        + (a.Errors.Count > 0 ? "   errors: " + string.Join(", ", a.Errors.Select(e => $"{e.Value}× {e.Key}")) : ""));
            }

            Console.WriteLine($"\nBulk actions of {bulkItems:N0} returns:");
            var toPush = await history.ToPushAsync(bulkItems);
            var rawBulk = await Load.RawBulkAsync(rawApi, bulkItems, 1000);
            var (push, supplierReturns) = await Load.BulkPushAsync(api, world, toPush, rawBulk);
            report.Bulk.Add(push);
            Print(push);
            var rawSingle8 = report.Loops.FirstOrDefault(l => l.Concurrency == 8)?.RawTxPerSecond ?? double.NaN;
            var stockIn = await Load.SupplierBulkAsync(api, rawApi, world, "stock-in", supplierReturns, rawSingle8);
            report.Bulk.Add(stockIn);
            Print(stockIn);
            var refund = await Load.SupplierBulkAsync(api, rawApi, world, "refund", supplierReturns, rawSingle8);
            report.Bulk.Add(refund);
            Print(refund);

            if (host is not null)
            {
                report.PeakMemoryMb = host.PeakMb;
                report.MaxSampledRssMb = host.MaxSampledRssMb;
                Console.WriteLine($"\nApp memory: peak (VmHWM) {host.PeakMb:N0} MB, highest sampled VmRSS {host.MaxSampledRssMb:N0} MB");
            }
            report.LoadAfter = Machine.LoadAverage();
            var written = report.Write(Path.Combine(root, "bench", "results"));
            Console.WriteLine();
            Console.WriteLine(report.Markdown());
            Console.WriteLine($"Written: {string.Join(", ", written)}");
            return 0;
        }
        finally
        {
            if (host is not null) await host.DisposeAsync();
            if (provider == DatabaseProvider.Sqlite && ArgText(args, "--url") is null) DeleteSqlite(connection);
        }
    }

    private static void Print(BulkFigure b) =>
        Console.WriteLine($"  {b.What,-22} {b.ItemsPerSecond,8:N0} /s  ({b.Ok:N0} of {b.Items:N0} in {b.Seconds:N1} s, {b.Mode})"
            + $"   raw {b.RawPerSecond,8:N0} /s   app/raw {b.Ratio:N2}"
            + (b.Errors.Count > 0 ? "   errors: " + string.Join(", ", b.Errors.Select(e => $"{e.Value}× {e.Key}")) : ""));

    /// <summary>Fresh statistics after a big insert, as autovacuum/ANALYZE would have them in production.</summary>
    private static async Task AnalyzeAsync(DatabaseProvider provider, History history)
    {
        await using var db = history.NewContext();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
    }

    private static string NewSqliteDatabase() =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetTempPath(), $"returnloop-bench-{Guid.NewGuid():N}.db"),
        }.ToString();

    private static void DeleteSqlite(string connection)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>A fresh database on RETURNLOOP_BENCH_POSTGRES (or the throwaway cluster ./build.sh bench starts).</summary>
    private static string NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("RETURNLOOP_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("RETURNLOOP_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "Set RETURNLOOP_BENCH_POSTGRES, or run ./build.sh bench, which starts a throwaway PostgreSQL.");
        var name = $"returnloop_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) create.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 200 }.ToString();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReturnLoop.slnx"))) dir = dir.Parent;
        dir ??= new DirectoryInfo(Directory.GetCurrentDirectory());
        return dir.FullName;
    }

    private static int ArgValue(string[] args, string name, int fallback) =>
        ArgText(args, name) is { } v ? int.Parse(v.Replace("_", "")) : fallback;

    private static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
