namespace ReturnLoop.Features.Balances;

public static class BalanceQueries
{
    /// <summary>The tracked balance of a distributor at a supplier, opened (at 0) on first use.</summary>
    public static async Task<CustomerBalance> LoadBalanceForUpdateAsync(this AppDbContext db, string supplierAccountId,
        string distributorAccountId,
        string currency, DateTimeOffset now, CancellationToken ct)
    {
        var balance = await db.CustomerBalances.SingleOrDefaultAsync(b => b.SupplierAccountId == supplierAccountId
            && b.DistributorAccountId == distributorAccountId, ct);
        if (balance is null)
        {
            balance = CustomerBalance.Open(supplierAccountId, distributorAccountId, currency, now);
            db.CustomerBalances.Add(balance);
        }
        return balance;
    }
}
