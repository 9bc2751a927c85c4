using Microsoft.Extensions.Options;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Marketplaces;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// Pulls a shop's after-sales changes since its cursor (api.md POST /api/v1/shops/{id}/sync; also the scheduled pull): every
/// return the platform changed in [cursor, now − margin) is ingested, and only then does the cursor move to the window's end.
/// A failure (outage, rate limit after the client's retries, bad credentials) leaves the cursor where it was and is shown on
/// the shop; the next sync asks for the same window again, and ingesting a return twice changes nothing.
/// </summary>
public sealed class SyncShop(AppDbContext db, ShopCredentials credentials, IReadOnlyDictionary<Platform, IMarketplaceClient> clients,
    IngestPlatformReturn ingest, TimeProvider clock, IOptions<ShopSyncOptions> options)
{
    public const string RunningCode = "shop.sync_running";

    /// <summary>What one sync did; <c>Error</c> is why it stopped early (also the shop's lastSyncError).</summary>
    public sealed record Summary(int Fetched, int Created, int Updated, int Unchanged, int Stale, int Skipped, string? Error);

    public sealed record Response(ShopResponse Shop, Summary Summary);

    /// <summary>"Sync now" by the shop's account: 404 for another account's shop, 409 while a sync of it runs elsewhere.</summary>
    public async Task<Response> HandleAsync(string accountId, string shopId, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId && s.AccountId == accountId, ct)) throw DomainError.NotFound("shop");
        var token = ShopSyncClaims.NewToken();
        if (!await ShopSyncClaims.TryClaimAsync(db, shopId, token, clock.GetUtcNow(), options.Value.SyncLease, null, ct))
            throw new DomainError(StatusCodes.Status409Conflict, RunningCode, "A sync of this shop is already running; try again shortly.");
        var summary = await RunClaimedAsync(shopId, token, ct);
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId, ct);
        return new Response(shop.ToResponse(), summary);
    }

    /// <summary>Runs the sync of a shop this caller has claimed, records its result and hands the claim back.</summary>
    public async Task<Summary> RunClaimedAsync(string shopId, string token, CancellationToken ct)
    {
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId, ct);
        var now = clock.GetUtcNow();
        var from = shop.SyncedUntil ?? now - options.Value.FirstSyncLookBack;
        var to = now - options.Value.SyncSafetyMargin;
        int fetched = 0, created = 0, updated = 0, unchanged = 0, stale = 0, skipped = 0;
        string? error = null;
        try
        {
            if (to > from)
                await foreach (var platformReturn in clients[shop.Platform].ChangedReturnsAsync(shop.Connection(credentials), from, to, ct))
                {
                    fetched++;
                    var result = await ingest.HandleAsync(shop, platformReturn, ct);
                    // Each return is saved on its own: keep the tracker empty, or a 7-day first sync slows with every return.
                    db.ChangeTracker.Clear();
                    _ = result.Outcome switch
                    {
                        IngestOutcome.Created => created++,
                        IngestOutcome.Updated => updated++,
                        IngestOutcome.Unchanged => unchanged++,
                        IngestOutcome.Stale => stale++,
                        _ => skipped++,
                    };
                }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ShopSyncClaims.ReleaseAsync(db, shopId, token); // stopping: the next sync asks for the same window
            throw;
        }
        catch (Exception e)
        {
            error = Describe(e);
        }
        await RecordAsync(shopId, token, error, to);
        return new Summary(fetched, created, updated, unchanged, stale, skipped, error);
    }

    // Recorded even when the request was aborted meanwhile: what was stored is stored, and the claim must go back.
    private async Task RecordAsync(string shopId, string token, string? error, DateTimeOffset to)
    {
        db.ChangeTracker.Clear();
        var shop = await db.Shops.SingleAsync(s => s.Id == shopId, CancellationToken.None);
        if (shop.SyncLockedBy != token) return; // the lease ran out and another sync took over: its result counts
        var now = clock.GetUtcNow();
        if (error is null) shop.Synced(to, now);
        else shop.SyncFailed(error, now);
        shop.SyncReleased();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A failure as the seller reads it on the shop: the platform's code where it gave one.</summary>
    public static string Describe(Exception e) => e switch
    {
        MarketplaceApiException m => m.Message,
        HttpRequestException h => $"The platform could not be reached: {h.Message}",
        TimeoutException or TaskCanceledException => "The platform did not answer in time.",
        Polly.CircuitBreaker.BrokenCircuitException => "The platform failed too often; calls are paused for a moment.",
        Polly.ExecutionRejectedException => "The platform did not answer in time.",
        PayloadException p => $"The platform's answer could not be read: {p.Message}",
        DomainError d => $"{d.Code}: {d.Message}",
        _ => e.Message,
    };
}
