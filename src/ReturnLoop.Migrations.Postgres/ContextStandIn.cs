using Microsoft.EntityFrameworkCore;

// The generated migrations say 'using ReturnLoop.Data;' (the host context's namespace): it must exist here too.
namespace ReturnLoop.Data
{
    internal static class HostContextNamespace;
}

namespace ReturnLoop.Migrations.Postgres
{
    /// <summary>
    /// Stands in for the host's ReturnLoop.Data.AppDbContext in the generated [DbContext(typeof(AppDbContext))]
    /// attributes: this project cannot reference the host (the host references it). The generated files live in a
    /// namespace inside this one, so C# resolves the name to this type; the host matches migrations to its context
    /// by type name (see ReturnLoop.Data.NamedMigrationsAssembly). It is a DbContext, and named apart from the host's,
    /// so that 'dotnet ef' can tell the two contexts apart (--context ReturnLoop.Data.AppDbContext).
    /// </summary>
    internal sealed class AppDbContext : DbContext;
}
