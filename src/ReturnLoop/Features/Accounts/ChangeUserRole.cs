using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Accounts;

/// <summary>
/// An Owner changes a user's role. It acts at once: API keys read the role on every request, cookies are checked
/// against the user row. The last Owner cannot step down (409 <c>users.last_owner</c>).
/// </summary>
public sealed class ChangeUserRole(AppDbContext db)
{
    public sealed record Request([property: Required] Role? Role);

    public async Task<User> HandleAsync(string accountId, string userId, Request request, CancellationToken ct)
    {
        new Check().Required(request.Role, "role").ThrowIfInvalid();
        return await db.RetryOnConflictAsync(async () =>
        {
            await db.LockAccountAsync(accountId, ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.AccountId == accountId, ct)
                ?? throw DomainError.NotFound("user");
            user.ChangeRole(request.Role!.Value, await db.OtherOwnersAsync(user, ct));
            await db.SaveChangesAsync(ct);
            return user;
        });
    }
}
