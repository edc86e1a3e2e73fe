using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Tests.Infrastructure;
using WarehouseSchema = IpWarehouse.Etl.Warehouse.Schema;

namespace IpWarehouse.Etl.Tests.Schema;

/// A fresh DuckDB file in its own temp folder, with the repository's schema applied (warehouse-sql/schema/,
/// never a copy), and helpers to read DuckDB's catalog back.
public sealed class SchemaDatabase : IDisposable
{
    /// 2024-01-15 01:30 Asia/Shanghai: the first nightly load.
    public static readonly DateTimeOffset AppliedAt = new(2024, 1, 14, 17, 30, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();

    public SchemaDatabase(bool apply = true)
    {
        Path = folder.File("warehouse.duckdb");
        Connection = Open(Path);
        if (apply)
        {
            WarehouseSchema.Apply(Connection, new FixedTimeProvider(AppliedAt));
        }
    }

    public string Path { get; }

    public DuckDBConnection Connection { get; private set; }

    public TempFolder Folder => folder;

    public static DuckDBConnection Open(string path) => DuckDbFactory.Open(path);

    /// Closes and reopens the file (DuckDB checkpoints on close).
    public void Reopen()
    {
        Connection.Dispose();
        Connection = Open(Path);
    }

    public void Execute(string sql) => Execute(Connection, sql);

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<string?[]> Rows(string sql) => Rows(Connection, sql);

    /// Every row of a query as invariant text (null stays null), in the query's order.
    public static List<string?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// The user tables of the main schema, by name.
    public static List<string> TableNames(DuckDBConnection connection) =>
        [.. Rows(connection, """
            SELECT table_name
            FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
            ORDER BY table_name
            """).Select(row => row[0]!)];

    public void Dispose()
    {
        Connection.Dispose();
        folder.Dispose();
    }

    internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
