namespace ReturnLoop.Features.DistributionReturns;

/// <summary><c>Push:MaxOrderAgeDays</c>: how long after shipment a return can still be pushed (domain.md, Decision: 90).</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    public int MaxOrderAgeDays { get; set; } = 90;

    public TimeSpan MaxOrderAge => TimeSpan.FromHours(24 * MaxOrderAgeDays);
}
