using Npgsql;

namespace IpWarehouse.Etl.Tests.Infrastructure;

/// The test PostgreSQL database. Each test creates its own uniquely named tables (Npgsql's
/// CreateTempTable habit) and drops them when disposed.
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "IPWH_TEST_POSTGRES";

    private readonly List<string> tables = [];

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// The connection string, or a failure explaining the misconfigured CI.
    public static string RequiredConnectionString => ConnectionString ?? throw new InvalidOperationException(
        $"CI=true but {Variable} is not set: test.sh must start the PostgreSQL cluster and export {Variable} before running the tests.");

    /// A fresh table name, e.g. ipwh_t_1a2b3c4d5e6f_cases.
    public string NewTable(string hint)
    {
        var name = $"ipwh_t_{Guid.NewGuid():N}"[..19] + "_" + hint;
        tables.Add(name);
        return name;
    }

    public static async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(RequiredConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (tables.Count == 0 || ConnectionString is null)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"DROP TABLE IF EXISTS \"{table}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
