namespace ReturnLoop.Features.Accounts;

public static class ApiKeyQueries
{
    /// <summary>
    /// The keys the user may see, newest first, revoked ones included (never a secret: only the hash is stored): an Owner
    /// every key of the account, anyone else their own.
    /// </summary>
    public static async Task<IReadOnlyList<ApiKey>> ApiKeysVisibleToAsync(this AppDbContext db, string userId, CancellationToken ct) =>
        await (await db.ManageableAsync(userId, ct)).AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(ct);
}
