using System.Globalization;
using ReturnLoop.Components.UI;

namespace ReturnLoop.Tests;

/// <summary>
/// Money, numbers and dates as the pages show them, in English and Bahasa Indonesia: the decimals come from the
/// currency's minor unit (Infrastructure.Money), the separators from the user's language.
/// </summary>
public sealed class FormatTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    [Fact]
    public void Rupiah_has_no_decimals_in_either_language()
    {
        Assert.Equal("IDR 1.500.000", Format.Money(1_500_000m, "IDR", Indonesian));
        Assert.Equal("IDR 1,500,000", Format.Money(1_500_000m, "IDR", English));
    }

    [Fact]
    public void Dong_has_no_decimals_and_rounds_half_away_from_zero()
    {
        Assert.Equal("VND 25.001", Format.Money(25_000.5m, "VND", Indonesian));
        Assert.Equal("VND 25,000", Format.Money(25_000.4m, "VND", English));
    }

    [Theory]
    [InlineData("SGD", "en", "SGD 1,500.50")]
    [InlineData("SGD", "id", "SGD 1.500,50")]
    [InlineData("MYR", "en", "MYR 1,500.50")]
    [InlineData("PHP", "id", "PHP 1.500,50")]
    [InlineData("THB", "en", "THB 1,500.50")]
    [InlineData("USD", "id", "USD 1.500,50")]
    public void Two_decimal_currencies_always_show_two_decimals(string currency, string culture, string expected) =>
        Assert.Equal(expected, Format.Money(1500.5m, currency, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Whole_amounts_of_a_two_decimal_currency_keep_their_zeros()
    {
        Assert.Equal("SGD 88.00", Format.Money(88m, "SGD", English));
        Assert.Equal("SGD 88,00", Format.Money(88m, "SGD", Indonesian));
    }

    [Fact]
    public void The_decimals_follow_the_money_rule_of_every_supported_currency()
    {
        // one rule, no second table: every currency the API accepts shows exactly its minor unit's digits
        foreach (var currency in ReturnLoop.Infrastructure.Money.Currencies)
        {
            var text = Format.Money(1234m, currency, English);
            var digits = ReturnLoop.Infrastructure.Money.MinorDigits(currency);
            Assert.Equal(digits == 0 ? $"{currency} 1,234" : $"{currency} 1,234.{new string('0', digits)}", text);
        }
    }

    [Fact]
    public void Numbers_use_the_language_group_separator()
    {
        Assert.Equal("1,500", Format.Number(1500, English));
        Assert.Equal("1.500", Format.Number(1500, Indonesian));
    }

    [Fact]
    public void A_date_is_written_the_way_each_language_writes_it()
    {
        var at = new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero);

        Assert.Equal("11/30/2026", Format.Date(at, English));
        Assert.Equal("30/11/2026", Format.Date(at, Indonesian));
        Assert.Equal("11/30/2026 2:05\u202FPM", Format.DateTime(at, English)); // ICU puts a narrow no-break space before PM
        Assert.Equal("30/11/2026 14.05", Format.DateTime(at, Indonesian));
    }

    [Fact]
    public void A_date_is_shown_in_UTC_whatever_the_offset_it_carries()
    {
        var jakarta = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.FromHours(7)); // 00:00 UTC

        Assert.Equal("01/12/2026 00.00", Format.DateTime(jakarta, Indonesian));
    }

    [Fact]
    public void Without_a_culture_the_current_one_is_used()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Indonesian;
        try
        {
            Assert.Equal("IDR 1.500.000", Format.Money(1_500_000m, "IDR"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
