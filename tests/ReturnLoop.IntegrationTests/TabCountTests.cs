using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.TabCounts;
using ReturnLoop.Infrastructure.Web;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.IntegrationTests.Invariants;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 9: the lists' tab counts are kept as rows in every save, so <c>/counts</c> reads a handful of rows however long
/// the history. They must equal what counting the rows gives after every kind of change, survive their folding, and be
/// built for rows that were there before they were kept.
/// </summary>
public sealed class TabCountTests
{
    private static readonly Dictionary<string, string?> NoFolding = new() { ["TabCounts:CompactInterval"] = "-00:00:00.001" };

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Kept_counts_follow_every_step_of_the_loop_and_folding_keeps_them(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, settings: NoFolding);
        var w = await World.CreateAsync(app);
        await w.Sku("TS-RED", 45.00m, stock: 100);
        await w.MerchantSku("SHP-RED", ("TS-RED", 1));
        // One return received and refunded, one pushed and waiting, one in To Push, one cancelled before approval.
        var (_, _, _, received) = await w.ReceivedReturn("SHP-RED", "TS-RED", shipped: 3, returned: 2);
        (await w.CreateRefund(received, "CustomerBalance")).Ok();
        var (_, _, pending) = await w.PushedReturn(await w.ShippedOrder(("SHP-RED", 2)), ("SHP-RED", 1));
        var (_, toPush) = await w.ApprovedReturn(await w.ShippedOrder(("SHP-RED", 1)), ("SHP-RED", 1));
        var cancelled = (await w.CreateAfterSales(await w.ShippedOrder(("SHP-RED", 1)), "ReturnAndRefund", ("SHP-RED", 1))).Ok().Id;
        (await w.Cancel(cancelled)).Ok();

        var supplierCounts = (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok();
        Assert.Equal(1, supplierCounts.Count("PendingStockIn"));
        Assert.Equal(1, supplierCounts.Count("Completed"));
        var returnCounts = (await w.Distributor.Get($"/api/v1/distribution-returns/counts?supplierId={w.SupplierId}")).Ok();
        Assert.Equal(1, returnCounts.Count("ToPush"));
        Assert.Equal(2, returnCounts.Count("Pushed"));
        var afterSales = (await w.Distributor.Get("/api/v1/after-sales-orders/counts")).Ok();
        Assert.Equal(1, afterSales.Count("Cancelled"));
        Assert.Equal(4, afterSales.Json!.AsObject().Sum(c => c.Value!.GetValue<int>()));
        var orders = (await w.Supplier.Get("/api/v1/distribution-orders/counts")).Ok();
        Assert.Equal(4, orders.Count("Shipped"));
        Assert.Equal(0, (await w.Supplier.Get("/api/v1/distribution-orders/counts?supplierId=someone-else")).Ok().Count("Shipped"));
        Assert.Equal(4, (await w.Distributor.Get($"/api/v1/distribution-orders/counts?supplierId={w.SupplierId}")).Ok().Count("Shipped"));
        Assert.Equal(1, (await w.Supplier.Get("/api/v1/supplier/refund-orders/counts")).Ok().Count("Completed"));
        _ = (pending, toPush);

        await using var db = app.NewDbContext();
        await InvariantChecker.AssertHoldsAsync(db, [w.SupplierId, w.DistributorId]);
        var before = await SumsAsync(db);
        Assert.Contains(await db.TabCounts.GroupBy(c => new { c.List, c.AccountId, c.PartnerId, c.Status }).Select(g => g.Count())
            .ToListAsync(), n => n > 1);

        // Folding changes no account: the open pages of the two sides are not reloaded by it.
        var reloads = 0;
        var changes = app.Services.GetRequiredService<AccountChanges>();
        using var supplierPage = changes.Subscribe(w.SupplierId, () => Task.FromResult(Interlocked.Increment(ref reloads)));
        using var distributorPage = changes.Subscribe(w.DistributorId, () => Task.FromResult(Interlocked.Increment(ref reloads)));

        var folded = await app.Services.GetRequiredService<TabCountCompactor>().CompactAsync(default);

        Assert.True(folded > 0);
        Assert.Equal(0, reloads);
        Assert.Equal(before, await SumsAsync(db));
        Assert.DoesNotContain(await db.TabCounts.GroupBy(c => new { c.List, c.AccountId, c.PartnerId, c.Status })
            .Select(g => g.Count()).ToListAsync(), n => n > 1);
        Assert.DoesNotContain(await db.TabCounts.Where(c => c.List != CountedLists.MarkerList).Select(c => c.Count).ToListAsync(),
            n => n == 0);
        Assert.Equal(supplierCounts.Json!.ToJsonString(), (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok()
            .Json!.ToJsonString());
        await InvariantChecker.AssertHoldsAsync(db, [w.SupplierId, w.DistributorId]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_instances_folding_at_once_fold_each_row_once(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, settings: NoFolding);
        await using (var db = app.NewDbContext())
        {
            // 3,000 changes over 60 tabs, as a busy hour leaves them.
            var random = new Random(7);
            db.TabCounts.AddRange(Enumerable.Range(0, 3000).Select(i => new TabCount("SupplierReturns", $"acc-{i % 3}",
                $"partner-{i % 5}", $"S{i % 4}", random.Next(-2, 5))));
            await db.SaveChangesAsync();
        }
        await using var check = app.NewDbContext();
        var before = await SumsAsync(check);
        // Two compactors as two instances have them, each with its own connections, small batches so they interleave.
        var options = Microsoft.Extensions.Options.Options.Create(new TabCountOptions { CompactBatchSize = 7 });
        TabCountCompactor Compactor() => new(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), TimeProvider.System,
            options, Microsoft.Extensions.Logging.Abstractions.NullLogger<TabCountCompactor>.Instance);

        var folded = await Task.WhenAll(Task.Run(() => Compactor().CompactAsync(default)),
            Task.Run(() => Compactor().CompactAsync(default)));

        Assert.Equal(3000, folded.Sum());
        Assert.Equal(before, await SumsAsync(check));
        Assert.True(await check.TabCounts.CountAsync(c => c.List != CountedLists.MarkerList) <= 60);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Counts_are_built_at_start_for_rows_there_before_they_were_kept(DatabaseProvider provider)
    {
        await using var app = AppFactory.Isolated(provider, settings: NoFolding);
        var w = await World.CreateAsync(app);
        await w.Sku("TS-RED", 45.00m, stock: 100);
        await w.MerchantSku("SHP-RED", ("TS-RED", 1));
        await w.ReceivedReturn("SHP-RED", "TS-RED", shipped: 2, returned: 1);
        await w.ApprovedReturn(await w.ShippedOrder(("SHP-RED", 1)), ("SHP-RED", 1));
        var counts = (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Json!.ToJsonString();
        await using var db = app.NewDbContext();
        var before = await SumsAsync(db);
        // A database of the version before: the rows, no counts.
        await db.TabCounts.ExecuteDeleteAsync();
        Assert.Equal(0, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Count("ReceivedReturn"));

        await app.Services.MigrateDatabaseAsync();

        Assert.Equal(before, await SumsAsync(db));
        Assert.Equal(counts, (await w.Supplier.Get("/api/v1/supplier/return-stock-ins/counts")).Ok().Json!.ToJsonString());
        await InvariantChecker.AssertHoldsAsync(db, [w.SupplierId, w.DistributorId]);

        // Counts kept by a build that counted other lists (here: no supplier returns, another signature) are built anew.
        await db.TabCounts.Where(c => c.List.StartsWith("SupplierReturns") || c.List == CountedLists.MarkerList).ExecuteDeleteAsync();
        db.TabCounts.Add(new TabCount(CountedLists.MarkerList, new string('0', 32), "", "", 0));
        await db.SaveChangesAsync();
        Assert.NotEqual(before, await SumsAsync(db));
        await app.Services.MigrateDatabaseAsync();
        Assert.Equal(before, await SumsAsync(db));
        Assert.Equal(1, await db.TabCounts.CountAsync(c => c.List == CountedLists.MarkerList));
    }

    /// <summary>Every tab's count, zero tabs left out, in a fixed order.</summary>
    private static async Task<List<string>> SumsAsync(AppDbContext db) =>
        (await db.TabCounts.AsNoTracking().ToListAsync())
        .GroupBy(c => $"{c.List}|{c.AccountId}|{c.PartnerId}|{c.Status}")
        .Select(g => (g.Key, Sum: g.Sum(c => c.Count))).Where(s => s.Sum != 0)
        .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Sum}").ToList();
}
