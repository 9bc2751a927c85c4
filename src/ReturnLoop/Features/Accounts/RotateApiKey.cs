namespace ReturnLoop.Features.Accounts;

/// <summary>
/// Replaces an API key of the caller (an Owner: any key of the account): the old key is revoked and a new one with the
/// same name is issued to the key's user, in one save, so there is never a moment with neither or both. The new key is
/// returned once; only its hash is kept.
/// </summary>
public sealed class RotateApiKey(AppDbContext db, TimeProvider clock)
{
    public async Task<(ApiKey Key, string Secret)> HandleAsync(string userId, string id, CancellationToken ct)
    {
        var old = await (await db.ManageableAsync(userId, ct)).SingleOrDefaultAsync(k => k.Id == id, ct)
            ?? throw DomainError.NotFound("API key");
        if (old.RevokedAt is not null) throw DomainError.StateNotAllowed("rotate", "revoked");
        var user = await db.Users.SingleAsync(u => u.Id == old.UserId, ct);
        var now = clock.GetUtcNow();
        old.Revoke(now);
        var secret = ApiKeys.Generate();
        var key = ApiKey.Create(user, old.Name, secret, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }
}
