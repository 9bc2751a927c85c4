namespace ReturnLoop.Features.Balances;

public static class BalanceQueries
{
    /// <summary>
    /// The balance of a distributor at a supplier, tracked and locked until the use case's transaction commits
    /// (<see cref="RowLocks"/>); opened at 0 on first use. Independent refunds and payments on one balance wait for
    /// each other briefly instead of answering 409.
    /// </summary>
    public static async Task<CustomerBalance> LoadBalanceForUpdateAsync(this AppDbContext db, string supplierAccountId,
        string distributorAccountId, string currency, DateTimeOffset now, CancellationToken ct)
    {
        await db.EnsureTransactionAsync(ct);
        var balance = await LockAsync(db, supplierAccountId, distributorAccountId, ct);
        if (balance is not null) return balance;

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CustomerBalances"
                ("Id", "SupplierAccountId", "DistributorAccountId", "Currency", "Balance", "UpdatedAt", "Version")
            VALUES ({Ids.New()}, {supplierAccountId}, {distributorAccountId}, {currency}, 0, {db.StoredTime(now)}, 0)
            ON CONFLICT ("SupplierAccountId", "DistributorAccountId") DO NOTHING
            """, ct);
        return await LockAsync(db, supplierAccountId, distributorAccountId, ct)
            ?? throw new InvalidOperationException("The balance row was just created.");
    }

    private static async Task<CustomerBalance?> LockAsync(AppDbContext db, string supplierAccountId, string distributorAccountId,
        CancellationToken ct)
    {
        // Only the lock clause is spliced in; the ids are parameters.
        var sql = $$"""
            SELECT * FROM "CustomerBalances" WHERE "SupplierAccountId" = {0} AND "DistributorAccountId" = {1}{{db.ForUpdate()}}
            """;
        return (await db.CustomerBalances.FromSqlRaw(sql, supplierAccountId, distributorAccountId).ToListAsync(ct)).SingleOrDefault();
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
