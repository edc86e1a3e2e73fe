using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Tests.Infrastructure;

/// An in-memory DuckDB warehouse for a test, with helpers to read staging back.
public sealed class StagingWarehouse : IDisposable
{
    public StagingWarehouse()
    {
        Connection = DuckDbFactory.OpenInMemory();
    }

    public DuckDBConnection Connection { get; }

    /// Every row of a query as text (null stays null), in the query's order.
    public List<string?[]> Rows(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    public object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public long Count(string table) => Convert.ToInt64(Scalar($"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    public List<string> Columns(string table) =>
        Rows($"SELECT column_name FROM duckdb_columns() WHERE table_name = '{table}' ORDER BY column_index").Select(r => r[0]!).ToList();

    public void Dispose() => Connection.Dispose();
}
