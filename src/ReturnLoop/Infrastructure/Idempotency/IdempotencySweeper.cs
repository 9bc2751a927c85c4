using Microsoft.Extensions.Options;

namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency records older than <c>Idempotency:Retention</c>, in batches. Several instances may sweep
/// at once: a row another sweeper deleted first is simply not deleted again.
/// </summary>
public sealed class IdempotencySweeper(
    IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencySweeper> log)
    : BackgroundService
{
    /// <summary>Deletes every expired record; returns how many rows this call deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        var cutoff = clock.GetUtcNow() - o.Retention;
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            // Oldest first over the CreatedAt index; each batch is its own short statement.
            var deleted = await db.IdempotencyRecords
                .Where(r => r.CreatedAt <= cutoff)
                .OrderBy(r => r.CreatedAt)
                .Take(o.SweepBatchSize)
                .ExecuteDeleteAsync(ct);
            total += deleted;
            if (deleted < o.SweepBatchSize) break;
        }
        if (total > 0) log.LogDebug("Deleted {Count} idempotency records created before {Cutoff:O}", total, cutoff);
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Soon after start (an instance may never live a whole interval), and instances started together apart.
        var interval = options.Value.SweepInterval;
        if (interval == Timeout.InfiniteTimeSpan) return;
        var first = TimeSpan.FromTicks((long)(Math.Min(interval.Ticks, TimeSpan.TicksPerMinute) * Random.Shared.NextDouble()));
        try
        {
            await Task.Delay(first, clock, stoppingToken);
            using var timer = new PeriodicTimer(interval, clock);
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Expired rows are only clutter (they are never replayed): try again next time.
                    log.LogWarning(e, "Sweeping expired idempotency records failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
