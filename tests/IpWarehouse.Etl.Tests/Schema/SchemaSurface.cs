using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Tests.Schema;

/// The DDL surface of a database as text, in the format of schema.snapshot.txt: per table (in name
/// order) one line per column, "table.column TYPE[ NOT NULL]" in column order, then its primary key.
public static class SchemaSurface
{
    public const string SnapshotFileName = "schema.snapshot.txt";

    /// The lines that make up the surface (no comments, no blank lines).
    public static List<string> Lines(DuckDBConnection connection)
    {
        var columns = SchemaDatabase.Rows(connection, """
            SELECT table_name, column_name, data_type, is_nullable
            FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            ORDER BY table_name, column_index
            """);
        var keys = SchemaDatabase.Rows(connection, """
            SELECT table_name, constraint_type, array_to_string(constraint_column_names, ', ')
            FROM duckdb_constraints()
            WHERE database_name = current_database() AND schema_name = 'main'
              AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')
            ORDER BY table_name, constraint_type, constraint_index
            """);
        var lines = new List<string>();
        foreach (var table in columns.Select(c => c[0]!).Distinct(StringComparer.Ordinal))
        {
            lines.AddRange(columns.Where(c => c[0] == table)
                .Select(c => $"{table}.{c[1]} {c[2]}{(c[3] == "False" ? " NOT NULL" : "")}"));
            lines.AddRange(keys.Where(k => k[0] == table).Select(k => $"{table} {k[1]} ({k[2]})"));
        }
        return lines;
    }

    /// The snapshot file's lines that count: comments (#) and blank lines dropped.
    public static List<string> Significant(IEnumerable<string> fileLines) =>
        [.. fileLines.Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// A whole snapshot file for <paramref name="lines"/>: the header of <paramref name="existing"/>
    /// (its leading comment lines), then the tables separated by blank lines.
    public static string Render(IReadOnlyList<string> lines, IEnumerable<string> existing)
    {
        var text = new System.Text.StringBuilder();
        foreach (var header in existing.TakeWhile(l => l.StartsWith('#')))
        {
            text.Append(header).Append('\n');
        }
        string? previous = null;
        foreach (var line in lines)
        {
            var table = line.Split('.', ' ')[0];
            if (table != previous)
            {
                text.Append('\n');
                previous = table;
            }
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }
}
