using System.Globalization;

namespace ReturnLoop.Components.UI;

/// <summary>Money and dates as the page shows them: in the user's language, money with its currency's minor unit.</summary>
public static class Format
{
    /// <summary>"MYR 138.00", "IDR 120,000"; in Bahasa Indonesia "MYR 138,00", "IDR 120.000". No decimals for IDR and VND.</summary>
    public static string Money(decimal amount, string currency, CultureInfo? culture = null)
    {
        var digits = Infrastructure.Money.IsSupported(currency) ? Infrastructure.Money.MinorDigits(currency) : 2;
        var rounded = decimal.Round(amount, digits, MidpointRounding.AwayFromZero);
        return $"{currency} {rounded.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture)}";
    }

    /// <summary>Date and time in the user's culture (UTC until the account has a time zone).</summary>
    public static string DateTime(DateTimeOffset value, CultureInfo? culture = null) =>
        value.UtcDateTime.ToString("g", culture ?? CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset value, CultureInfo? culture = null) =>
        value.UtcDateTime.ToString("d", culture ?? CultureInfo.CurrentCulture);
}
