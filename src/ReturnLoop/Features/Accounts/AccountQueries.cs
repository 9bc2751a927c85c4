namespace ReturnLoop.Features.Accounts;

public static class AccountQueries
{
    public static async Task<string> CurrencyOfAsync(this AppDbContext db, string accountId, CancellationToken ct) =>
        await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Currency).SingleOrDefaultAsync(ct)
            ?? throw DomainError.NotFound("account");

    public static async Task<Account> AccountAsync(this AppDbContext db, string accountId, CancellationToken ct) =>
        await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, ct) ?? throw DomainError.NotFound("account");
}
