using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReturnLoop.Data;
using ReturnLoop.Infrastructure;
using ReturnLoop.Infrastructure.Idempotency;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 5, defect 1: an Idempotency-Key never stores a secret (a new API key is shown once), and a stored answer
/// expires after Idempotency:Retention (24 hours by default): it is then not replayed and is swept.
/// </summary>
public sealed class IdempotencyRetentionTests
{
    private const string Replayed = "Idempotent-Replayed";

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_api_key_is_never_stored_for_replay_and_a_retry_says_it_cannot_be_shown_again(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (client, accountId) = await World.SignUpAsync(app, "SecretKeeper");
        var key = NewKey();

        var created = (await client.Post("/api/v1/api-keys", new { name = "ci" }, key)).Ok();
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var secret = created.Str("apiKey");
        var location = created.Headers["Location"];

        await using (var db = app.NewDbContext())
        {
            var record = Assert.Single(
                await db.IdempotencyRecords.AsNoTracking().Where(r => r.AccountId == accountId).ToListAsync());
            Assert.Null(record.ResponseBody);
            Assert.Null(record.ContentType);
            Assert.Equal(location, record.Location);
            var bodies = await db.IdempotencyRecords.AsNoTracking().Select(r => r.ResponseBody).ToListAsync();
            Assert.DoesNotContain(bodies, b => b != null
                && System.Text.Encoding.UTF8.GetString(b).Contains(secret, StringComparison.Ordinal));
        }

        // The retry creates nothing and says where the first key is; the secret is not shown again.
        var retry = (await client.Post("/api/v1/api-keys", new { name = "ci" }, key))
            .Problem(HttpStatusCode.Conflict, "idempotency.not_replayable");
        Assert.Equal(location, retry.Str("location"));
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(retry.Body), StringComparison.Ordinal);
        (await client.Post("/api/v1/api-keys", new { name = "other" }, key))
            .Problem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.Equal(2, (await client.Get("/api/v1/api-keys")).Ok().Items.Count); // the sign-up key and the one created
        (await app.Client(secret).Get("/api/v1/me")).Ok();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_answer_older_than_the_retention_is_not_replayed_and_is_swept(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(MicrosecondClock.Truncate(DateTimeOffset.UtcNow));
        // The default retention (24 h); the background sweep is off so the test sweeps by hand, deterministically.
        await using var app = AppFactory.Isolated(provider, s => s.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["Idempotency:SweepInterval"] = Timeout.InfiniteTimeSpan.ToString() });
        var (client, accountId) = await World.SignUpAsync(app, "Retention");
        string kept = NewKey(), expiring = NewKey();

        var first = (await client.Post("/api/v1/warehouses", new { code = "A", name = "A", kind = "Own" }, kept)).Ok();
        (await client.Post("/api/v1/warehouses", new { code = "B", name = "B", kind = "Own" }, expiring)).Ok();

        clock.Advance(TimeSpan.FromHours(23));
        var replay = await client.Post("/api/v1/warehouses", new { code = "A", name = "A", kind = "Own" }, kept);
        Assert.Equal("true", replay.Headers.GetValueOrDefault(Replayed));
        Assert.Equal(first.Id, replay.Id);

        // Past the retention the key works anew: another body is no longer key_reused, and it is not a replay.
        clock.Advance(TimeSpan.FromHours(2));
        var fresh = (await client.Post("/api/v1/warehouses", new { code = "C", name = "C", kind = "Own" }, kept)).Ok();
        Assert.Equal(HttpStatusCode.Created, fresh.Status);
        Assert.False(fresh.Headers.ContainsKey(Replayed));
        Assert.NotEqual(first.Id, fresh.Id);

        var sweeper = app.Services.GetRequiredService<IdempotencySweeper>();
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal([kept], await KeysOf(app, accountId));

        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Empty(await KeysOf(app, accountId));
        Assert.Equal(3, (await client.Get("/api/v1/warehouses")).Ok().Items.Count);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_sweeper_deletes_in_batches_until_nothing_expired_is_left(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(MicrosecondClock.Truncate(DateTimeOffset.UtcNow));
        await using var app = AppFactory.Isolated(provider, s => s.AddSingleton<TimeProvider>(clock), new Dictionary<string, string?>
        {
            ["Idempotency:SweepInterval"] = Timeout.InfiniteTimeSpan.ToString(),
            ["Idempotency:SweepBatchSize"] = "2",
        });
        var (client, accountId) = await World.SignUpAsync(app, "Batches");
        for (var i = 0; i < 5; i++)
            (await client.Post("/api/v1/warehouses", new { code = $"W{i}", name = "W", kind = "Own" }, NewKey())).Ok();
        clock.Advance(TimeSpan.FromHours(25));
        var recent = NewKey();
        (await client.Post("/api/v1/warehouses", new { code = "NEW", name = "W", kind = "Own" }, recent)).Ok();

        Assert.Equal(5, await app.Services.GetRequiredService<IdempotencySweeper>().SweepAsync(CancellationToken.None));
        Assert.Equal([recent], await KeysOf(app, accountId));
    }

    private static async Task<List<string>> KeysOf(AppFactory app, string accountId)
    {
        await using var db = app.NewDbContext();
        return await db.IdempotencyRecords.AsNoTracking().Where(r => r.AccountId == accountId).Select(r => r.Key).ToListAsync();
    }
}
