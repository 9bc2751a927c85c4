namespace ReturnLoop.Features.Accounts;

public sealed record AccountResponse(string Id, string Name, string Currency, DateTimeOffset CreatedAt);
public sealed record UserResponse(string Id, string Email);
public sealed record SignUpResponse(AccountResponse Account, UserResponse User, string ApiKey);
public sealed record MeResponse(AccountResponse Account, UserResponse User);
public sealed record ApiKeyResponse(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
public sealed record NewApiKeyResponse(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, string ApiKey);

public static class AccountsApi
{
    public static AccountResponse ToResponse(this Account a) => new(a.Id, a.Name, a.Currency, a.CreatedAt);
    private static ApiKeyResponse ToResponse(this ApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Accounts");
        g.MapPost("/accounts", SignUpAsync).AllowAnonymous()
            .WithSummary("Sign up: a new account, its first user and an API key (shown once).");
        g.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("The account and user behind the key.");
        g.MapGet("/api-keys", ListKeysAsync).RequireAuthorization().WithSummary("The account's API keys (never the secrets).");
        g.MapPost("/api-keys", CreateKeyAsync).RequireAuthorization()
            .WithSummary("Issue another API key for the calling user; shown once.").WithoutIdempotentReplay();
        g.MapPost("/api-keys/{id}/revoke", RevokeKeyAsync).RequireAuthorization();
        g.MapPost("/api-keys/{id}/rotate", RotateKeyAsync).RequireAuthorization()
            .WithSummary("The key's user: a new key with the same name, shown once; the old one stops working.").WithoutIdempotentReplay();
        return app;
    }

    private static async Task<Created<SignUpResponse>> SignUpAsync(SignUp.Request request, SignUp signUp, CancellationToken ct)
    {
        var r = await signUp.HandleAsync(request, ct);
        return TypedResults.Created("/api/v1/me",
            new SignUpResponse(r.Account.ToResponse(), new UserResponse(r.User.Id, r.User.Email), r.ApiKey));
    }

    private static async Task<Ok<MeResponse>> MeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == principal.AccountId(), ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == principal.UserId(), ct);
        return TypedResults.Ok(new MeResponse(account.ToResponse(), new UserResponse(user.Id, user.Email)));
    }

    private static async Task<Ok<Page<ApiKeyResponse>>> ListKeysAsync(ClaimsPrincipal principal, AppDbContext db, int? limit,
        string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == principal.AccountId())
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
        TypedResults.Ok((await useCase.HandleAsync(principal.AccountId(), id, ct)).ToResponse());
}
