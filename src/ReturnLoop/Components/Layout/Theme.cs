using MudBlazor;

namespace ReturnLoop.Components.Layout;

/// <summary>One calm ERP look for every page; system fonts, nothing fetched from the internet.</summary>
public static class Theme
{
    public static readonly MudTheme Value = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f5fae", Secondary = "#5c6b7a", AppbarBackground = "#1f5fae" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
