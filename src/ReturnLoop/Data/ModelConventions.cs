using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;

namespace ReturnLoop.Data;

public static class ModelConventions
{
    private const string VersionProperty = "Version";

    /// <summary>
    /// Optimistic concurrency for an aggregate that two writers may race on (two pushes, two stock-ins,
    /// a cancel against a stock-in): every update checks and bumps a version, so the loser gets a conflict and retries.
    /// </summary>
    public static void HasVersion<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.Property<int>(VersionProperty).IsConcurrencyToken();

    /// <summary>
    /// For <c>ExecuteUpdate</c> on a versioned entity: it bypasses the change tracker (and so
    /// <see cref="VersionBumpInterceptor"/>), yet a writer holding the old version must still lose.
    /// </summary>
    public static UpdateSettersBuilder<T> BumpVersion<T>(this UpdateSettersBuilder<T> setters) where T : class =>
        setters.SetProperty(e => EF.Property<int>(e, VersionProperty), e => EF.Property<int>(e, VersionProperty) + 1);

    internal static void BumpVersions(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Modified || entry.Metadata.FindProperty(VersionProperty) is null) continue;
            var version = entry.Property(VersionProperty);
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }
}
