using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.TabCounts;

/// <summary><c>TabCounts:*</c> settings.</summary>
public sealed class TabCountOptions
{
    public const string Section = "TabCounts";

    /// <summary>How often each tab's rows are folded into one; infinite turns the background work off (tests fold by hand).</summary>
    public TimeSpan CompactInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tabs folded per statement, so a large backlog never holds a long write lock.</summary>
    public int CompactBatchSize { get; set; } = 2000;
}

/// <summary>
/// Folds the <see cref="TabCount"/> rows of each tab into one, so a count stays a sum over a handful of rows. Each batch
/// deletes the rows of tabs with more than one row and inserts their sums, in one transaction: the deleted rows are those
/// it reads back (<c>DELETE … RETURNING</c>), so a row committed meanwhile is folded next time, never lost nor counted
/// twice, and instances folding at once each fold what they deleted.
/// </summary>
public sealed class TabCountCompactor(
    IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IOptions<TabCountOptions> options, ILogger<TabCountCompactor> log)
    : BackgroundService
{
    /// <summary>Folds every tab with more than one row; returns how many rows were folded.</summary>
    public async Task<int> CompactAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var folded = await CompactBatchAsync(ct);
            total += folded;
            if (folded == 0) break;
        }
        if (total > 0) log.LogDebug("Folded {Count} tab count rows", total);
        return total;
    }

    private async Task<int> CompactBatchAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        using var writer = await db.EnterSqliteWriterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (name, column) = db.SqlNamesOf(typeof(TabCount));
        var key = $"{column(nameof(TabCount.List))}, {column(nameof(TabCount.AccountId))}, {column(nameof(TabCount.PartnerId))}, "
            + column(nameof(TabCount.Status));

        var sums = new Dictionary<TabKey, int>();
        var rows = 0;
        var connection = db.Database.GetDbConnection();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"DELETE FROM {name} WHERE ({key}) IN (SELECT {key} FROM {name} GROUP BY {key} HAVING COUNT(*) > 1 "
                + $"LIMIT {options.Value.CompactBatchSize}) RETURNING {key}, {column(nameof(TabCount.Count))}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var tab = new TabKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                sums[tab] = sums.GetValueOrDefault(tab) + reader.GetInt32(4);
                rows++;
            }
        }
        // A tab that came to zero keeps no row: a missing tab counts zero.
        db.TabCounts.AddRange(sums.Where(s => s.Value != 0).Select(s => new TabCount(s.Key.List, s.Key.AccountId, s.Key.PartnerId,
            s.Key.Status, s.Value)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CompactInterval;
        if (interval == Timeout.InfiniteTimeSpan) return;
        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CompactAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The counts stay right unfolded, only slower to sum: try again next time.
                    log.LogWarning(e, "Folding tab counts failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class TabCountSetup
{
    public static IHostApplicationBuilder AddTabCounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TabCountOptions>()
            .BindConfiguration(TabCountOptions.Section)
            .Validate(o => o.CompactInterval > TimeSpan.Zero || o.CompactInterval == Timeout.InfiniteTimeSpan,
                "TabCounts:CompactInterval must be above zero (or infinite: no background folding).")
            .Validate(o => o.CompactBatchSize > 0, "TabCounts:CompactBatchSize must be above zero.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TabCountCompactor>();
        if (!ApiDocument.IsBuildTimeGeneration) builder.Services.AddHostedService(sp => sp.GetRequiredService<TabCountCompactor>());
        return builder;
    }
}
