// Peak-sale figures, run on purpose: ./build.sh bench [--orders N] [--provider Sqlite|Postgres]
// Seeds N approved after-sales orders waiting in To Push, then measures through the real HTTP pipeline
// (in-process): list pages and tab counts of the distributor's lists, and bulk pushes of 1,000 returns.
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ReturnLoop.Data;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Bench;

internal static class Bench
{
    public static async Task Main(string[] args)
    {
        var orders = ArgValue(args, "--orders", 20_000);
        var providers = ArgText(args, "--provider") is { } p ? [Enum.Parse<DatabaseProvider>(p)] : new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
        // The host's content root, found from where the bench runs (./build.sh bench runs it from the repository).
        var root = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ReturnLoop.slnx"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RETURNLOOP", Path.Combine(root?.FullName ?? ".", "src", "ReturnLoop"));
        Console.WriteLine($"ReturnLoop bench: {orders:N0} after-sales orders per provider, {Environment.ProcessorCount} cores");

        foreach (var provider in providers)
        {
            var connection = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), $"returnloop-bench-{Guid.NewGuid():N}.db") }.ToString()
                : CreatePostgresDatabase();
            await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Bench");
                b.UseSetting("Database:Provider", provider.ToString());
                b.UseSetting("ConnectionStrings:ReturnLoop", connection);
                b.UseSetting("Demo:Seed", "false");
                b.UseSetting("RateLimits:RequestsPerMinute", "100000000"); // the bench measures the app, not its rate limits
                b.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            var http = app.CreateClient();

            var seedClock = Stopwatch.StartNew();
            var (distributorKey, returnIds) = await SeedAsync(app.Services, orders);
            Console.WriteLine($"\n[{provider}] seeded {orders:N0} shipped orders + approved after-sales orders in {seedClock.Elapsed.TotalSeconds:N1} s");
            http.DefaultRequestHeaders.Authorization = new("Bearer", distributorKey);

            await Measure(http, "after-sales list, first page (50)", "/api/v1/after-sales-orders?limit=50");
            await Measure(http, "after-sales list, status tab (50)", "/api/v1/after-sales-orders?status=ConfirmReturn&limit=50");
            var deep = await DeepCursorAsync(http, "/api/v1/distribution-returns?limit=200", pages: 20);
            await Measure(http, "distribution returns, page 21 (200)", $"/api/v1/distribution-returns?limit=200&cursor={deep}");
            await Measure(http, "after-sales tab counts", "/api/v1/after-sales-orders/counts");
            await Measure(http, "distribution-return tab counts", "/api/v1/distribution-returns/counts");

            var batches = returnIds.Chunk(1000).Take(3).ToList();
            foreach (var batch in batches)
            {
                var clock = Stopwatch.StartNew();
                var response = await http.PostAsJsonAsync("/api/v1/distribution-returns/push", new { ids = batch });
                response.EnsureSuccessStatusCode();
                clock.Stop();
                Console.WriteLine($"[{provider}] bulk push of {batch.Length:N0}: {clock.Elapsed.TotalMilliseconds:N0} ms = {batch.Length / clock.Elapsed.TotalSeconds:N0} returns/s");
            }
            await Measure(http, "distribution-return tab counts after pushes", "/api/v1/distribution-returns/counts");
        }
    }

    static async Task Measure(HttpClient http, string what, string url, int runs = 30)
    {
        (await http.GetAsync(url)).EnsureSuccessStatusCode(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"  {what,-45} median {times[runs / 2],7:N1} ms   p95 {times[(int)(runs * 0.95)],7:N1} ms");
    }

    static async Task<string> DeepCursorAsync(HttpClient http, string url, int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var page = await http.GetFromJsonAsync<PageOfIds>(cursor is null ? url : $"{url}&cursor={cursor}");
            cursor = page!.NextCursor ?? cursor;
        }
        return cursor!;
    }

    static async Task<(string Key, List<string> ReturnIds)> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var signUp = sp.GetRequiredService<SignUp>();
        var supplier = await signUp.HandleAsync(new("Bench Supplier", "MYR", $"s-{Guid.NewGuid():N}@bench.test", "bench-password"), default);
        var distributor = await signUp.HandleAsync(new("Bench Distributor", "MYR", $"d-{Guid.NewGuid():N}@bench.test", "bench-password"), default);
        string s = supplier.Account.Id, d = distributor.Account.Id;
        var partnership = await sp.GetRequiredService<ApplyForPartnership>().HandleAsync(d, new(s), default);
        await sp.GetRequiredService<DecidePartnership>().HandleAsync(s, partnership.Id, PartnershipDecision.Accept, default);
        var warehouse = await sp.GetRequiredService<CreateWarehouse>().HandleAsync(s, new("BENCH", "Bench", WarehouseKind.Own), default);
        await sp.GetRequiredService<CreateSupplierSku>().HandleAsync(s, new("SKU-A", "A", 10m, 25.00m), default);
        await sp.GetRequiredService<CreateSupplierSku>().HandleAsync(s, new("SKU-B", "B", 5m, 12.50m), default);
        await sp.GetRequiredService<CreateMerchantSku>().HandleAsync(d, new("M-A", "A", s, [new ComponentRequest("SKU-A", 1)]), default);
        await sp.GetRequiredService<CreateMerchantSku>().HandleAsync(d, new("M-COMBO", "A+B", s, [new ComponentRequest("SKU-A", 1), new ComponentRequest("SKU-B", 2)]), default);

        // Bulk rows through the entities' own factories and transitions (not the per-request use cases, for speed).
        var factory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var returnIds = new List<string>(count);
        var prices = new Dictionary<string, decimal> { ["SKU-A"] = 25.00m, ["SKU-B"] = 12.50m };
        var statuses = new[] { "ToConfirm", "ConfirmReturn", "ConfirmReturn", "ConfirmReturn" };
        for (var start = 0; start < count; start += 2000)
        {
            await using var db = await factory.CreateDbContextAsync();
            for (var i = start; i < Math.Min(count, start + 2000); i++)
            {
                var at = now.AddMinutes(-count + i);
                var order = DistributionOrder.Create(d, s, "MYR", warehouse.Id, Platform.Shopee, "bench-shop", $"SO{i:D8}",
                    [new DistributionOrderLine("M-A", 2, "SKU-A", 1), new DistributionOrderLine("M-COMBO", 1, "SKU-A", 1), new DistributionOrderLine("M-COMBO", 1, "SKU-B", 2)],
                    at, at);
                order.Ship(prices, 3.00m, at);
                var afterSales = AfterSalesOrder.Create(order, Platform.Shopee, AfterSalesType.ReturnAndRefund, "bench",
                    [new AfterSalesLine("M-A", 1), new AfterSalesLine("M-COMBO", 1)], at, "bench-shop", $"RT{i:D8}");
                db.DistributionOrders.Add(order);
                db.AfterSalesOrders.Add(afterSales);
                if (statuses[i % statuses.Length] == "ConfirmReturn")
                {
                    afterSales.Approve(at);
                    var ret = DistributionReturn.Create(afterSales.Id, order.Id, d, s, warehouse.Id, at);
                    afterSales.AttachDistributionReturn(ret.Id);
                    db.DistributionReturns.Add(ret);
                    returnIds.Add(ret.Id);
                }
            }
            await db.SaveChangesAsync();
        }
        return (distributor.ApiKey, returnIds);
    }

    static string CreatePostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("RETURNLOOP_TEST_POSTGRES")
            ?? throw new InvalidOperationException("RETURNLOOP_TEST_POSTGRES is not set: run ./build.sh bench, which starts a throwaway PostgreSQL.");
        var name = $"returnloop_bench_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) create.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    static int ArgValue(string[] args, string name, int fallback) => ArgText(args, name) is { } v ? int.Parse(v) : fallback;

    static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record PageOfIds(string? NextCursor);
}
