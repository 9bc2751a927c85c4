namespace ReturnLoop.Features.Audit;

public static class AuditSetup
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddScoped<AuditQueries>();
        // Composes with the AddDbContextFactory of DatabaseSetup: every context writes the audit log with its saves.
        builder.Services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        return builder;
    }
}
