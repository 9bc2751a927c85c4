using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ReturnLoop.Infrastructure.Storage;

/// <summary>
/// The file store on a folder: a key is 32 random hex characters, kept in a sub-folder named by its first two (so no
/// folder grows past a few thousand files). A file is written under a temporary name and moved to its key once
/// complete, so a reader never sees half a file and a crash leaves only a <c>.tmp</c> the sweep removes.
/// </summary>
public sealed partial class FileSystemFileStore : IFileStore
{
    private const string TempSuffix = ".tmp";

    public FileSystemFileStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The file of a key, for tests and operators; null for anything that is not a key (no path ever escapes the root).</summary>
    public string? PathOf(string key) => IsKey(key) ? Path.Combine(Root, key[..2], key) : null;

    public static bool IsKey(string key) => KeyPattern().IsMatch(key);

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + TempSuffix;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);   // on disk before any row points at it
            }
            File.Move(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (path is null || !File.Exists(path)) return Task.FromResult<Stream?>(null);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                useAsync: true));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);   // deleted by a replacing upload between the check and the open
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        if (PathOf(key) is { } path) File.Delete(path);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListSavedBeforeAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                ct.ThrowIfCancellationRequested();
                if (File.GetLastWriteTimeUtc(path) >= before.UtcDateTime) continue;
                var name = Path.GetFileName(path);
                if (name.EndsWith(TempSuffix, StringComparison.Ordinal))
                {
                    File.Delete(path);   // an upload that never finished: no key was ever handed out for it
                    continue;
                }
                if (IsKey(name)) yield return name;
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
