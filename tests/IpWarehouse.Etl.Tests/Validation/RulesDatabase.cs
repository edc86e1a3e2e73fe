using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Validation;

namespace IpWarehouse.Etl.Tests.Validation;

/// <summary>An in-memory DuckDB with the value rules installed; xUnit makes one per test class.</summary>
public sealed class RulesDatabase : IDisposable
{
    public RulesDatabase()
    {
        Connection = DuckDbFactory.OpenInMemory();
        ValueRules.Install(Connection);
    }

    public DuckDBConnection Connection { get; }

    /// <summary>
    /// <c>SELECT macro(raw)</c> with the raw text bound as VARCHAR, as a staging column holds it; extra
    /// arguments follow the raw value. Returns null for SQL NULL.
    /// </summary>
    public object? Apply(string macro, string? raw, params string[] moreArguments)
    {
        var arguments = string.Concat(moreArguments.Select((_, i) => $", CAST($a{i} AS VARCHAR)"));
        using var command = Connection.CreateCommand();
        command.CommandText = $"SELECT {macro}(CAST($raw AS VARCHAR){arguments})";
        command.Parameters.Add(new DuckDBParameter("raw", (object?)raw ?? DBNull.Value));
        for (var i = 0; i < moreArguments.Length; i++)
        {
            command.Parameters.Add(new DuckDBParameter($"a{i}", moreArguments[i]));
        }
        return Unwrap(command.ExecuteScalar());
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>; null for SQL NULL.</summary>
    public object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return Unwrap(command.ExecuteScalar());
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Connection.Dispose();

    private static object? Unwrap(object? value) => value is DBNull ? null : value;
}
