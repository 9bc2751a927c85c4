using System.Net;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// api.md: <c>POST /api/v1/api-keys/{id}/rotate</c> → 201 <c>{id, apiKey}</c>, a new key; the old one stops working. The new
/// secret is shown once, so it is never kept for an idempotent replay.
/// </summary>
public sealed class ApiKeyRotationTests
{
    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private static async Task<(AppFactory App, Api Client, string KeyId, string Secret)> KeyAsync(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (client, _) = await World.SignUpAsync(app, "Rotator");
        var created = (await client.Post("/api/v1/api-keys", new { name = "ci" })).Ok();
        return (app, client, created.Id, created.Str("apiKey"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rotating_issues_a_new_key_and_the_old_one_stops_working(DatabaseProvider provider)
    {
        var (app, client, keyId, oldSecret) = await KeyAsync(provider);
        var old = app.Client(oldSecret);
        (await old.Get("/api/v1/me")).Ok();

        var rotated = await old.Post($"/api/v1/api-keys/{keyId}/rotate");
        Assert.Equal(HttpStatusCode.Created, rotated.Status);
        var newSecret = rotated.Str("apiKey");
        Assert.NotEqual(keyId, rotated.Id);
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal($"/api/v1/api-keys/{rotated.Id}", rotated.Headers["Location"]);

        (await app.Client(newSecret).Get("/api/v1/me")).Ok();
        (await app.Client(oldSecret).Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");

        // The list shows the old key revoked and the new one under the same name; never a secret.
        var keys = (await client.Get("/api/v1/api-keys")).Ok();
        var byId = keys.Items.ToDictionary(k => k!["id"]!.GetValue<string>());
        Assert.NotNull(byId[keyId]!["revokedAt"]);
        Assert.Null(byId[rotated.Id]!["revokedAt"]);
        Assert.Equal("ci", byId[rotated.Id]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(newSecret, keys.Json!.ToJsonString(), StringComparison.Ordinal);

        // A revoked key cannot be rotated again.
        (await client.Post($"/api/v1/api-keys/{keyId}/rotate")).Problem(HttpStatusCode.Conflict, "state.not_allowed");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_accounts_key_is_not_found_and_keeps_working(DatabaseProvider provider)
    {
        var (app, _, keyId, secret) = await KeyAsync(provider);
        var (outsider, _) = await World.SignUpAsync(app, "Outsider");

        (await outsider.Post($"/api/v1/api-keys/{keyId}/rotate")).Problem(HttpStatusCode.NotFound, "not_found");
        (await outsider.Post($"/api/v1/api-keys/{Guid.NewGuid():N}/rotate")).Problem(HttpStatusCode.NotFound, "not_found");
        (await app.Client(secret).Get("/api/v1/me")).Ok();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_keyed_retry_is_not_replayed_and_the_new_secret_is_never_stored(DatabaseProvider provider)
    {
        var (app, client, keyId, _) = await KeyAsync(provider);
        var idempotencyKey = NewKey();

        var rotated = (await client.Post($"/api/v1/api-keys/{keyId}/rotate", null, idempotencyKey)).Ok();
        var secret = rotated.Str("apiKey");

        var retry = (await client.Post($"/api/v1/api-keys/{keyId}/rotate", null, idempotencyKey))
            .Problem(HttpStatusCode.Conflict, "idempotency.not_replayable");
        Assert.Equal(rotated.Headers["Location"], retry.Str("location"));
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(retry.Body), StringComparison.Ordinal);

        await using (var db = app.NewDbContext())
        {
            var bodies = await db.IdempotencyRecords.AsNoTracking().Select(r => r.ResponseBody).ToListAsync();
            Assert.DoesNotContain(bodies,
                b => b != null && System.Text.Encoding.UTF8.GetString(b).Contains(secret, StringComparison.Ordinal));
        }
        // One rotation only: the sign-up key, the old key (revoked) and its one successor.
        Assert.Equal(3, (await client.Get("/api/v1/api-keys")).Ok().Items.Count);
        (await app.Client(secret).Get("/api/v1/me")).Ok();
    }
}
