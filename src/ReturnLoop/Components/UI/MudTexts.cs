using Microsoft.Extensions.Localization;
using MudBlazor;
using ReturnLoop.Resources;

namespace ReturnLoop.Components.UI;

/// <summary>MudBlazor's own words (the grid's pager) from our resources, "Mud_" + its key; its English where we have none.</summary>
public sealed class MudTexts(IStringLocalizer<Strings> l) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = l["Mud_" + key];
            return new LocalizedString(key, text.ResourceNotFound ? key : text.Value, text.ResourceNotFound);
        }
    }

    // MudBlazor fills some texts' named placeholders ({first_item}) itself: format only numbered ones ({0}).
    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound || arguments.Length == 0 || !text.Value.Contains("{0", StringComparison.Ordinal)
                ? text
                : new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
