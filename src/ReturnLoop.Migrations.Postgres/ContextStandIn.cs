namespace ReturnLoop.Data;

/// <summary>
/// Stands in for the host's AppDbContext in the generated [DbContext(typeof(AppDbContext))] attributes:
/// this project cannot reference the host (the host references it), so the host matches migrations to its
/// context by this type's full name (see ReturnLoop.Data.NamedMigrationsAssembly).
/// </summary>
internal sealed class AppDbContext;
