using System.Collections.Frozen;

namespace ReturnLoop.Infrastructure;

/// <summary>
/// Amounts are <c>decimal</c> in the supplier's base currency, never floating point (domain.md, "Money and time").
/// In the database every amount is a 64-bit integer of hundredths, the same on SQLite and PostgreSQL,
/// so sums, comparisons and sorting in SQL are exact; no supported currency has more than 2 decimals.
/// </summary>
public static class Money
{
    public const long StorageScale = 100;

    /// <summary>Large enough for any order in IDR or VND, small enough that ×100 fits a 64-bit integer.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    private static readonly FrozenDictionary<string, int> Digits = new Dictionary<string, int>
    {
        ["MYR"] = 2, ["SGD"] = 2, ["THB"] = 2, ["PHP"] = 2, ["USD"] = 2, ["CNY"] = 2,
        ["IDR"] = 0, ["VND"] = 0,
    }.ToFrozenDictionary();

    public static IReadOnlyCollection<string> Currencies => Digits.Keys;

    public static bool IsSupported(string? currency) => currency is not null && Digits.ContainsKey(currency);

    /// <summary>Decimal places of the currency's minor unit (IDR and VND have none).</summary>
    public static int MinorDigits(string currency) =>
        Digits.TryGetValue(currency, out var d) ? d : throw new ArgumentException($"Unknown currency {currency}.", nameof(currency));

    /// <summary>True when the amount is a whole number of the currency's minor unit; more precision is rejected, not rounded.</summary>
    public static bool HasValidPrecision(decimal amount, string currency)
    {
        var scaled = amount * Pow10(MinorDigits(currency));
        return scaled == decimal.Truncate(scaled);
    }

    /// <summary>The amount written with exactly the currency's decimals (53 → 53.00 in MYR, 120000 in IDR).</summary>
    public static decimal Present(decimal amount, string currency)
    {
        var digits = MinorDigits(currency);
        return decimal.Round(amount, digits) + (digits == 0 ? 0m : new decimal(0, 0, 0, false, (byte)digits));
    }

    public static decimal Max0(decimal amount) => amount < 0 ? 0 : amount;

    internal static long ToStorage(decimal amount)
    {
        var scaled = amount * StorageScale;
        if (scaled != decimal.Truncate(scaled))
            throw new InvalidOperationException($"Amount {amount} has more precision than can be stored; inputs must be validated first.");
        return (long)scaled;
    }

    internal static decimal FromStorage(long stored) => stored / (decimal)StorageScale;

    private static decimal Pow10(int digits) =>
        digits switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => throw new ArgumentOutOfRangeException(nameof(digits)) };
}
