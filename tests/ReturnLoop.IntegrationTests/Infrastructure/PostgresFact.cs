namespace ReturnLoop.IntegrationTests.Infrastructure;

/// <summary>A test that only means something on PostgreSQL (several instances on one database): skipped when no cluster is set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(AppFactory.PostgresVariable)))
            Skip = $"{AppFactory.PostgresVariable} is not set: two instances need a shared PostgreSQL database.";
    }
}
