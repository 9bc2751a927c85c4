using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReturnLoop.Data;

/// <summary>
/// Finds the migrations of one provider's migrations project. Those projects cannot reference the host (the host
/// references them), so their generated attributes name a stand-in <c>AppDbContext</c> type of their own; a migration
/// belongs to this context when the type names match (each provider's project holds one context's migrations).
/// </summary>
internal sealed class NamedMigrationsAssembly(
    ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private readonly Lazy<Assembly> _assembly = new(() => Assembly.Load(new AssemblyName(
        options.Extensions.OfType<RelationalOptionsExtension>().Single().MigrationsAssembly
        ?? throw new InvalidOperationException("No migrations assembly is configured."))));

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public Assembly Assembly => _assembly.Value;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && IsForThisContext(t) && t.GetCustomAttribute<MigrationAttribute>() is not null)
        .OrderBy(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, StringComparer.Ordinal)
        .ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (_snapshotLoaded) return _snapshot;
            var type = Assembly.DefinedTypes.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && IsForThisContext(t));
            _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
            _snapshotLoaded = true;
            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private bool IsForThisContext(TypeInfo type) =>
        type.GetCustomAttribute<DbContextAttribute>()?.ContextType.Name == currentContext.Context.GetType().Name;
}
