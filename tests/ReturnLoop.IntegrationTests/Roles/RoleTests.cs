using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Roles;

/// <summary>
/// api.md "Users, roles, sign-in and audit": what Owner, Finance, Warehouse and Viewer may do, over every write route of
/// the OpenAPI document; invitations; the last Owner; a removed or demoted user's key and cookie losing their powers at once.
/// </summary>
public sealed class RoleTests
{
    public const string Password = "correct horse battery";

    public static readonly string[] Roles = ["Owner", "Finance", "Warehouse", "Viewer"];

    /// <summary>An Owner's account with one user of each other role, each with the API key the invitation gave.</summary>
    public sealed record Team(AppFactory App, Api Owner, string AccountId, Dictionary<string, Api> ByRole,
        Dictionary<string, string> UserIds, Dictionary<string, string> Emails);

    public static async Task<Team> TeamAsync(AppFactory app)
    {
        var (owner, accountId) = await World.SignUpAsync(app, "Team");
        var byRole = new Dictionary<string, Api> { ["Owner"] = owner };
        var userIds = new Dictionary<string, string> { ["Owner"] = (await owner.Get("/api/v1/me")).Ok()["user"].S("id") };
        var emails = new Dictionary<string, string>();
        foreach (var role in Roles.Skip(1))
        {
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
            var invitation = (await owner.Post("/api/v1/users/invitations", new { email, role })).Ok();
            var accepted = (await app.Client().Post($"/api/v1/users/invitations/{invitation.Str("token")}/accept",
                new { password = Password })).Ok();
            Assert.Equal(role, accepted["user"].S("role"));
            byRole[role] = app.Client(accepted.Str("apiKey"));
            userIds[role] = accepted["user"].S("id");
            emails[role] = email;
        }
        return new Team(app, owner, accountId, byRole, userIds, emails);
    }

    /// <summary>api.md's table, written out independently of the code: which roles may call a write route.</summary>
    private static string[] AllowedRoles(string path)
    {
        string[] all = ["Owner", "Finance", "Warehouse", "Viewer"], ops = ["Owner", "Warehouse"], money = ["Owner", "Finance"];
        if (path.StartsWith("/api/v1/api-keys")) return all;
        if (path.EndsWith("/refund-orders") || path.EndsWith("/payments") || path.EndsWith("/credits")
            || path.StartsWith("/api/v1/supplier/refund-orders") || path.StartsWith("/api/v1/after-sales-refunds")
            || path.StartsWith("/api/v1/supplier/charge-settings")) return money;
        if (path.EndsWith("/stock-in") || path.EndsWith("/acknowledge")) return ops;
        string[] operations = ["/api/v1/warehouses", "/api/v1/skus", "/api/v1/merchant-skus", "/api/v1/inventory",
            "/api/v1/store-orders", "/api/v1/distribution-orders", "/api/v1/after-sales-orders", "/api/v1/distribution-returns",
            "/api/v1/settings/distribution-returns"];
        if (operations.Any(path.StartsWith)) return ops;
        return ["Owner"]; // partnerships, users, webhook endpoints, shops, and anything new
    }

    private static readonly string[] Anonymous = ["/api/v1/accounts", "/api/v1/auth/login", "/api/v1/auth/logout",
        "/api/v1/users/invitations/{token}/accept"];

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_write_route_refuses_the_roles_the_table_does_not_allow_with_403_forbidden(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        var writes = (await Trust.OperationsAsync(team.App))
            .Where(o => o.Path.StartsWith("/api/") && o.Method != "GET" && !Anonymous.Contains(o.Path)).ToList();
        Assert.True(writes.Count >= 45, $"Only {writes.Count} write routes in the document.");

        var refused = 0;
        foreach (var op in writes)
        {
            var allowed = AllowedRoles(op.Path);
            foreach (var role in Roles)
            {
                // A made-up id and an empty body: a refusal must come before either is looked at.
                var url = System.Text.RegularExpressions.Regex.Replace(op.Path, "\\{[^}]+\\}", "no-such-id");
                var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = JsonContent.Create(new { }) };
                if (op.TakesForm)
                {
                    // routing itself matches the upload route by its media type (415 otherwise), before anyone is asked
                    var form = new MultipartFormDataContent();
                    form.Add(new ByteArrayContent(Trust.Png), "file", "proof.png");
                    request.Content = form;
                }
                var reply = await team.ByRole[role].Send(request);
                if (allowed.Contains(role))
                    Assert.False(reply.Status == HttpStatusCode.Forbidden,
                        $"{role} may {op} but got 403: {reply.Json?.ToJsonString()}");
                else
                {
                    Assert.True(reply.Status == HttpStatusCode.Forbidden && reply.Code == "forbidden",
                        $"{role} may not {op}: expected 403 forbidden but got {(int)reply.Status} {reply.Json?.ToJsonString()}");
                    refused++;
                }
            }
        }
        Assert.True(refused >= 80, $"Only {refused} refusals checked.");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reading_is_open_to_every_role_and_a_refusal_comes_before_the_body_is_read(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        foreach (var role in Roles)
        {
            var api = team.ByRole[role];
            Assert.Equal(4, (await api.Get("/api/v1/users")).Ok().Items.Count);
            (await api.Get("/api/v1/supplier/refund-orders")).Ok();
            (await api.Get("/api/v1/after-sales-orders")).Ok();
            (await api.Get("/api/v1/inventory")).Ok();
        }
        // Malformed JSON: the warehouse clerk is refused the refund, not told about the body.
        (await team.ByRole["Warehouse"].PostRaw("/api/v1/supplier/return-stock-ins/x/refund-orders", "{ not json"))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        (await team.ByRole["Finance"].PostRaw("/api/v1/warehouses", "{ not json")).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await team.ByRole["Viewer"].Post("/api/v1/users/invitations", new { email = "x", role = "Nobody" }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        // The allowed role gets the real answer: the body is bad.
        (await team.ByRole["Warehouse"].PostRaw("/api/v1/warehouses", "{ \"code\": \"\" }")).Problem(HttpStatusCode.BadRequest,
            "validation.failed");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_warehouse_clerk_runs_stock_work_and_finance_the_money(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        var warehouse = (await team.ByRole["Warehouse"].Post("/api/v1/warehouses", new { code = "W1", name = "Main", kind = "Own" })).Ok();
        (await team.ByRole["Finance"].Put("/api/v1/supplier/charge-settings", new { distributionFee = 1.00m, returnHandlingFee = 2.00m }))
            .Ok();
        (await team.ByRole["Viewer"].Post($"/api/v1/warehouses/{warehouse.Id}/close")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(2.00m, (await team.ByRole["Viewer"].Get("/api/v1/supplier/charge-settings")).Ok().Dec("returnHandlingFee"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_invitation_token_is_shown_once_used_once_and_expires(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (owner, accountId) = await World.SignUpAsync(app, "Inviter");
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var invitation = (await owner.Post("/api/v1/users/invitations", new { email = email.ToUpperInvariant(), role = "Finance" })).Ok();
        Assert.Equal(HttpStatusCode.Created, invitation.Status);
        Assert.Equal(email, invitation.Str("email"));
        Assert.Equal("Finance", invitation.Str("role"));
        var token = invitation.Str("token");
        Assert.True(DateTimeOffset.Parse(invitation.Str("expiresAt")) > DateTimeOffset.UtcNow.AddDays(6.9));

        // Only the hash is stored.
        await using (var db = app.NewDbContext())
        {
            var stored = await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id);
            Assert.NotEqual(token, stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        }

        // The password policy: 400 with errors.password, the invitation still unused.
        foreach (var weak in new[] { "short", "password123", email, "aaaaaaaaaaaa" })
        {
            var bad = (await app.Client().Post($"/api/v1/users/invitations/{token}/accept", new { password = weak }))
                .Problem(HttpStatusCode.BadRequest, "validation.failed");
            Assert.NotNull(bad["errors"]["password"]);
        }

        var accepted = (await app.Client().Post($"/api/v1/users/invitations/{token}/accept", new { password = Password })).Ok();
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        var me = (await app.Client(accepted.Str("apiKey")).Get("/api/v1/me")).Ok();
        Assert.Equal(accountId, me["account"].S("id"));
        Assert.Equal("Finance", me["user"].S("role"));
        // signs in with the password set
        (await app.Client().Post("/api/v1/auth/login", new { email, password = Password })).Ok();

        // Used once.
        (await app.Client().Post($"/api/v1/users/invitations/{token}/accept", new { password = Password }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        (await app.Client().Post($"/api/v1/users/invitations/rli_made-up/accept", new { password = Password }))
            .Problem(HttpStatusCode.NotFound, "not_found");

        // An email that already signs in somewhere cannot be invited again.
        (await owner.Post("/api/v1/users/invitations", new { email, role = "Viewer" })).Problem(HttpStatusCode.Conflict, "conflict");

        // Expired after 7 days.
        var late = (await owner.Post("/api/v1/users/invitations", new { email = $"late-{Guid.NewGuid():N}@example.com", role = "Viewer" }))
            .Ok();
        await using (var db = app.NewDbContext())
            await db.Invitations.Where(i => i.Id == late.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        (await app.Client().Post($"/api/v1/users/invitations/{late.Str("token")}/accept", new { password = Password }))
            .Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_account_always_keeps_an_owner(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        var ownerId = team.UserIds["Owner"];
        (await team.Owner.Put($"/api/v1/users/{ownerId}", new { role = "Viewer" })).Problem(HttpStatusCode.Conflict, "users.last_owner");
        (await team.Owner.Send(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{ownerId}")))
            .Problem(HttpStatusCode.Conflict, "users.last_owner");

        // With a second Owner, the first may step down: and then has no Owner powers left.
        (await team.Owner.Put($"/api/v1/users/{team.UserIds["Finance"]}", new { role = "Owner" })).Ok();
        Assert.Equal("Viewer", (await team.Owner.Put($"/api/v1/users/{ownerId}", new { role = "Viewer" })).Ok().Str("role"));
        (await team.Owner.Post("/api/v1/users/invitations", new { email = $"x-{Guid.NewGuid():N}@example.com", role = "Viewer" }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        var newOwner = team.ByRole["Finance"];
        (await newOwner.Put($"/api/v1/users/{team.UserIds["Finance"]}", new { role = "Finance" }))
            .Problem(HttpStatusCode.Conflict, "users.last_owner");
        (await newOwner.Put($"/api/v1/users/{ownerId}", new { role = "Nobody" })).Problem(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_removed_users_keys_stop_at_once_and_a_demoted_user_loses_powers_at_once(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        var finance = team.ByRole["Finance"];
        (await finance.Put("/api/v1/supplier/charge-settings", new { distributionFee = 1.00m, returnHandlingFee = 1.00m })).Ok();

        (await team.Owner.Put($"/api/v1/users/{team.UserIds["Finance"]}", new { role = "Viewer" })).Ok();
        (await finance.Put("/api/v1/supplier/charge-settings", new { distributionFee = 1.00m, returnHandlingFee = 1.00m }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");

        var clerk = team.ByRole["Warehouse"];
        (await clerk.Get("/api/v1/me")).Ok();
        Assert.Equal(HttpStatusCode.NoContent,
            (await team.Owner.Send(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{team.UserIds["Warehouse"]}"))).Status);
        (await clerk.Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await clerk.Post("/api/v1/warehouses", new { code = "W", name = "W", kind = "Own" })).Problem(HttpStatusCode.Unauthorized,
            "auth.required");
        Assert.Equal(3, (await team.Owner.Get("/api/v1/users")).Ok().Items.Count);
        // The email is free again: the person can be invited back.
        (await team.Owner.Post("/api/v1/users/invitations", new { email = team.Emails["Warehouse"], role = "Warehouse" })).Ok();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cookie_session_follows_the_user_row(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        var browser = team.App.Client(); // keeps cookies
        (await browser.Post("/api/v1/auth/login", new { email = team.Emails["Finance"], password = Password })).Ok();
        var settings = new { distributionFee = 1.00m, returnHandlingFee = 1.00m };
        (await browser.Put("/api/v1/supplier/charge-settings", settings)).Ok();

        (await team.Owner.Put($"/api/v1/users/{team.UserIds["Finance"]}", new { role = "Viewer" })).Ok();
        (await browser.Put("/api/v1/supplier/charge-settings", settings)).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Viewer", (await browser.Get("/api/v1/me")).Ok()["user"].S("role"));

        (await team.Owner.Put($"/api/v1/users/{team.UserIds["Finance"]}", new { role = "Finance" })).Ok();
        (await browser.Put("/api/v1/supplier/charge-settings", settings)).Ok();

        (await team.Owner.Send(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{team.UserIds["Finance"]}"))).Ok();
        (await browser.Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Keys_belong_to_users_owners_see_and_manage_all_others_their_own(DatabaseProvider provider)
    {
        var team = await TeamAsync(AppFactory.For(provider));
        var viewer = team.ByRole["Viewer"];
        var viewerKey = (await viewer.Post("/api/v1/api-keys", new { name = "viewer-script" })).Ok();

        var ownerList = (await team.Owner.Get("/api/v1/api-keys")).Ok().Items;
        Assert.Equal(5, ownerList.Count); // one per user, and the viewer's second
        var viewerList = (await viewer.Get("/api/v1/api-keys")).Ok().Items;
        Assert.Equal(2, viewerList.Count);
        Assert.All(viewerList, k => Assert.Equal(team.UserIds["Viewer"], k!.S("userId")));

        // Others' keys are not found for a non-owner; an Owner rotates and revokes anyone's.
        var ownerKeyId = ownerList.Single(k => k!.S("userId") == team.UserIds["Owner"])!.S("id");
        (await viewer.Post($"/api/v1/api-keys/{ownerKeyId}/revoke")).Problem(HttpStatusCode.NotFound, "not_found");
        (await team.ByRole["Finance"].Post($"/api/v1/api-keys/{viewerKey.Id}/rotate")).Problem(HttpStatusCode.NotFound, "not_found");
        var rotated = (await team.Owner.Post($"/api/v1/api-keys/{viewerKey.Id}/rotate")).Ok();
        Assert.Equal(HttpStatusCode.Created, rotated.Status);
        var me = (await team.App.Client(rotated.Str("apiKey")).Get("/api/v1/me")).Ok();
        Assert.Equal(team.UserIds["Viewer"], me["user"].S("id")); // the new key is the viewer's, with the viewer's role
        Assert.Equal("Viewer", me["user"].S("role"));
        (await team.App.Client(viewerKey.Str("apiKey")).Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await team.Owner.Post($"/api/v1/api-keys/{rotated.Id}/revoke")).Ok();
        (await team.App.Client(rotated.Str("apiKey")).Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Last_used_is_written_at_most_once_a_minute(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (owner, _) = await World.SignUpAsync(app, "Used");
        var created = (await owner.Post("/api/v1/api-keys", new { name = "fresh" })).Ok();
        Assert.Null((await owner.Get("/api/v1/api-keys")).Ok().Items.Single(k => k!.S("id") == created.Id)!["lastUsedAt"]);

        var fresh = app.Client(created.Str("apiKey"));
        for (var i = 0; i < 5; i++) (await fresh.Get("/api/v1/me")).Ok();
        string? LastUsed(Reply list) => list.Items.Single(k => k!.S("id") == created.Id)!["lastUsedAt"]?.GetValue<string>();
        var first = LastUsed((await owner.Get("/api/v1/api-keys")).Ok());
        Assert.NotNull(first);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(first) < TimeSpan.FromMinutes(1));

        // Within the minute more requests write nothing: set it back a little and see it stay.
        var earlier = DateTimeOffset.UtcNow.AddSeconds(-30);
        await using (var db = app.NewDbContext())
            await db.ApiKeys.Where(k => k.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, earlier));
        for (var i = 0; i < 5; i++) (await fresh.Get("/api/v1/me")).Ok();
        await using (var db = app.NewDbContext())
        {
            var stored = (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Id)).LastUsedAt!.Value;
            Assert.True((stored - earlier).Duration() < TimeSpan.FromMilliseconds(5), $"{stored:O} ≠ {earlier:O}");
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sign_up_applies_the_password_policy(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var email = $"policy-{Guid.NewGuid():N}@example.com";
        foreach (var weak in new[] { "short1", "1234567890", "qwertyuiop", email, "0000000000000" })
        {
            var reply = (await app.Client().Post("/api/v1/accounts",
                    new { name = "P", currency = "MYR", userEmail = email, password = weak }))
                .Problem(HttpStatusCode.BadRequest, "validation.failed");
            Assert.NotNull(reply["errors"]["password"]);
        }
        (await app.Client().Post("/api/v1/accounts", new { name = "P", currency = "MYR", userEmail = email, password = Password })).Ok();
    }
}
