using System.Globalization;

namespace ReturnLoop.Features.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>api.md: 5s, 30s, 2m, 10m, 1h, 6h, then every 12h for 3 days.</summary>
    public const string DefaultRetryDelays =
        "00:00:05, 00:00:30, 00:02:00, 00:10:00, 01:00:00, 06:00:00, 12:00:00, 12:00:00, 12:00:00, 12:00:00, 12:00:00, 12:00:00";

    /// <summary>Private, loopback and link-local receivers are refused unless this is on (on in appsettings.Development.json).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>A comma list of time spans: the wait after the first failed attempt, the second, …; after the last, Failed.</summary>
    public string RetryDelays { get; set; } = DefaultRetryDelays;

    /// <summary>A receiver that has not answered within this is retried (api.md: 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for due deliveries; a save in this process also wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries in flight at once per instance, so one slow receiver does not hold up the others.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How long a claimed delivery stays with its worker; a crashed worker's claim is taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<TimeSpan> Schedule() =>
        RetryDelays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public bool IsValid()
    {
        try
        {
            return Schedule().All(d => d >= TimeSpan.Zero) && PollInterval > TimeSpan.Zero && MaxConcurrency > 0
                && AttemptTimeout > TimeSpan.Zero && Lease > AttemptTimeout;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
