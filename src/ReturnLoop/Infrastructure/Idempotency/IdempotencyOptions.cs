namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary><c>Idempotency:*</c> settings.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a stored answer is replayed; after that the key works anew and the row is swept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often expired rows are deleted; <c>-00:00:00.001</c> (infinite) turns the background sweep off, for a
    /// database job that deletes them instead (or a test that sweeps by hand).
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Rows deleted per statement, so a large backlog never holds a long write lock.</summary>
    public int SweepBatchSize { get; set; } = 1000;
}

public static class IdempotencySetup
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero, "Idempotency:Retention must be above zero.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero || o.SweepInterval == Timeout.InfiniteTimeSpan,
                "Idempotency:SweepInterval must be above zero (or infinite: no background sweep).")
            .Validate(o => o.SweepBatchSize > 0, "Idempotency:SweepBatchSize must be above zero.")
            .ValidateOnStart();
        // One instance, so tests (and an operator's tooling) can run a sweep on demand.
        builder.Services.AddSingleton<IdempotencySweeper>();
        // `dotnet build` runs the app only to write the OpenAPI document: no database, so no worker then.
        if (!ApiDocument.IsBuildTimeGeneration) builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencySweeper>());
        return builder;
    }
}
