namespace ReturnLoop.Infrastructure.Storage;

/// <summary>
/// Where uploaded files live (payment proofs): outside the web root, each under a random key the store chooses, so no
/// client-given name ever reaches a path. The database keeps only the key and the file's metadata. Several app instances
/// share one store (for the file system: one shared volume mounted at the same <c>Storage:Path</c> on each).
/// </summary>
public interface IFileStore
{
    /// <summary>Writes the whole content under a new random key and returns the key; nothing is visible under it before the end.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>The file to read, or null when no file has the key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Deletes the file; a key with no file is not an error (deleting twice is harmless).</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>The keys of files saved before <paramref name="before"/>, for the sweep of files no row refers to.</summary>
    IAsyncEnumerable<string> ListSavedBeforeAsync(DateTimeOffset before, CancellationToken ct);
}
