using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>One published table with its comment and columns: what a statistician reads beside the SQL box.</summary>
/// <param name="Table">Table name.</param>
/// <param name="Comment">The table's <c>COMMENT ON</c> (Chinese meaning and grain).</param>
/// <param name="Columns">Its columns in order.</param>
public sealed record DictionaryTable(string Table, string? Comment, IReadOnlyList<DictionaryColumn> Columns);

/// <summary>One column of a published table.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type.</param>
/// <param name="Comment">The column's <c>COMMENT ON</c> (Chinese meaning and unit).</param>
public sealed record DictionaryColumn(string Name, string Type, string? Comment);

/// <summary>The data dictionary of the published warehouse, read from DuckDB's own catalogue.</summary>
public static class WarehouseCatalog
{
    /// <summary>Every table of the published warehouse's main schema, with comments, in name order.</summary>
    public static IReadOnlyList<DictionaryTable> Read(DuckDBConnection published)
    {
        ArgumentNullException.ThrowIfNull(published);
        using var command = published.CreateCommand();
        command.CommandText = """
            SELECT t.table_name, t.comment, c.column_name, c.data_type, c.comment
            FROM duckdb_tables() AS t
            JOIN duckdb_columns() AS c USING (database_name, schema_name, table_name)
            WHERE t.database_name = current_database() AND t.schema_name = 'main' AND NOT t.temporary
            ORDER BY t.table_name, c.column_index
            """;
        using var reader = command.ExecuteReader();
        var tables = new List<DictionaryTable>();
        List<DictionaryColumn>? columns = null;
        string? current = null;
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (table != current)
            {
                current = table;
                columns = [];
                tables.Add(new DictionaryTable(table, reader.IsDBNull(1) ? null : reader.GetString(1), columns));
            }
            columns!.Add(new DictionaryColumn(reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return tables;
    }
}
