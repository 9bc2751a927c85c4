using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReturnLoop.Data;

/// <summary>
/// Bumps the concurrency version of every modified versioned entity on every SaveChanges overload (an override of
/// one overload missed the others). Stateless, so one instance serves every context.
/// </summary>
public sealed class VersionBumpInterceptor : SaveChangesInterceptor
{
    public static readonly VersionBumpInterceptor Instance = new();

    private VersionBumpInterceptor() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) ModelConventions.BumpVersions(context.ChangeTracker);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) ModelConventions.BumpVersions(context.ChangeTracker);
        return ValueTask.FromResult(result);
    }
}
