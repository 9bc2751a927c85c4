namespace ReturnLoop.Features.Accounts;

/// <summary>
/// Replaces one of the calling user's API keys: the old key is revoked and a new one with the same name is issued, in
/// one save, so there is never a moment with neither or both. The new key is returned once; only its hash is kept.
/// </summary>
public sealed class RotateApiKey(AppDbContext db, TimeProvider clock)
{
    public async Task<(ApiKey Key, string Secret)> HandleAsync(string userId, string id, CancellationToken ct)
    {
        // The key's user only for now (api.md lets an Owner too, once users have roles); anyone else's key is not found.
        var old = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.UserId == userId, ct)
            ?? throw DomainError.NotFound("API key");
        if (old.RevokedAt is not null) throw DomainError.StateNotAllowed("rotate", "revoked");
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var now = clock.GetUtcNow();
        old.Revoke(now);
        var secret = ApiKeys.Generate();
        var key = ApiKey.Create(user, old.Name, secret, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }
}
