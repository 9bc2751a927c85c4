using ReturnLoop.Data;
using ReturnLoop.Infrastructure.Web;
using ReturnLoop.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ReturnLoop.IntegrationTests.Operations;

/// <summary>Two app instances on one PostgreSQL database: a page open on one sees what is saved through the other.</summary>
public sealed class LiveUpdateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_change_saved_on_one_instance_reaches_the_open_pages_of_another()
    {
        await using var first = AppFactory.Started(AppFactory.Isolated(DatabaseProvider.Postgres));
        await using var second = AppFactory.Started(AppFactory.Isolated(DatabaseProvider.Postgres, settings: new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = first.ConnectionString,
        }));
        await second.Services.GetRequiredService<PostgresAccountChanges>().Listening.WaitAsync(Patience);
        await first.Services.GetRequiredService<PostgresAccountChanges>().Listening.WaitAsync(Patience);

        var (supplier, supplierId) = await World.SignUpAsync(first, "Supplier");
        var (_, otherId) = await World.SignUpAsync(first, "Other");
        // The sign-ups' notifications travel after their answers: let them arrive before the pages open. They go out
        // in order, so once a later one from the first instance is in, so are they.
        await Barrier(second, "before", () => first.Services.GetRequiredService<AccountChanges>().Publish(["before"]));

        var onSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onFirst = 0;
        var otherOnSecond = 0;
        using var pageOnSecond = second.Services.GetRequiredService<AccountChanges>().Subscribe(supplierId, () =>
        {
            onSecond.TrySetResult();
            return Task.CompletedTask;
        });
        using var otherPageOnSecond = second.Services.GetRequiredService<AccountChanges>().Subscribe(otherId, () =>
        {
            Interlocked.Increment(ref otherOnSecond);
            return Task.CompletedTask;
        });
        using var pageOnFirst = first.Services.GetRequiredService<AccountChanges>().Subscribe(supplierId, () =>
        {
            Interlocked.Increment(ref onFirst);
            return Task.CompletedTask;
        });

        (await supplier.Post("/api/v1/warehouses", new { code = "OWN", name = "Own warehouse", kind = "Own" })).Ok();

        await onSecond.Task.WaitAsync(Patience);
        // The first instance hears its own notification too (it was sent, the second got it): one sent after it by
        // someone else arrives after it.
        await Barrier(first, "after", () =>
        {
            using var connection = new NpgsqlConnection(first.ConnectionString);
            connection.Open();
            using var notify = new NpgsqlCommand($"SELECT pg_notify('{PostgresAccountChanges.Channel}', 'test after')", connection);
            notify.ExecuteNonQuery();
        });
        // Its own instance delivered it once, in process, and ignored its own NOTIFY; another account's page stayed still.
        Assert.Equal(1, Volatile.Read(ref onFirst));
        Assert.Equal(0, Volatile.Read(ref otherOnSecond));
    }

    private static async Task Barrier(AppFactory at, string key, Action send)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = at.Services.GetRequiredService<AccountChanges>().Subscribe(key, () =>
        {
            arrived.TrySetResult();
            return Task.CompletedTask;
        });
        send();
        await arrived.Task.WaitAsync(Patience);
    }

    [Fact]
    public void On_sqlite_the_changes_stay_in_process()
    {
        var app = AppFactory.For(DatabaseProvider.Sqlite);
        Assert.Null(app.Services.GetService<AccountChangesRelay>());
        Assert.Null(app.Services.GetService<PostgresAccountChanges>());
    }

    [Fact]
    public void Payloads_stay_under_the_notify_limit_and_carry_every_id()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => i.ToString("x32")).ToList();
        var payloads = PostgresAccountChanges.Payloads("me", ids).ToList();
        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(p.Length < 8000));
        Assert.All(payloads, p => Assert.StartsWith("me ", p));
        Assert.Equal(ids, payloads.SelectMany(p => p[3..].Split(',')));
    }
}
