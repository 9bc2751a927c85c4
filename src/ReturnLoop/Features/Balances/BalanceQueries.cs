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

    /// <summary>The distributor's balances, one at each supplier.</summary>
    public static IQueryable<CustomerBalance> BalancesOfDistributor(this AppDbContext db, string distributorAccountId) =>
        db.CustomerBalances.AsNoTracking().Where(b => b.DistributorAccountId == distributorAccountId);

    /// <summary>The balances each distributor holds with the supplier.</summary>
    public static IQueryable<CustomerBalance> BalancesOfSupplier(this AppDbContext db, string supplierAccountId) =>
        db.CustomerBalances.AsNoTracking().Where(b => b.SupplierAccountId == supplierAccountId);

    /// <summary>The ledger of one distributor's balance at one supplier.</summary>
    public static IQueryable<BalanceLedgerEntry> LedgerOf(this AppDbContext db, string supplierAccountId, string distributorAccountId) =>
        db.BalanceLedger.AsNoTracking()
            .Where(e => e.SupplierAccountId == supplierAccountId && e.DistributorAccountId == distributorAccountId);
}
