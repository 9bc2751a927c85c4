namespace ReturnLoop.Features.Accounts;

/// <summary>
/// An Owner removes a user: the user row and their API keys are deleted in one transaction, so their keys answer 401
/// <c>auth.required</c> and their cookie sessions end at the next request. The last Owner cannot be removed (409
/// <c>users.last_owner</c>); the email is free to be invited again.
/// </summary>
public sealed class RemoveUser(AppDbContext db)
{
    public async Task HandleAsync(string accountId, string userId, CancellationToken ct) =>
        await db.RetryOnConflictAsync(async () =>
        {
            await db.LockAccountAsync(accountId, ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.AccountId == accountId, ct)
                ?? throw DomainError.NotFound("user");
            if (!User.CanLeave(user, await db.OtherOwnersAsync(user, ct))) throw User.LastOwner();
            db.ApiKeys.RemoveRange(await db.ApiKeys.Where(k => k.UserId == user.Id).ToListAsync(ct));
            db.Users.Remove(user);
            await db.SaveChangesAsync(ct);
            return true;
        });
}
