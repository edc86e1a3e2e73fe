namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// A test against the throwaway PostgreSQL cluster test.sh starts (IPWH_TEST_POSTGRES). Locally,
/// without the variable, it is skipped with a message; on CI (CI=true) it runs and fails, because a
/// misconfigured CI must never skip silently (Npgsql's IgnoreExceptOnBuildServer).
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresSchema.ConnectionString is null && !PostgresSchema.IsCi)
        {
            Skip = $"{PostgresSchema.Variable} is not set: run ./test.sh (it starts a throwaway PostgreSQL 15 cluster), or export an Npgsql connection string.";
        }
    }
}
