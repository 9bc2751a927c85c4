namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// Which menus an account sees. A supplier has supplier SKUs or partnerships as supplier; a distributor has
/// partnerships as distributor. A new account is neither yet, so it sees both and can start either way.
/// </summary>
public sealed class AccountSides(AppDbContext db)
{
    public sealed record Result(string AccountName, string Currency, bool Supplier, bool Distributor);

    public async Task<Result> HandleAsync(string accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Name, a.Currency }).SingleOrDefaultAsync(ct) ?? throw DomainError.NotFound("account");
        var supplier = await db.SupplierSkus.AnyAsync(s => s.AccountId == accountId, ct)
            || await db.Partnerships.AnyAsync(p => p.SupplierAccountId == accountId, ct);
        var distributor = await db.Partnerships.AnyAsync(p => p.DistributorAccountId == accountId, ct);
        return supplier || distributor
            ? new Result(account.Name, account.Currency, supplier, distributor)
            : new Result(account.Name, account.Currency, true, true);
    }
}
