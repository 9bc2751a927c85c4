using System.Globalization;

namespace ReturnLoop.Components.UI;

/// <summary>Money and dates as the page shows them: in the user's language, money with its currency's minor unit.</summary>
public static class Format
{
    /// <summary>
    /// "MYR 138.00", "IDR 120,000"; in Bahasa Indonesia "MYR 138,00", "IDR 120.000". The decimals are the currency's minor
    /// unit from <see cref="Infrastructure.Money"/> (none for IDR and VND), the one rule the API validates amounts with.
    /// The ISO code, not a symbol: an account's users may read another currency than their language's ("RM", "Rp", "$").
    /// </summary>
    public static string Money(decimal amount, string currency, CultureInfo? culture = null)
    {
        var digits = Infrastructure.Money.IsSupported(currency) ? Infrastructure.Money.MinorDigits(currency) : 2; // unknown: as most
        var rounded = decimal.Round(amount, digits, MidpointRounding.AwayFromZero);
        return $"{currency} {rounded.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture)}";
    }

    /// <summary>A count or quantity with the language's group separator: "1,500" in English, "1.500" in Bahasa Indonesia.</summary>
    public static string Number(long value, CultureInfo? culture = null) =>
        value.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>Date and time in the user's culture (UTC until the account has a time zone).</summary>
    public static string DateTime(DateTimeOffset value, CultureInfo? culture = null) =>
        value.UtcDateTime.ToString("g", culture ?? CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset value, CultureInfo? culture = null) =>
        value.UtcDateTime.ToString("d", culture ?? CultureInfo.CurrentCulture);
}
