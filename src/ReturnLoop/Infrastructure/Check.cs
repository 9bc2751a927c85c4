namespace ReturnLoop.Infrastructure;

/// <summary>
/// Collects field errors of one request and throws them together as <c>validation.failed</c>,
/// so a client sees every problem with its input at once.
/// </summary>
public sealed class Check
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public Check Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Check That(bool ok, string field, string message) => ok ? this : Add(field, message);

    public Check Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Required.");
        return That(value.Length <= maxLength, field, $"At most {maxLength} characters.");
    }

    public Check Optional(string? value, string field, int maxLength = 200) =>
        That(value is null || value.Length <= maxLength, field, $"At most {maxLength} characters.");

    public Check Required<T>(T? value, string field) where T : struct =>
        That(value.HasValue, field, "Required.");

    public Check Required(object? value, string field) => That(value is not null, field, "Required.");

    public Check Positive(int? value, string field) =>
        That(value is > 0, field, "Must be a whole number above 0.");

    /// <summary>An amount in <paramref name="currency"/>: not negative, no more decimals than the currency has.</summary>
    public Check Amount(decimal? value, string field, string currency, bool required = true, bool allowZero = true)
    {
        if (value is not { } amount) return required ? Add(field, "Required.") : this;
        if (amount < 0 || (!allowZero && amount == 0)) return Add(field, allowZero ? "Must not be negative." : "Must be above 0.");
        if (amount > Money.MaxAmount) return Add(field, "Too large.");
        return That(Money.HasValidPrecision(amount, currency), field,
            $"{currency} amounts have at most {Money.MinorDigits(currency)} decimal places.");
    }

    public Check PastOrNow(DateTimeOffset? value, DateTimeOffset now, string field) =>
        That(value is null || value <= now, field, "Must not be in the future.");

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw DomainError.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
