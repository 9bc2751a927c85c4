namespace ReturnLoop.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// The store's folder; relative paths are under the content root. Default: <c>files</c> beside the SQLite file in the
    /// data folder (App_Data/files). Instances sharing one database must share this folder too (one shared volume).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>How old a file no row refers to must be before the sweep deletes it: longer than any upload's save takes.</summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public bool SweepEnabled { get; set; } = true;
}

public static class StorageSetup
{
    /// <summary>The file store (payment proofs) on the file system, never under the web root, and the sweep of orphans.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageOptions.Section);
        builder.Services.AddOptions<StorageOptions>().Bind(section);
        var root = RootOf(builder.Environment, builder.Configuration, section[nameof(StorageOptions.Path)]);
        builder.Services.AddSingleton<IFileStore>(_ => new FileSystemFileStore(root));
        if (!ApiDocument.IsBuildTimeGeneration) builder.Services.AddHostedService<OrphanFileSweeper>();
        return builder;
    }

    public static string RootOf(IHostEnvironment environment, IConfiguration configuration, string? configured)
    {
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, configuration["Database:DataFolder"] ?? "App_Data", "files")
            : Path.Combine(environment.ContentRootPath, configured));
        // Anything under the web root could be served as a static file, bypassing the two-party check.
        var webRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "wwwroot"));
        if (environment is IWebHostEnvironment { WebRootPath: { Length: > 0 } w }) webRoot = Path.GetFullPath(w);
        if (IsUnder(root, webRoot))
            throw new InvalidOperationException($"Storage:Path {root} is inside the web root {webRoot}: uploads must stay outside it.");
        return root;
    }

    public static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
