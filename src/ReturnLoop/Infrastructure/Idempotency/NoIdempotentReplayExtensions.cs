using ReturnLoop.Infrastructure.Idempotency;

// Beside ASP.NET Core's own endpoint conventions (RequireAuthorization, WithSummary), so a route table needs no using.
namespace Microsoft.AspNetCore.Builder;

public static class NoIdempotentReplayExtensions
{
    /// <summary>Keeps the endpoint's answer out of the idempotency table (see <see cref="NoIdempotentReplay"/>).</summary>
    public static TBuilder WithoutIdempotentReplay<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoIdempotentReplay.Instance);
}
