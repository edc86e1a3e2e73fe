using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpWarehouse.Etl.Configuration.Internal;

/// Connection strings are checked by the provider's own builder (an unknown keyword fails now, not at
/// 01:30). A relative SQLite Data Source resolves from the config file's folder. The connection string
/// itself never appears in a message: it may hold a password.
internal static class ConnectionStrings
{
    public delegate ConfigException ErrorFactory(string problem, string fix, Exception? cause);

    public static string Resolve(ConnectorKind connector, string connection, string folder, bool checkFiles, ErrorFactory error)
    {
        try
        {
            switch (connector)
            {
                case ConnectorKind.Postgres:
                    _ = new NpgsqlConnectionStringBuilder(connection);
                    return connection;
                case ConnectorKind.SqlServer:
                    _ = new SqlConnectionStringBuilder(connection);
                    return connection;
                case ConnectorKind.Sqlite:
                    return ResolveSqlite(connection, folder, checkFiles, error);
                default:
                    throw new ArgumentOutOfRangeException(nameof(connector), connector, "Not a database connector.");
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException && e is not ArgumentOutOfRangeException)
        {
            throw error($"is not a valid {ConnectorNames.NameOf(connector)} connection string ({e.Message})",
                "Fix the keyword or the syntax (key=value pairs separated by ';')", e);
        }
    }

    private static string ResolveSqlite(string connection, string folder, bool checkFiles, ErrorFactory error)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource))
        {
            throw error("has no Data Source", "Write \"connection\": \"Data Source=stats.db\"", null);
        }
        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connection;
        }
        var fullPath = Path.GetFullPath(dataSource, folder);
        if (checkFiles && !File.Exists(fullPath))
        {
            throw error($"names the SQLite file {fullPath}, which does not exist",
                "Check the Data Source path (relative paths start at the config file's folder)", null);
        }
        builder.DataSource = fullPath;
        return builder.ToString();
    }
}
