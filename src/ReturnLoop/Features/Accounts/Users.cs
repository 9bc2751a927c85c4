namespace ReturnLoop.Features.Accounts;

public static class Users
{
    public static bool IsEmail(string email) => email.Contains('@') && !email.Trim().Contains(' ');

    public static DomainError EmailTaken() => DomainError.Conflict("A user with this email already exists.");

    /// <summary>The account's users, oldest first (the one who signed up comes first).</summary>
    public static async Task<IReadOnlyList<User>> UsersOfAccountAsync(this AppDbContext db, string accountId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.AccountId == accountId).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(ct);

    /// <summary>
    /// Locks the account row until the transaction commits, so two Owners demoting or removing each other at the same
    /// moment are judged one after the other and the account never ends without an Owner.
    /// </summary>
    public static async Task LockAccountAsync(this AppDbContext db, string accountId, CancellationToken ct)
    {
        await db.EnsureTransactionAsync(ct);
        var sql = $$"""SELECT * FROM "Accounts" WHERE "Id" = {0}{{db.ForUpdate()}}""";
        _ = await db.Accounts.FromSqlRaw(sql, accountId).AsNoTracking().ToListAsync(ct);
    }

    public static Task<int> OtherOwnersAsync(this AppDbContext db, User user, CancellationToken ct) =>
        db.Users.CountAsync(u => u.AccountId == user.AccountId && u.Id != user.Id && u.Role == Role.Owner, ct);
}
