using System.Globalization;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Sources.Internal;

/// The shape check (SOURCES.md, bad_row_shape): a record with more or fewer fields than the header, or
/// one with a line break in a column that is not free text (a stray quote swallowed the lines after it),
/// is not landed: padding or dropping fields would put values in the wrong columns. It goes to the
/// staging table's shape table with its line range, counts in rows read, and is quarantined. The check
/// costs nothing on a file whose records all have the header's width and no cell spans lines (the
/// scan says so); otherwise it is two more passes over the file's temp table, in SQL.
internal sealed partial class CsvFileLoader
{
    /// The null string of a ragged file's read_csv: text no cell holds, so empty cells stay ''.
    private const string NoNullString = "\u0001ipwh:no-null\u0001";

    /// Longest raw_value kept for a quarantined record.
    private const int RawValueChars = 1000;

    public long RowsBadShape { get; private set; }

    private static bool Ragged(CsvScan scan, int headerWidth) => scan.MinFields != scan.MaxFields || headerWidth != scan.MaxFields;

    /// SQL expressions over a raw record r (columns c1..cN, line number in `line`).
    private sealed class ShapeCheck
    {
        public ShapeCheck(Layouts.Layout layout, Layouts.HeaderMapping mapping, CsvScan scan, int headerWidth, string[] rawColumns, byte delimiter, string line)
        {
            var mapped = layout.Columns
                .Select((c, i) => (Column: c, Source: mapping.SourceIndexOf(i)))
                .Where(m => m.Source >= 0)
                .Select(m => (m.Column.Name, m.Column.FreeText, Cell: "r." + rawColumns[m.Source]))
                .ToArray();
            HeaderWidth = headerWidth;
            Line = line;
            AllCells = rawColumns.Select(c => "r." + c).ToArray();
            Delimiter = ((char)delimiter).ToString();
            if (Ragged(scan, headerWidth))
            {
                Fields = "(" + string.Join(" + ", AllCells.Select(c => $"({c} IS NOT NULL)::INT")) + ")";
            }
            if (scan.HasQuotedNewline)
            {
                var strict = mapped.Where(m => !m.FreeText).ToArray();
                if (strict.Length > 0)
                {
                    SpanColumn = "CASE " + string.Concat(strict.Select(m => $"WHEN {HasBreak(m.Cell)} THEN '{m.Name}' ")) + "END";
                    SpanValue = "CASE " + string.Concat(strict.Select(m => $"WHEN {HasBreak(m.Cell)} THEN {m.Cell} ")) + "END";
                }
                var free = mapped.Where(m => m.FreeText).ToArray();
                if (free.Length > 0)
                {
                    FreeTextSpans = "(" + string.Join(" OR ", free.Select(m => HasBreak(m.Cell))) + ")";
                    FreeTextColumn = "CASE " + string.Concat(free.Select(m => $"WHEN {HasBreak(m.Cell)} THEN '{m.Name}' ")) + "END";
                }
            }
            var conditions = new[] { Fields is null ? null : $"{Fields} <> {headerWidth}", SpanColumn is null ? null : $"{SpanColumn} IS NOT NULL" };
            var present = conditions.OfType<string>().ToArray();
            Bad = present.Length == 0 ? null : "(" + string.Join(" OR ", present) + ")";
        }

        public int HeaderWidth { get; }

        public string Line { get; }

        public string[] AllCells { get; }

        public string Delimiter { get; }

        /// The record's field count (ragged files only).
        public string? Fields { get; }

        /// The first strict column with a line break, or NULL.
        public string? SpanColumn { get; }

        public string? SpanValue { get; }

        /// A record of bad shape; null when the file can have none.
        public string? Bad { get; }

        /// A free-text cell spans lines; null when none can.
        public string? FreeTextSpans { get; }

        public string? FreeTextColumn { get; }

        /// "7" or "6–10": the lines the record covers (line breaks inside its cells counted).
        public string Lines
        {
            get
            {
                var breaks = string.Join(" + ", AllCells.Select(c => $"len(regexp_extract_all(coalesce({c}, ''), '\\r\\n?|\\n'))"));
                return $"CASE WHEN ({breaks}) = 0 THEN CAST({Line} AS VARCHAR) ELSE concat({Line}, '–', {Line} + {breaks}) END";
            }
        }

        private static string HasBreak(string cell) => $"(contains({cell}, chr(10)) OR contains({cell}, chr(13)))";
    }

    private async Task<long> InsertBadShapeAsync(ShapeCheck shape, string rows, string file, CancellationToken cancellationToken)
    {
        var width = shape.HeaderWidth.ToString(CultureInfo.InvariantCulture);
        var wrongCount = shape.Fields is null ? "false" : $"{shape.Fields} <> {width}";
        var fields = shape.Fields ?? width;
        var record = $"left(concat_ws({DuckSql.Literal(shape.Delimiter)}, {string.Join(", ", shape.AllCells)}), {RawValueChars})";
        var spanColumn = shape.SpanColumn ?? "NULL";
        var spanValue = shape.SpanValue ?? "NULL";
        var shapeTable = DuckSql.QualifiedName(StagingTable.ShapeRejectsTable(stagingTable));
        var sql = $$"""
            INSERT INTO {{shapeTable}}
            SELECT $source, $file, {{shape.Line}},
              CASE WHEN {{wrongCount}} THEN '{{StagingTable.RowColumn}}' ELSE {{spanColumn}} END,
              CASE WHEN {{wrongCount}} THEN {{record}} ELSE left({{spanValue}}, {{RawValueChars}}) END,
              CASE WHEN {{wrongCount}}
                THEN format('第 {} 行有 {} 个字段，表头有 {} 个，各值无法对应到列（{} fields, header has {}, line {}）',
                  {{shape.Lines}}, {{fields}}, {{width}}, {{fields}}, {{width}}, {{shape.Lines}})
                ELSE format('第 {} 行被读成一条记录：{} 的值跨行，多半是前面的引号没有配对（record spans lines {}, line break in {}）',
                  {{shape.Lines}}, {{spanColumn}}, {{shape.Lines}}, {{spanColumn}})
              END
            {{rows}}
            """;
        using var command = warehouse.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("source", source.Name));
        command.Parameters.Add(new DuckDBParameter("file", file));
        return await RunAsync(command, file, cancellationToken).ConfigureAwait(false);
    }

    /// A free-text cell may span lines, but the operator is told: a quote left open in such a cell
    /// swallows the following lines just as well.
    private async Task WarnFreeTextSpansAsync(ShapeCheck shape, string rows, string file, CancellationToken cancellationToken)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = $"SELECT count(*), min({shape.Line}), string_agg(DISTINCT {shape.FreeTextColumn}, ', ') {rows}";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var count = reader.GetInt64(0);
        if (count > 0)
        {
            Warnings.Add(
                $"{file}: {count} 行的自由文本跨行（{reader.GetString(2)}，首见第 {reader.GetInt64(1)} 行），已按原样装载；若是引号没有配对，请修正文件 " +
                $"({count} row(s) with free-text cells spanning lines, first on line {reader.GetInt64(1)}).");
        }
    }
}
