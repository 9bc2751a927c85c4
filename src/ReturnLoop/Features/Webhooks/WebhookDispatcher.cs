using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ReturnLoop.Features.Webhooks;

/// <summary>
/// The background worker that delivers the outbox, at least once: it claims due deliveries under a lease, POSTs each
/// signed to its endpoint and records the attempt in the same row; a failure is retried on the configured schedule.
/// Several instances on one database share the work: each attempt is made by exactly one of them.
/// </summary>
public sealed partial class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSignal signal,
    TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private readonly WebhookOptions _options = options.Value;
    private readonly IReadOnlyList<TimeSpan> _schedule = options.Value.Schedule();
    private readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}";
    private SemaphoreSlim _slots = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogClaimFailed(e); // the database may be away for a moment: the next poll tries again
            }
        }
        // Let the attempts in flight record their result or hand their claim back before the host goes away.
        for (var i = 0; i < _options.MaxConcurrency; i++)
            if (!await _slots.WaitAsync(_options.AttemptTimeout + TimeSpan.FromSeconds(5), CancellationToken.None)) break;
    }

    /// <summary>Claims as many due deliveries as there are free slots and starts them; a finished one frees a slot.</summary>
    private async Task DispatchDueAsync(CancellationToken ct)
    {
        while (_slots.CurrentCount > 0)
        {
            var wanted = _slots.CurrentCount;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var token = $"{Guid.NewGuid():N}:{_worker}"[..Math.Min(100, 33 + _worker.Length)];
            var claimed = await WebhookClaims.ClaimAsync(db, token, wanted, clock.GetUtcNow(), _options.Lease, ct);
            foreach (var item in claimed)
            {
                await _slots.WaitAsync(ct);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await DeliverAsync(item, token, ct);
                    }
                    catch (Exception e)
                    {
                        LogDeliveryFailed(e, item.Id); // the claim lapses with its lease and the delivery is tried again
                    }
                    finally
                    {
                        _slots.Release();
                        signal.Notify();
                    }
                }, CancellationToken.None);
            }
            if (claimed.Count < wanted) return;
        }
    }

    private async Task DeliverAsync(WebhookClaims.Claimed item, string token, CancellationToken ct)
    {
        var attemptAt = clock.GetUtcNow();
        int? statusCode = null;
        string? error = null;
        try
        {
            if (!item.Enabled)
            {
                await RecordAsync(item, token, attemptAt, null, "The endpoint is disabled.", counts: false);
                return;
            }
            var timestamp = attemptAt.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, item.Url)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(item.Payload)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("webhook-id", item.EventId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(item.Secret, item.EventId, timestamp, item.Payload));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            statusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {statusCode}";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the claim back untouched so another instance (or the next start) sends it.
            await WebhookClaims.ReleaseAsync(scopes, item.Id, token);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            error = e is TaskCanceledException ? $"No answer within {_options.AttemptTimeout.TotalSeconds:0.#} s." : e.Message;
        }
        await RecordAsync(item, token, attemptAt, statusCode, error, counts: true);
    }

    private async Task RecordAsync(WebhookClaims.Claimed item, string token, DateTimeOffset attemptAt, int? statusCode, string? error,
        bool counts)
    {
        var attempts = item.Attempts + (counts ? 1 : 0);
        var (status, next) = error is null ? (WebhookDeliveryStatus.Succeeded, (DateTimeOffset?)null)
            : counts && attempts <= _schedule.Count ? (WebhookDeliveryStatus.Pending, clock.GetUtcNow() + _schedule[attempts - 1])
            : (WebhookDeliveryStatus.Failed, null);
        if (error is not null) LogAttemptFailed(item.Id, item.EventId, attempts, error);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lastError = error is { Length: > 500 } ? error[..500] : error;
        // Only the lease holder records: if the lease ran out and another worker took over, this result is dropped.
        await db.WebhookDeliveries.Where(d => d.Id == item.Id && d.LockedBy == token).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.LastStatusCode, statusCode)
            .SetProperty(d => d.LastError, lastError)
            .SetProperty(d => d.LastAttemptAt, counts ? attemptAt : item.LastAttemptAt)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LockedBy, (string?)null)
            .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Error, "Claiming webhook deliveries failed; trying again at the next poll.")]
    private partial void LogClaimFailed(Exception e);

    [LoggerMessage(LogLevel.Error, "Webhook delivery {DeliveryId} could not be attempted or recorded.")]
    private partial void LogDeliveryFailed(Exception e, string deliveryId);

    [LoggerMessage(LogLevel.Information, "Webhook delivery {DeliveryId} of event {EventId}, attempt {Attempt}, failed: {Error}")]
    private partial void LogAttemptFailed(string deliveryId, string eventId, int attempt, string error);
}
