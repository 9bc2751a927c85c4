using System.Globalization;

namespace ReturnLoop.Tests;

/// <summary>domain.md, "Money and time": the currency's minor unit, more precision rejected, never rounded.</summary>
public class MoneyTests
{
    [Theory]
    [InlineData("MYR", 2)]
    [InlineData("THB", 2)]
    [InlineData("PHP", 2)]
    [InlineData("SGD", 2)]
    [InlineData("IDR", 0)]
    [InlineData("VND", 0)]
    public void Each_currency_has_its_minor_unit(string currency, int digits)
    {
        Assert.True(Money.IsSupported(currency));
        Assert.Equal(digits, Money.MinorDigits(currency));
    }

    [Fact]
    public void Unknown_currency_is_not_supported()
    {
        Assert.False(Money.IsSupported("XYZ"));
        Assert.False(Money.IsSupported(null));
        Assert.Throws<ArgumentException>(() => Money.MinorDigits("XYZ"));
    }

    // TheoryData keeps each literal's scale (53.250m, 125000.00m), which attribute doubles would lose.
    public static TheoryData<decimal, string, bool> Precisions => new()
    {
        { 53m, "MYR", true },
        { 53.25m, "MYR", true },
        { 53.250m, "MYR", true },
        { 53.255m, "MYR", false },
        { 0.001m, "SGD", false },
        { 125000m, "IDR", true },
        { 125000.00m, "IDR", true },
        { 125000.5m, "IDR", false },
        { 0.01m, "VND", false },
    };

    [Theory, MemberData(nameof(Precisions))]
    public void Amount_may_not_have_more_decimals_than_its_currency(decimal amount, string currency, bool valid) =>
        Assert.Equal(valid, Money.HasValidPrecision(amount, currency));

    public static TheoryData<decimal, string, string> Presentations => new()
    {
        { 53m, "MYR", "53.00" },
        { 53.5m, "MYR", "53.50" },
        { 53.000m, "MYR", "53.00" },
        { 0m, "THB", "0.00" },
        { -20m, "MYR", "-20.00" },
        { 120000m, "IDR", "120000" },
        { 120000.00m, "IDR", "120000" },
        { 45000m, "VND", "45000" },
    };

    [Theory, MemberData(nameof(Presentations))]
    public void Amount_is_presented_with_exactly_the_currencys_decimals(decimal amount, string currency, string shown) =>
        Assert.Equal(shown, Money.Present(amount, currency).ToString(CultureInfo.InvariantCulture));

    public static TheoryData<decimal, long> Stored => new()
    {
        { 53.25m, 5325 },
        { 0.01m, 1 },
        { 125000m, 12500000 },
        { -35.00m, -3500 },
        { 0m, 0 },
    };

    [Theory, MemberData(nameof(Stored))]
    public void Amount_is_stored_as_whole_hundredths_and_read_back_unchanged(decimal amount, long stored)
    {
        Assert.Equal(stored, Money.ToStorage(amount));
        Assert.Equal(amount, Money.FromStorage(stored));
    }

    [Fact]
    public void Largest_amount_survives_storage()
    {
        Assert.Equal(Money.MaxAmount, Money.FromStorage(Money.ToStorage(Money.MaxAmount)));
        Assert.Equal(Money.MaxAmount - 0.01m, Money.FromStorage(Money.ToStorage(Money.MaxAmount - 0.01m)));
    }

    [Fact]
    public void Amount_with_more_than_hundredths_is_never_stored_rounded()
    {
        Assert.Throws<InvalidOperationException>(() => Money.ToStorage(53.255m));
    }

    [Theory]
    [InlineData(-0.01, "Must not be negative.")]
    [InlineData(10.001, "MYR amounts have at most 2 decimal places.")]
    public void Invalid_amount_input_is_a_validation_failure(decimal amount, string message)
    {
        var error = A.Error(() => new Check().Amount(amount, "exchangeAmount", "MYR").ThrowIfInvalid());

        Assert.Equal(("validation.failed", 400), (error.Code, error.Status));
        Assert.Equal([message], error.Errors!["exchangeAmount"]);
    }

    [Fact]
    public void Amount_above_the_maximum_is_a_validation_failure()
    {
        var error = A.Error(() => new Check().Amount(Money.MaxAmount + 1, "amount", "IDR").ThrowIfInvalid());

        Assert.Equal(["Too large."], error.Errors!["amount"]);
    }

    [Fact]
    public void Valid_amount_input_passes()
    {
        var check = new Check().Amount(53.25m, "amount", "MYR").Amount(120000m, "idr", "IDR")
            .Amount(null, "exchangeAmount", "MYR", required: false);

        Assert.True(check.IsValid);
        check.ThrowIfInvalid();
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var error = A.Error(() => new Check()
            .Amount(125000.5m, "unitPrice", "IDR")
            .Amount(null, "distributionFee", "IDR")
            .ThrowIfInvalid());

        Assert.Equal(["distributionFee", "unitPrice"], error.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(0, 0)]
    [InlineData(17.5, 17.5)]
    public void Negative_amount_is_clamped_to_zero(decimal amount, decimal clamped) =>
        Assert.Equal(clamped, Money.Max0(amount));
}
