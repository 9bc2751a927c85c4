namespace ReturnLoop.Features.Balances;

public enum BalanceEntryType { RefundCredit, ManualCredit, OrderPayment }

/// <summary>
/// The distributor's balance held at one supplier, in the supplier's currency. The balance is the sum of its
/// ledger; the row keeps that sum so a debit can be refused without summing, and its version serialises writers.
/// </summary>
public sealed class CustomerBalance
{
    private CustomerBalance() { }

    public string Id { get; private set; } = Ids.New();
    public string SupplierAccountId { get; private set; } = "";
    public string DistributorAccountId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal Balance { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static CustomerBalance Open(string supplierAccountId, string distributorAccountId, string currency, DateTimeOffset now) =>
        new() { SupplierAccountId = supplierAccountId, DistributorAccountId = distributorAccountId, Currency = currency, UpdatedAt = now };

    public BalanceLedgerEntry Credit(decimal amount, BalanceEntryType type, string? reference, string? note, DateTimeOffset now)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "A credit is above 0.");
        return Append(amount, type, reference, note, now);
    }

    /// <summary>Pays with the balance; refused when the balance is too low.</summary>
    public BalanceLedgerEntry Debit(decimal amount, BalanceEntryType type, string? reference, string? note, DateTimeOffset now)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "A debit is above 0.");
        if (amount > Balance)
            throw DomainError.Rule("balance.insufficient", $"The customer balance is {Balance} {Currency}; {amount} needed.");
        return Append(-amount, type, reference, note, now);
    }

    private BalanceLedgerEntry Append(decimal signed, BalanceEntryType type, string? reference, string? note, DateTimeOffset now)
    {
        Balance += signed;
        UpdatedAt = now;
        return new BalanceLedgerEntry(this, type, signed, reference, note, now);
    }
}

/// <summary>One row of the customer balance ledger: appended, never edited.</summary>
public sealed class BalanceLedgerEntry
{
    private BalanceLedgerEntry() { }

    internal BalanceLedgerEntry(CustomerBalance balance, BalanceEntryType type, decimal amount, string? reference, string? note,
        DateTimeOffset at)
    {
        SupplierAccountId = balance.SupplierAccountId;
        DistributorAccountId = balance.DistributorAccountId;
        Currency = balance.Currency;
        Type = type;
        Amount = amount;
        BalanceAfter = balance.Balance;
        Reference = reference;
        Note = note;
        CreatedAt = at;
    }

    public string Id { get; private set; } = Ids.New();
    public string SupplierAccountId { get; private set; } = "";
    public string DistributorAccountId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public BalanceEntryType Type { get; private set; }
    /// <summary>Signed: + credit, − debit.</summary>
    public decimal Amount { get; private set; }
    public decimal BalanceAfter { get; private set; }
    /// <summary>The refund order or distribution order behind it.</summary>
    public string? Reference { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
