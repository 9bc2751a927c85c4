using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// The scheduled pull (api.md: every <c>Marketplaces:SyncInterval</c>, default 30 minutes): it looks for shops whose last sync
/// (or connection) is an interval old and syncs each one it can claim. The claim carries the due condition, so across instances
/// each shop is pulled once per interval; a "Sync now" in between simply moves the next one on.
/// </summary>
public sealed partial class ShopSyncWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ShopSyncOptions> options,
    ILogger<ShopSyncWorker> log) : BackgroundService
{
    private readonly ShopSyncOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // look often enough that a shop is never much later than its interval, and never busier than once a second
        var poll = TimeSpan.FromTicks(Math.Clamp(_options.SyncInterval.Ticks / 10, TimeSpan.TicksPerSecond / 10, TimeSpan.TicksPerMinute));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncDueShopsAsync(stoppingToken);
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogPassFailed(e); // the database may be away for a moment: the next pass tries again
                await Task.Delay(poll, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Syncs every due shop this instance manages to claim; how many it synced.</summary>
    public async Task<int> SyncDueShopsAsync(CancellationToken ct)
    {
        using var actor = Audit.AuditActor.Use(Audit.AuditActor.System(nameof(ShopSyncWorker)));
        var now = clock.GetUtcNow();
        var dueBefore = now - _options.SyncInterval;
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.Shops.AsNoTracking()
                .Where(s => (s.LastSyncAt ?? s.CreatedAt) <= dueBefore && (s.SyncLockedUntil == null || s.SyncLockedUntil < now))
                .OrderBy(s => s.LastSyncAt ?? s.CreatedAt).Select(s => s.Id).Take(100).ToListAsync(ct);
        }
        var synced = 0;
        foreach (var shopId in due)
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var token = ShopSyncClaims.NewToken();
            if (!await ShopSyncClaims.TryClaimAsync(db, shopId, token, clock.GetUtcNow(), _options.SyncLease, dueBefore, ct)) continue;
            var summary = await scope.ServiceProvider.GetRequiredService<SyncShop>().RunClaimedAsync(shopId, token, ct);
            if (summary.Error is { } error) LogSyncFailed(shopId, error);
            synced++;
        }
        return synced;
    }

    [LoggerMessage(LogLevel.Error, "A scheduled marketplace sync pass failed; trying again at the next pass.")]
    private partial void LogPassFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "The scheduled sync of shop {ShopId} failed: {Error}")]
    private partial void LogSyncFailed(string shopId, string error);
}
