using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Loading.Internal;

/// Runs a file of warehouse-sql/. `{{name}}` placeholders stand for identifiers and keywords only (a table name,
/// a key's column list, TABLE or VIEW) and are filled from code-side constants, never from data.
internal static class SqlScript
{
    internal static void Run(DuckDBConnection connection, string file, IReadOnlyDictionary<string, string>? identifiers = null, CancellationToken cancellationToken = default)
    {
        var sql = WarehouseSql.Read(file);
        if (identifiers is not null)
        {
            foreach (var (name, value) in identifiers)
            {
                sql = sql.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
            }
        }
        if (sql.Contains("{{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"warehouse-sql/{file} has a placeholder the loader did not fill.");
        }
        Traced(file, () => Execute(connection, sql, file, cancellationToken));
    }

    /// Runs <paramref name="run"/>, printing how long <paramref name="file"/> took when IPWH_TRACE_SQL=1.
    internal static void Traced(string file, Action run)
    {
        var watch = Trace ? System.Diagnostics.Stopwatch.StartNew() : null;
        run();
        if (watch is not null)
        {
            Console.Error.WriteLine($"ipwh: sql {file}: {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
    }

    /// IPWH_TRACE_SQL=1 prints how long each SQL file takes, for operators chasing a slow load.
    private static bool Trace { get; } = Environment.GetEnvironmentVariable("IPWH_TRACE_SQL") == "1";

    internal static bool Exists(string file) => File.Exists(Path.Combine(WarehouseSql.Root, file));

    internal static long Execute(DuckDBConnection connection, string sql, string? file = null, CancellationToken cancellationToken = default)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (DuckDBException e) when (file is not null)
        {
            throw new WarehouseSqlException(file, e);
        }
    }

    internal static object? Scalar(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        }
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static void Parameterized(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        }
        command.ExecuteNonQuery();
    }
}
