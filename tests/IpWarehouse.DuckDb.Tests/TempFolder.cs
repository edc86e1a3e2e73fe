namespace IpWarehouse.DuckDb.Tests;

/// A uniquely named folder per test, removed afterwards.
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ipwh-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Database(string name = "test.duckdb") => "DataSource=" + File(name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child process; the OS temp cleaner takes it.
        }
    }
}

internal static class Db
{
    public static DuckDBConnection Open(string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        connection.Open();
        return connection;
    }

    public static int Run(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(p));
        }
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(p));
        }
        return command.ExecuteScalar();
    }
}
