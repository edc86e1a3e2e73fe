using Npgsql;

namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// A schema of its own in the test PostgreSQL cluster (IPWH_TEST_POSTGRES, started by test.sh), so
/// every test has its own job store; dropped with everything in it when disposed.
public sealed class PostgresSchema : IAsyncDisposable
{
    public const string Variable = "IPWH_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequiredConnectionString => ConnectionString ?? throw new InvalidOperationException(
        $"CI=true but {Variable} is not set: test.sh must start the PostgreSQL cluster and export {Variable} before running the tests.");

    private PostgresSchema(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// The cluster's connection string with this schema first on the search path.
    public string Connection => new NpgsqlConnectionStringBuilder(RequiredConnectionString) { SearchPath = Name }.ConnectionString;

    public static async Task<PostgresSchema> CreateAsync()
    {
        var schema = new PostgresSchema("ipwh_jobs_" + Guid.NewGuid().ToString("N")[..12]);
        await ExecuteAsync($"CREATE SCHEMA {schema.Name}");
        return schema;
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(RequiredConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString is not null)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS {Name} CASCADE");
        }
    }
}
