using Microsoft.Extensions.Options;

namespace ReturnLoop.Infrastructure.Storage;

/// <summary>
/// Deletes stored files no row refers to: the upload deletes its file when its save fails, but a process killed between
/// writing the file and committing its row (or before deleting a replaced file) leaves one behind. Only files older than
/// <see cref="StorageOptions.OrphanAfter"/> are looked at, so an upload in flight on any instance is never touched;
/// several instances sweeping at once only delete the same orphans twice, which is harmless.
/// </summary>
public sealed partial class OrphanFileSweeper(IServiceScopeFactory scopes, IFileStore store, TimeProvider clock,
    IOptions<StorageOptions> options, ILogger<OrphanFileSweeper> log) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0) LogSwept(deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogSweepFailed(e);   // the database or the volume may be away for a moment: the next round tries again
            }
            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One round: the number of orphans deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var deleted = 0;
        var batch = new List<string>(Batch);
        await foreach (var key in store.ListSavedBeforeAsync(clock.GetUtcNow() - options.Value.OrphanAfter, ct))
        {
            batch.Add(key);
            if (batch.Count == Batch) deleted += await DeleteUnreferencedAsync(batch, ct);
        }
        if (batch.Count > 0) deleted += await DeleteUnreferencedAsync(batch, ct);
        return deleted;
    }

    private async Task<int> DeleteUnreferencedAsync(List<string> keys, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Payment proofs are the only stored files so far.
        var referenced = await db.PaymentProofs.Where(p => p.StorageKey != null && keys.Contains(p.StorageKey))
            .Select(p => p.StorageKey!).ToListAsync(ct);
        var orphans = keys.Except(referenced).ToList();
        foreach (var key in orphans) await store.DeleteAsync(key, ct);
        keys.Clear();
        return orphans.Count;
    }

    [LoggerMessage(LogLevel.Information, "Deleted {Count} stored files no row refers to.")]
    private partial void LogSwept(int count);

    [LoggerMessage(LogLevel.Warning, "The sweep of stored files failed.")]
    private partial void LogSweepFailed(Exception e);
}
