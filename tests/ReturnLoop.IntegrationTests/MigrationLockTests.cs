using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 5, defect 7: start-up never hangs on a stale SQLite migration lock. EF Core marks a migration in progress
/// with a row in __EFMigrationsLock; a process killed while migrating leaves it behind. The app, started for real as
/// a child process, clears a row that no living process holds and comes up. SQLite only: on PostgreSQL EF takes an
/// advisory lock, which the server releases when the session of a dead process ends.
/// </summary>
public sealed partial class MigrationLockTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_lock_left_by_a_killed_process_is_cleared_and_the_app_starts()
    {
        var database = NewDatabaseWithStaleLock();

        await using var app = AppProcess.Start(database);
        var url = await app.WaitUntilListeningAsync(StartTimeout);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync($"{url}/health")).StatusCode);
        Assert.Contains("Cleared a stale EF Core migration lock", app.Output);
        Assert.Equal(0L, Scalar(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
        Assert.True((long)Scalar(database, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\";")! > 0);
    }

    [Fact]
    public async Task A_lock_a_living_process_holds_is_waited_for_not_cleared()
    {
        var database = NewDatabaseWithStaleLock();

        // This test process plays a living migrator: it holds the lock file beside the database.
        var holder = new FileStream(database + ".migrate.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var app = AppProcess.Start(database);
        await app.WaitForOutputAsync("Another process is migrating this database", StartTimeout);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1L, Scalar(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
        Assert.Null(app.ListeningUrl);

        // The holder "dies": the OS releases its file lock, and the waiting app clears the row it left.
        await holder.DisposeAsync();
        var url = await app.WaitUntilListeningAsync(StartTimeout);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync($"{url}/health")).StatusCode);
        Assert.Contains("Cleared a stale EF Core migration lock", app.Output);
    }

    /// <summary>A new database as a process killed at the start of migrating leaves it: the lock row, nothing applied.</summary>
    private static string NewDatabaseWithStaleLock()
    {
        var path = Path.Combine(Path.GetTempPath(), $"returnloop-lock-{Guid.NewGuid():N}.db");
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        // Exactly what EF Core 10's SqliteHistoryRepository writes when it takes the lock.
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
                "Timestamp" TEXT NOT NULL
            );
            INSERT OR IGNORE INTO "__EFMigrationsLock"("Id", "Timestamp")
                VALUES(1, '{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.FFFFFFFzzz}');
            """;
        command.ExecuteNonQuery();
        return path;
    }

    private static object? Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The built app (ReturnLoop.dll, copied beside the tests) in a process of its own.</summary>
    private sealed partial class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppProcess(Process process) => _process = process;

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public string? ListeningUrl => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

        public static AppProcess Start(string database)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ReturnLoop.dll"), "--urls", "http://127.0.0.1:0" })
                start.ArgumentList.Add(arg);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__ReturnLoop"] = new SqliteConnectionStringBuilder { DataSource = database }.ToString();
            start.Environment["Demo__Seed"] = "false";
            start.Environment["Logging__Console__FormatterName"] = "simple";
            start.Environment["Logging__Format"] = "simple"; // the test reads "Now listening on:" from the plain console log

            var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
            app._process.Exited += (_, _) => app._listening.TrySetException(
                new InvalidOperationException($"The app exited ({app._process.ExitCode}) before listening. Output:\n{app.Output}"));
            app._process.OutputDataReceived += (_, e) => app.Received(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Received(e.Data);
            app._process.Start();
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            return app;
        }

        public async Task<string> WaitUntilListeningAsync(TimeSpan timeout)
        {
            try
            {
                return await _listening.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The app did not start within {timeout.TotalSeconds} s. Its output:\n{Output}");
            }
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"No '{text}' within {timeout.TotalSeconds} s. Output:\n{Output}");
                if (_process.HasExited) throw new InvalidOperationException($"The app exited ({_process.ExitCode}). Output:\n{Output}");
                await Task.Delay(50);
            }
        }

        private void Received(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } m) _listening.TrySetResult(m.Groups[1].Value);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex ListeningOn();
    }
}
