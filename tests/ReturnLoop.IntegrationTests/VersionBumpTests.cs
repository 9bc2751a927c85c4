using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.Balances;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 5, defect 4: the concurrency version of a versioned aggregate goes up on every save path (every SaveChanges
/// overload, and ExecuteUpdate through BumpVersion), so a writer holding the old version always loses.
/// </summary>
public sealed class VersionBumpTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_save_path_bumps_the_version(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var balance = await OpenBalanceAsync(app);
        Assert.Equal(0, await VersionOf(app, balance.Id));

        var saves = new Func<AppDbContext, Task>[]
        {
            db => { db.SaveChanges(); return Task.CompletedTask; },
            db => { db.SaveChanges(acceptAllChangesOnSuccess: true); return Task.CompletedTask; },
            db => db.SaveChangesAsync(),
            db => db.SaveChangesAsync(acceptAllChangesOnSuccess: true),
        };
        for (var i = 0; i < saves.Length; i++)
        {
            await using var db = app.NewDbContext();
            var loaded = await db.CustomerBalances.SingleAsync(b => b.Id == balance.Id);
            db.Entry(loaded).Property(b => b.UpdatedAt).CurrentValue = loaded.UpdatedAt.AddSeconds(1);
            await saves[i](db);
            Assert.Equal(i + 1, await VersionOf(app, balance.Id));
        }

        await using (var db = app.NewDbContext())
        {
            await db.CustomerBalances.Where(b => b.Id == balance.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.UpdatedAt, DateTimeOffset.UtcNow).BumpVersion());
        }
        Assert.Equal(saves.Length + 1, await VersionOf(app, balance.Id));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_writer_holding_an_old_version_loses_whatever_overload_won(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var balance = await OpenBalanceAsync(app);
        await using var winner = app.NewDbContext();
        await using var loser = app.NewDbContext();
        var won = await winner.CustomerBalances.SingleAsync(b => b.Id == balance.Id);
        var lost = await loser.CustomerBalances.SingleAsync(b => b.Id == balance.Id);

        winner.Entry(won).Property(b => b.UpdatedAt).CurrentValue = won.UpdatedAt.AddSeconds(1);
        winner.SaveChanges(acceptAllChangesOnSuccess: true); // the overload that used to skip the bump
        loser.Entry(lost).Property(b => b.UpdatedAt).CurrentValue = lost.UpdatedAt.AddSeconds(2);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());
    }

    /// <summary>
    /// A save detects the use case's changes once and the interceptors read that one scan: a change made by a plain
    /// domain verb (no change-tracker API) is still written, versioned and audited on every overload, and detection is on
    /// again after the save, a failed one included.
    /// </summary>
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_domain_change_is_detected_once_per_save_on_every_path_and_detection_stays_on(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var balance = await OpenBalanceAsync(app);
        var saves = new Func<AppDbContext, Task>[]
        {
            db => { db.SaveChanges(); return Task.CompletedTask; },
            db => db.SaveChangesAsync(),
        };
        for (var i = 0; i < saves.Length; i++)
        {
            await using var db = app.NewDbContext();
            var loaded = await db.CustomerBalances.SingleAsync(b => b.Id == balance.Id);
            db.BalanceLedger.Add(loaded.Credit(1m, BalanceEntryType.ManualCredit, null, "scan", DateTimeOffset.UtcNow));
            await saves[i](db);
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
            Assert.Equal(EntityState.Unchanged, db.Entry(loaded).State);
        }
        await using (var db = app.NewDbContext())
        {
            var saved = await db.CustomerBalances.AsNoTracking().SingleAsync(b => b.Id == balance.Id);
            Assert.Equal(2m, saved.Balance);
            Assert.Equal(saves.Length, await VersionOf(app, balance.Id));
            Assert.Equal(saves.Length, await db.AuditEntries.CountAsync(a => a.EntityId == balance.Id && a.Action == "Updated"));
        }

        await using (var db = app.NewDbContext())
        {
            var stale = await db.CustomerBalances.SingleAsync(b => b.Id == balance.Id);
            await using (var other = app.NewDbContext())
            {
                var fresh = await other.CustomerBalances.SingleAsync(b => b.Id == balance.Id);
                other.BalanceLedger.Add(fresh.Credit(1m, BalanceEntryType.ManualCredit, null, "won", DateTimeOffset.UtcNow));
                await other.SaveChangesAsync();
            }
            db.BalanceLedger.Add(stale.Credit(1m, BalanceEntryType.ManualCredit, null, "lost", DateTimeOffset.UtcNow));
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        }
    }

    /// <summary>A new balance of a supplier and a distributor of their own, saved (version 0).</summary>
    private static async Task<CustomerBalance> OpenBalanceAsync(AppFactory app)
    {
        var balance = CustomerBalance.Open($"s-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}", "MYR", DateTimeOffset.UtcNow);
        await using var db = app.NewDbContext();
        db.CustomerBalances.Add(balance);
        await db.SaveChangesAsync();
        return balance;
    }

    private static async Task<int> VersionOf(AppFactory app, string id)
    {
        await using var db = app.NewDbContext();
        return await db.CustomerBalances.AsNoTracking().Where(b => b.Id == id).Select(b => EF.Property<int>(b, "Version")).SingleAsync();
    }
}
