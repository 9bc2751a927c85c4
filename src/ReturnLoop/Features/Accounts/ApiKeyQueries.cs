namespace ReturnLoop.Features.Accounts;

public static class ApiKeyQueries
{
    /// <summary>The user's own API keys, newest first, revoked ones included (never a secret: only the hash is stored).</summary>
    public static async Task<IReadOnlyList<ApiKey>> ApiKeysOfUserAsync(this AppDbContext db, string userId, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.Id).ToListAsync(ct);
}
