using System.Globalization;
using DayAmount = ReturnLoop.Features.Dashboard.DashboardQueries.DayAmount;

namespace ReturnLoop.Features.Dashboard.Pages;

/// <summary>The x-axis and y-values of a per-day series, for MudChart.</summary>
public static class DayLabels
{
    /// <summary>Every fifth day and the last one get a label ("30 Nov"); 30 labels side by side would not be read.</summary>
    public static string[] Of(IReadOnlyList<DayAmount> days, CultureInfo? culture = null) => days
        .Select((d, i) => i % 5 == 0 || i == days.Count - 1 ? d.Day.ToString("d MMM", culture ?? CultureInfo.CurrentCulture) : "")
        .ToArray();

    public static double[] Values(IReadOnlyList<DayAmount> days) => days.Select(d => (double)d.Amount).ToArray();
}
