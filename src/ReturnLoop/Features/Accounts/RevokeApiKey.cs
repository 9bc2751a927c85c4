namespace ReturnLoop.Features.Accounts;

/// <summary>
/// Revokes an API key of the caller (an Owner: any key of the account): it stops working at once and stays listed with
/// its revocation time. Anyone else's key is not found.
/// </summary>
public sealed class RevokeApiKey(AppDbContext db, TimeProvider clock)
{
    public async Task<ApiKey> HandleAsync(string userId, string id, CancellationToken ct)
    {
        var key = await (await db.ManageableAsync(userId, ct)).SingleOrDefaultAsync(k => k.Id == id, ct)
            ?? throw DomainError.NotFound("API key");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return key;
    }
}
