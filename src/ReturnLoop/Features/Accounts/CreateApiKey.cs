using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Accounts;

/// <summary>Issues another API key for the calling user; the key is returned once, only its hash is kept.</summary>
public sealed class CreateApiKey(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] string? Name);

    public async Task<(ApiKey Key, string Secret)> HandleAsync(string userId, Request request, CancellationToken ct)
    {
        new Check().Required(request.Name, "name", 100).ThrowIfInvalid();
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var secret = ApiKeys.Generate();
        var key = ApiKey.Create(user, request.Name!.Trim(), secret, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }
}
