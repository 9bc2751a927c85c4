using System.Text;
using System.Threading.Channels;
using Npgsql;

namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// Where several app instances share one PostgreSQL database, a change saved on one must refresh the pages open on
/// the others. <see cref="AccountChanges.Publish"/> still delivers in this process at once, and hands the account ids
/// to this relay, which a NOTIFY carries to every instance; each one's <see cref="PostgresAccountChanges"/> LISTENs
/// and delivers what another instance sent. SQLite runs one instance: nothing of this is registered there.
/// </summary>
public sealed class AccountChangesRelay
{
    // A database that does not answer must not grow memory without end: the oldest refreshes are the ones to lose.
    private readonly Channel<string[]> _outgoing = Channel.CreateBounded<string[]>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Tells this instance's own notifications apart: it delivered them already.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public void Send(IReadOnlyCollection<string> accountIds) => _outgoing.Writer.TryWrite([.. accountIds]);

    internal ChannelReader<string[]> Outgoing => _outgoing.Reader;
}

/// <summary>Sends this instance's account changes with NOTIFY and delivers the other instances' from a LISTEN connection.</summary>
public sealed partial class PostgresAccountChanges(
    AccountChanges changes, AccountChangesRelay relay, string connectionString, ILogger<PostgresAccountChanges> logger) : BackgroundService
{
    public const string Channel = "returnloop_account_changes";

    // NOTIFY payloads must stay under 8000 bytes; ids are 32 ASCII characters.
    private const int MaxPayload = 7000;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before saving on another instance).</summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        // Its own connection, outside the pool: returning it to the pool would reset it and end the LISTEN.
        var listenerConnection = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var delay = TimeSpan.FromSeconds(1);
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenerConnection);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Received(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                _listening.TrySetResult();
                // What the others sent while this one was not listening is unknown: every open page reloads once.
                if (lost) changes.DeliverAll();
                lost = false;
                delay = TimeSpan.FromSeconds(1);
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!lost) LogListenFailed(e, delay);
                lost = true;
            }
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private void Received(string payload)
    {
        var space = payload.IndexOf(' ');
        if (space <= 0 || payload.AsSpan(0, space).SequenceEqual(relay.Instance)) return;
        var ids = payload[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0) changes.Deliver(ids);
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2 }.ConnectionString);
        try
        {
            while (await relay.Outgoing.WaitToReadAsync(ct))
            {
                // Everything queued meanwhile goes in one round trip, each account once.
                var ids = new HashSet<string>(StringComparer.Ordinal);
                while (relay.Outgoing.TryRead(out var more)) ids.UnionWith(more);
                if (ids.Count == 0) continue;
                try
                {
                    await using var batch = dataSource.CreateBatch();
                    foreach (var payload in Payloads(relay.Instance, ids))
                    {
                        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                        {
                            Parameters = { new NpgsqlParameter { Value = Channel }, new NpgsqlParameter { Value = payload } },
                        });
                    }
                    await batch.ExecuteNonQueryAsync(ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    LogNotifyFailed(e, ids.Count);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>"instance id1,id2,…", split so that each stays under the NOTIFY payload limit.</summary>
    internal static IEnumerable<string> Payloads(string instance, IEnumerable<string> ids)
    {
        var text = new StringBuilder(instance).Append(' ');
        var empty = text.Length;
        foreach (var id in ids)
        {
            if (text.Length > empty && text.Length + 1 + id.Length > MaxPayload)
            {
                yield return text.ToString();
                text.Length = empty;
            }
            if (text.Length > empty) text.Append(',');
            text.Append(id);
        }
        if (text.Length > empty) yield return text.ToString();
    }

    [LoggerMessage(LogLevel.Warning, "Listening for other instances' account changes failed; retrying in {Delay}")]
    private partial void LogListenFailed(Exception e, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Telling other instances of {Count} changed account(s) failed; their open pages miss this refresh")]
    private partial void LogNotifyFailed(Exception e, int count);
}

public static class AccountChangesAcrossInstances
{
    /// <summary>On PostgreSQL: the relay that AccountChanges hands each publication to, and the NOTIFY/LISTEN worker.</summary>
    public static IHostApplicationBuilder AddAccountChangesAcrossInstances(this IHostApplicationBuilder builder)
    {
        if (ApiDocument.IsBuildTimeGeneration) return builder;
        if (builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) != DatabaseProvider.Postgres) return builder;
        var connectionString = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString)) return builder; // AddDatabase refuses to start without one
        builder.Services.AddSingleton<AccountChangesRelay>();
        builder.Services.AddSingleton(sp => new PostgresAccountChanges(sp.GetRequiredService<AccountChanges>(),
            sp.GetRequiredService<AccountChangesRelay>(), connectionString, sp.GetRequiredService<ILogger<PostgresAccountChanges>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresAccountChanges>());
        return builder;
    }
}
