namespace ReturnLoop.Features.Accounts;

/// <summary>Revokes one of the account's API keys: it stops working at once and stays listed with its revocation time.</summary>
public sealed class RevokeApiKey(AppDbContext db, TimeProvider clock)
{
    public async Task<ApiKey> HandleAsync(string accountId, string id, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.AccountId == accountId, ct)
            ?? throw DomainError.NotFound("API key");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return key;
    }
}
