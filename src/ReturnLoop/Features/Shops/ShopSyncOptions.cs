using System.Globalization;

namespace ReturnLoop.Features.Shops;

/// <summary>
/// The transport settings of the <c>Marketplaces</c> section (the platform clients read their retry settings from the same
/// section): pushes, the inbox processor and the pull sync. Tests make the intervals short or switch the workers off.
/// </summary>
public sealed class ShopSyncOptions
{
    public const string Section = "Marketplaces";

    /// <summary>
    /// The public scheme and host (and path base) the platforms call, e.g. https://returnloop.example.com. Shopee signs the full
    /// callback URL, which a proxy in front of the app changes; unset, the request's own URL is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>A push whose envelope timestamp is older than this is refused as stale (401): a replay, not a retry.</summary>
    public TimeSpan PushMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A push body above this is refused with 413 before it is read further.</summary>
    public int MaxPushBytes { get; set; } = 256 * 1024;

    /// <summary>The scheduled pull of every shop (api.md: default 30 minutes).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How far back the first sync of a shop looks (marketplaces.md: 7 days).</summary>
    public TimeSpan FirstSyncLookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A sync stops this short of now: a platform's search index may lag its writes by a moment.</summary>
    public TimeSpan SyncSafetyMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a shop's sync stays claimed by one instance; a crashed instance's claim lapses after it.</summary>
    public TimeSpan SyncLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the inbox processor looks for due pushes; a push received by this instance wakes it at once.</summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed push stays with its processor.</summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The waits after a transient failure of a push (platform down, rate limited); after the last, Failed.</summary>
    public string InboxRetryDelays { get; set; } = "00:00:10, 00:01:00, 00:05:00, 00:30:00, 02:00:00, 06:00:00, 12:00:00";

    /// <summary>The background workers; tests switch them off to drive the inbox and the sync by hand.</summary>
    public bool InboxProcessorEnabled { get; set; } = true;

    public bool SyncWorkerEnabled { get; set; } = true;

    public IReadOnlyList<TimeSpan> InboxSchedule() =>
        InboxRetryDelays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public bool IsValid()
    {
        try
        {
            return InboxSchedule().All(d => d >= TimeSpan.Zero) && PushMaxAge > TimeSpan.Zero && MaxPushBytes > 0
                && SyncInterval > TimeSpan.Zero && FirstSyncLookBack > TimeSpan.Zero && SyncSafetyMargin >= TimeSpan.Zero
                && SyncLease > TimeSpan.Zero && InboxPollInterval > TimeSpan.Zero && InboxLease > TimeSpan.Zero
                && (PublicBaseUrl is null || Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _));
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }
}

/// <summary>Wakes this instance's inbox processor as soon as a push is stored, instead of at its next poll.</summary>
public sealed class PushInboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled: one wake-up covers every push before it
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
