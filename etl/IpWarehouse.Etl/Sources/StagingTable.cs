using DuckDB.NET.Data;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Sources.Internal;

namespace IpWarehouse.Etl.Sources;

/// <summary>
/// The staging table of a source: <c>_source VARCHAR, _file VARCHAR, _row BIGINT</c>, then every
/// canonical column of the kind as VARCHAR, in layout order. Everything is text: validation and
/// normalisation read it in SQL.
/// </summary>
public static class StagingTable
{
    /// <summary>The source name column.</summary>
    public const string SourceColumn = "_source";

    /// <summary>The file column (the absolute path; the table name for database sources).</summary>
    public const string FileColumn = "_file";

    /// <summary>The row as the operator sees it: CSV line, sheet row, database ordinal 1..n.</summary>
    public const string RowColumn = "_row";

    /// <summary>The staging columns of a layout, in table order.</summary>
    public static IReadOnlyList<string> ColumnNames(Layout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return [SourceColumn, FileColumn, RowColumn, .. layout.Columns.Select(c => c.Name)];
    }

    /// <summary>The <c>CREATE OR REPLACE TABLE</c> statement for a layout's staging table.</summary>
    public static string CreateSql(string table, Layout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var columns = layout.Columns.Select(c => $"{DuckSql.Identifier(c.Name)} VARCHAR");
        return $"CREATE OR REPLACE TABLE {DuckSql.QualifiedName(table)} " +
            $"({SourceColumn} VARCHAR, {FileColumn} VARCHAR, {RowColumn} BIGINT, {string.Join(", ", columns)})";
    }

    /// <summary>
    /// The table beside a staging table holding the rows read but not landed because their shape is
    /// wrong (<c>bad_row_shape</c>: a CSV record with the wrong number of fields, or one spanning lines
    /// in a column that is not free text): <c>_source, _file, _row, column_name, raw_value, message</c>.
    /// They count in rows read, and the loader quarantines them as they are.
    /// </summary>
    public static string ShapeRejectsTable(string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        return table + "_shape";
    }

    /// <summary>Creates (or replaces) the staging table and its <see cref="ShapeRejectsTable"/> (empty).</summary>
    public static void Create(DuckDBConnection warehouse, string table, Layout layout)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var command = warehouse.CreateCommand();
        command.CommandText = CreateSql(table, layout) + "; " +
            $"CREATE OR REPLACE TABLE {DuckSql.QualifiedName(ShapeRejectsTable(table))} " +
            $"({SourceColumn} VARCHAR, {FileColumn} VARCHAR, {RowColumn} BIGINT, column_name VARCHAR, raw_value VARCHAR, message VARCHAR)";
        command.ExecuteNonQuery();
    }

    /// <summary>An appender for the staging table (schema-qualified names allowed).</summary>
    internal static DuckDBAppender CreateAppender(DuckDBConnection warehouse, string table)
    {
        var (schema, name) = DuckSql.Split(table);
        return warehouse.CreateAppender(schema, name);
    }

    /// <summary>
    /// One staging row: source, file, row number, then the layout's columns as text (<paramref name="slots"/>
    /// picks them from <paramref name="texts"/>, -1 for none; null means in order). DuckDB.NET's AppendRow with
    /// a state reuses one row object: no allocation per row, typed values, no boxing.
    /// </summary>
    internal static void AppendRow(DuckDBAppender appender, string source, string? file, long row, string?[] texts, int[]? slots) =>
        appender.AppendRow((source, file, row, texts, slots), static (cells, s) =>
        {
            cells.AppendValue(s.source).AppendValue(s.file).AppendValue((long?)s.row);
            if (s.slots is null)
            {
                foreach (var text in s.texts)
                {
                    cells.AppendValue(text);
                }
                return;
            }
            foreach (var slot in s.slots)
            {
                cells.AppendValue(slot >= 0 ? s.texts[slot] : null);
            }
        });
}
