namespace ReturnLoop.Features.Accounts;

public sealed record AccountResponse(string Id, string Name, string Currency, DateTimeOffset CreatedAt);
public sealed record UserResponse(string Id, string Email, Role Role);
public sealed record SignUpResponse(AccountResponse Account, UserResponse User, string ApiKey);
public sealed record MeResponse(AccountResponse Account, UserResponse User);
public sealed record ApiKeyResponse(string Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
public sealed record NewApiKeyResponse(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, string ApiKey);
public sealed record AccountUserResponse(string Id, string Email, Role Role, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil);
public sealed record InvitationResponse(string Id, string Email, Role Role, string Token, DateTimeOffset ExpiresAt);
public sealed record AcceptedInvitationResponse(UserResponse User, string ApiKey);

public static class AccountsApi
{
    public static AccountResponse ToResponse(this Account a) => new(a.Id, a.Name, a.Currency, a.CreatedAt);
    public static UserResponse ToResponse(this User u) => new(u.Id, u.Email, u.Role);
    public static ApiKeyResponse ToResponse(this ApiKey k) =>
        new(k.Id, k.UserId, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
    public static AccountUserResponse ToListResponse(this User u) => new(u.Id, u.Email, u.Role, u.CreatedAt, u.LockedUntil);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Accounts");
        g.MapPost("/accounts", SignUpAsync).AllowAnonymous()
            .WithSummary("Sign up: a new account, its first user (an Owner) and an API key (shown once).");
        g.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("The account and user behind the key.");

        var keys = g.MapGroup("/api-keys").RequireAuthorization().RequirePermissionToWrite(Permission.Self);
        keys.MapGet("/", ListKeysAsync).WithSummary("API keys (never the secrets): an Owner sees every user's, others their own.");
        keys.MapPost("/", CreateKeyAsync)
            .WithSummary("Issue another API key for the calling user; shown once.").WithoutIdempotentReplay();
        keys.MapPost("/{id}/revoke", RevokeKeyAsync).WithSummary("The key's user or an Owner: the key stops working at once.");
        keys.MapPost("/{id}/rotate", RotateKeyAsync)
            .WithSummary("The key's user or an Owner: a new key with the same name, shown once; the old one stops working.")
            .WithoutIdempotentReplay();

        var users = g.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListUsersAsync).RequireAuthorization().WithSummary("The account's users with their roles.");
        users.MapPost("/invitations", InviteAsync).RequireAuthorization().RequirePermission(Permission.Admin)
            .WithSummary("Owner: invite {email, role}; the token is shown once and lasts 7 days.").WithoutIdempotentReplay();
        users.MapPost("/invitations/{token}/accept", AcceptAsync).AllowAnonymous()
            .WithSummary("Accept an invitation with a password: the user and a first API key (shown once).").WithoutIdempotentReplay();
        users.MapPut("/{id}", ChangeRoleAsync).RequireAuthorization().RequirePermission(Permission.Admin)
            .WithSummary("Owner: a new role {role}; it acts at once. The last Owner cannot step down (409 users.last_owner).");
        users.MapDelete("/{id}", RemoveAsync).RequireAuthorization().RequirePermission(Permission.Admin)
            .WithSummary("Owner: remove a user; their keys stop working at once. The last Owner cannot be removed.");
        return app;
    }

    private static async Task<Created<SignUpResponse>> SignUpAsync(SignUp.Request request, SignUp signUp, CancellationToken ct)
    {
        var r = await signUp.HandleAsync(request, ct);
        return TypedResults.Created("/api/v1/me", new SignUpResponse(r.Account.ToResponse(), r.User.ToResponse(), r.ApiKey));
    }

    private static async Task<Ok<MeResponse>> MeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == principal.AccountId(), ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == principal.UserId(), ct);
        return TypedResults.Ok(new MeResponse(account.ToResponse(), user.ToResponse()));
    }

    private static async Task<Ok<Page<ApiKeyResponse>>> ListKeysAsync(ClaimsPrincipal principal, AppDbContext db, int? limit,
        string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await (await db.ManageableAsync(principal.UserId(), ct)).AsNoTracking()
            .ToPageAsync(PageRequest.From(limit, cursor), k => k.ToResponse(), ct));

    private static async Task<Created<NewApiKeyResponse>> CreateKeyAsync(CreateApiKey.Request request, ClaimsPrincipal principal,
        CreateApiKey useCase, CancellationToken ct)
    {
        var (key, secret) = await useCase.HandleAsync(principal.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new NewApiKeyResponse(key.Id, key.Name, key.Prefix, key.CreatedAt, secret));
    }

    private static async Task<Created<NewApiKeyResponse>> RotateKeyAsync(string id, ClaimsPrincipal principal, RotateApiKey useCase,
        CancellationToken ct)
    {
        var (key, secret) = await useCase.HandleAsync(principal.UserId(), id, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new NewApiKeyResponse(key.Id, key.Name, key.Prefix, key.CreatedAt, secret));
    }

    private static async Task<Ok<ApiKeyResponse>> RevokeKeyAsync(string id, ClaimsPrincipal principal, RevokeApiKey useCase,
        CancellationToken ct) =>
        TypedResults.Ok((await useCase.HandleAsync(principal.UserId(), id, ct)).ToResponse());

    private static async Task<Ok<Page<AccountUserResponse>>> ListUsersAsync(ClaimsPrincipal principal, AppDbContext db, int? limit,
        string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.Users.AsNoTracking().Where(u => u.AccountId == principal.AccountId())
            .ToPageAsync(PageRequest.From(limit, cursor), u => u.ToListResponse(), ct));

    private static async Task<Created<InvitationResponse>> InviteAsync(InviteUser.Request request, ClaimsPrincipal principal,
        InviteUser useCase, CancellationToken ct)
    {
        var (invitation, token) = await useCase.HandleAsync(principal.AccountId(), principal.UserId(), request, ct);
        return TypedResults.Created("/api/v1/users",
            new InvitationResponse(invitation.Id, invitation.Email, invitation.Role, token, invitation.ExpiresAt));
    }

    private static async Task<Created<AcceptedInvitationResponse>> AcceptAsync(string token, AcceptInvitation.Request request,
        AcceptInvitation useCase, CancellationToken ct)
    {
        var r = await useCase.HandleAsync(token, request, ct);
        return TypedResults.Created("/api/v1/me", new AcceptedInvitationResponse(r.User.ToResponse(), r.ApiKey));
    }

    private static async Task<Ok<AccountUserResponse>> ChangeRoleAsync(string id, ChangeUserRole.Request request,
        ClaimsPrincipal principal, ChangeUserRole useCase, CancellationToken ct) =>
        TypedResults.Ok((await useCase.HandleAsync(principal.AccountId(), id, request, ct)).ToListResponse());

    private static async Task<NoContent> RemoveAsync(string id, ClaimsPrincipal principal, RemoveUser useCase, CancellationToken ct)
    {
        await useCase.HandleAsync(principal.AccountId(), id, ct);
        return TypedResults.NoContent();
    }
}
