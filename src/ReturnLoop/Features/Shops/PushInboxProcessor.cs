using System.Text.Json;
using Microsoft.Extensions.Options;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Marketplaces;
using ReturnLoop.Marketplaces.Lazada;
using ReturnLoop.Marketplaces.Shopee;
using ReturnLoop.Marketplaces.TikTok;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// The background worker behind the push inbox: it claims due pushes under a lease, fetches the return each one names from
/// the platform (a push is only a hint; a Lazada push names the reverse order), ingests it, and marks the push Processed.
/// A platform that is down or rate limiting is asked again later on the retry schedule; a permanent error marks the push
/// Failed with its reason. Several instances share the inbox: each push is processed by one of them at a time.
/// </summary>
public sealed partial class PushInboxProcessor(IServiceScopeFactory scopes, PushInboxSignal signal, TimeProvider clock,
    IOptions<ShopSyncOptions> options, ILogger<PushInboxProcessor> log) : BackgroundService
{
    private const int BatchSize = 20;
    private readonly ShopSyncOptions _options = options.Value;
    private readonly IReadOnlyList<TimeSpan> _schedule = options.Value.InboxSchedule();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessDueAsync(stoppingToken) == BatchSize) { }
                await signal.WaitAsync(_options.InboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogClaimFailed(e); // the database may be away for a moment: the next poll tries again
                await Task.Delay(_options.InboxPollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Claims one batch of due pushes and processes them in the order they arrived; how many were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        using var actor = Audit.AuditActor.Use(Audit.AuditActor.System(nameof(PushInboxProcessor)));
        var token = ShopSyncClaims.NewToken();
        IReadOnlyList<PushInboxClaims.Claimed> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            claimed = await PushInboxClaims.ClaimAsync(db, token, BatchSize, clock.GetUtcNow(), _options.InboxLease, ct);
        }
        foreach (var push in claimed)
        {
            if (ct.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                await PushInboxClaims.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), push.Id, token);
                continue;
            }
            await ProcessAsync(push, token, ct);
        }
        return claimed.Count;
    }

    private async Task ProcessAsync(PushInboxClaims.Claimed push, string token, CancellationToken ct)
    {
        // each push in a scope of its own: one DbContext per unit of work, as for an HTTP request
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var attempts = push.Attempts + 1;
        var (status, next, error) = (MarketplacePushStatus.Processed, (DateTimeOffset?)null, (string?)null);
        try
        {
            var outcome = await FetchAndIngestAsync(services, db, push, ct);
            if (outcome is { } note) (status, error) = (MarketplacePushStatus.Ignored, note);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await PushInboxClaims.ReleaseAsync(db, push.Id, token); // stopping: another instance (or the next start) takes it
            return;
        }
        catch (Exception e) when (IsPermanent(e))
        {
            (status, error) = (MarketplacePushStatus.Failed, SyncShop.Describe(e));
        }
        catch (Exception e)
        {
            error = SyncShop.Describe(e);
            (status, next) = attempts <= _schedule.Count
                ? (MarketplacePushStatus.Pending, (DateTimeOffset?)(clock.GetUtcNow() + _schedule[attempts - 1]))
                : (MarketplacePushStatus.Failed, null);
        }
        if (error is not null) LogPushFailed(push.Id, push.Platform, attempts, status, error);
        db.ChangeTracker.Clear();
        await PushInboxClaims.FinishAsync(db, push.Id, token, status, attempts, next, error, clock.GetUtcNow());
    }

    /// <summary>Null when the return was ingested; otherwise why there was nothing to ingest.</summary>
    private static async Task<string?> FetchAndIngestAsync(IServiceProvider services, AppDbContext db, PushInboxClaims.Claimed push,
        CancellationToken ct)
    {
        var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == push.ShopId, ct);
        if (shop is null) return "The shop is no longer connected.";
        var json = JsonDocument.Parse(push.Body).RootElement;
        var hint = push.Platform switch
        {
            Platform.Shopee => ShopeeMapping.Push(json),
            Platform.TikTok => TikTokMapping.Push(json),
            _ => LazadaMapping.Push(json),
        };
        if (hint.ReturnId is not { } returnId) return "Not about a return.";
        var clients = services.GetRequiredService<IReadOnlyDictionary<Platform, IMarketplaceClient>>();
        var connection = shop.Connection(services.GetRequiredService<ShopCredentials>());
        var platformReturn = await clients[shop.Platform].ReturnAsync(connection, returnId, ct);
        if (platformReturn is null) return $"The platform does not know return {returnId} (any more).";
        await services.GetRequiredService<IngestPlatformReturn>().HandleAsync(shop, platformReturn, ct);
        return null;
    }

    /// <summary>Errors no retry fixes: the seller's credentials, a payload without what it needs, a rule that refuses.</summary>
    private static bool IsPermanent(Exception e) =>
        e is MarketplaceApiException { Transient: false } or PayloadException or JsonException or DomainError { Code: not "conflict" }
            or NotImplementedException;

    [LoggerMessage(LogLevel.Error, "Claiming marketplace pushes failed; trying again at the next poll.")]
    private partial void LogClaimFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "Marketplace push {PushId} ({Platform}), attempt {Attempt}: {Status}: {Error}")]
    private partial void LogPushFailed(string pushId, Platform platform, int attempt, MarketplacePushStatus status, string error);
}
