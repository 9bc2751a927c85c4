using Microsoft.Extensions.Localization;
using ReturnLoop.Resources;

namespace ReturnLoop.Components.UI;

/// <summary>Texts whose key is known only at run time (an error code, a status): the resource, else a fallback.</summary>
public static class Text
{
    public static string Of(IStringLocalizer<Strings> l, string key, string fallback)
    {
        var text = l[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    /// <summary>A rule's refusal for the user: its code's text in the user's language, or the rule's own message.</summary>
    public static string Of(IStringLocalizer<Strings> l, DomainError error) => Of(l, $"Error_{error.Code}", error.Message);
}
