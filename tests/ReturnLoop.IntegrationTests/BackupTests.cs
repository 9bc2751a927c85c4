using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.Inventory;
using ReturnLoop.IntegrationTests.Infrastructure;
using ReturnLoop.IntegrationTests.Invariants;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// <c>./build.sh backup</c> and <c>restore</c> (issue 10): an online backup of a database in use, put back into an empty one,
/// serves the same books — balances equal their ledgers, stock its movements — and the app runs on it at once.
/// </summary>
public sealed class BackupTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_backup_of_a_database_in_use_restores_into_an_empty_one_with_the_same_books(DatabaseProvider provider)
    {
        await using var source = AppFactory.Isolated(provider);
        var w = await World.CreateAsync(source);
        var merchant = await w.Product("BK1", 45m, stock: 10);
        var (orderId, afterSalesId, _, supplierReturnId) = await w.ReceivedReturn(merchant, "BK1", shipped: 3, returned: 2);
        (await w.Pay(orderId, 135m, "BankTransfer")).Ok(); // nothing unsettled: the whole return amount is refunded
        (await w.CreateRefund(supplierReturnId, "CustomerBalance")).Ok();
        var before = await BooksAsync(source);
        var file = Path.Combine(Path.GetTempPath(), $"returnloop-backup-{Guid.NewGuid():N}.bak");
        // An empty database, not started until the restore is in.
        await using var target = AppFactory.Isolated(provider, emptyDatabase: true);

        try
        {
            await RunAsync("backup", file, provider, source.ConnectionString);
            await RunAsync("restore", file, provider, target.ConnectionString);

            var after = await BooksAsync(target);
            Assert.Equal(before, after);
            await using (var restored = target.NewDbContext()) await InvariantChecker.AssertHoldsAsync(restored);
            Assert.Equal(90m, after.Balances.Single().Balance); // 2 × 45.00 refunded to the balance
            Assert.Equal("Completed", (await target.Client(await KeyOfAsync(target, w.DistributorId)).Get(
                $"/api/v1/after-sales-orders/{afterSalesId}")).Ok().Str("status"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>What must survive: every balance and stock row, each equal to the sum of its ledger.</summary>
    private sealed record Books(List<(string Id, decimal Balance)> Balances, List<(string Id, int OnHand, int Damaged)> Stock,
        int Ledger, int Movements, int AfterSales)
    {
        public bool Equals(Books? other) => other is not null && Balances.SequenceEqual(other.Balances) && Stock.SequenceEqual(other.Stock)
            && (Ledger, Movements, AfterSales) == (other.Ledger, other.Movements, other.AfterSales);

        public override int GetHashCode() => HashCode.Combine(Ledger, Movements, AfterSales);
    }

    private static async Task<Books> BooksAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var balances = (await db.CustomerBalances.AsNoTracking().OrderBy(b => b.Id).ToListAsync()).Select(b => (b.Id, b.Balance)).ToList();
        var ledger = await db.BalanceLedger.AsNoTracking().ToListAsync();
        foreach (var (id, balance) in balances)
        {
            var row = await db.CustomerBalances.AsNoTracking().SingleAsync(b => b.Id == id);
            Assert.Equal(balance, ledger.Where(e => e.SupplierAccountId == row.SupplierAccountId
                && e.DistributorAccountId == row.DistributorAccountId).Sum(e => e.Amount));
        }
        var stock = await db.StockLevels.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        var movements = await db.StockMovements.AsNoTracking().ToListAsync();
        foreach (var s in stock)
        {
            var mine = movements.Where(m => m.WarehouseId == s.WarehouseId && m.SkuCode == s.SkuCode).ToList();
            Assert.Equal(s.OnHand, mine.Where(m => m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity));
            Assert.Equal(s.Damaged, mine.Where(m => m.Bucket == StockBucket.Damaged).Sum(m => m.Quantity));
        }
        return new Books(balances, stock.Select(s => (s.Id, s.OnHand, s.Damaged)).ToList(), ledger.Count, movements.Count,
            await db.AfterSalesOrders.CountAsync());
    }

    /// <summary>A fresh API key for the account, made in the restored database (the keys of the backup are hashes).</summary>
    private static async Task<string> KeyOfAsync(AppFactory app, string accountId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.AccountId == accountId);
        var useCase = scope.ServiceProvider.GetRequiredService<ReturnLoop.Features.Accounts.CreateApiKey>();
        return (await useCase.HandleAsync(user.Id, new("restored"), default)).Secret;
    }

    private static async Task RunAsync(string command, string file, DatabaseProvider provider, string connectionString)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "build.sh"), command, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__Provider"] = provider.ToString(),
                ["ConnectionStrings__ReturnLoop"] = connectionString,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"./build.sh {command} failed ({process.ExitCode}): {await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReturnLoop.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (ReturnLoop.slnx) was not found.");
    }
}
