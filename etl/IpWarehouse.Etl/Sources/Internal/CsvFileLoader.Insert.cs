using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sources.Internal;

/// The DuckDB side: read_csv into a temp table, the line breakpoints beside it, one INSERT … SELECT.
internal sealed partial class CsvFileLoader
{
    private async Task<long> InsertAsync(string file, string readPath, byte delimiter, CsvScan scan, long headerRecord, CancellationToken cancellationToken)
    {
        var headerWidth = scan.FirstRecords[(int)headerRecord - 1].Length;
        var suffix = Guid.NewGuid().ToString("N");
        var raw = DuckSql.Identifier("_ipwh_csv_" + suffix);
        var breakpoints = DuckSql.Identifier("_ipwh_csv_lines_" + suffix);
        var width = Math.Max(scan.MaxFields, 1);
        var rawColumns = Enumerable.Range(1, width).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        try
        {
            var read = new StringBuilder()
                .Append("CREATE TEMP TABLE ").Append(raw).Append(" AS SELECT * FROM read_csv(").Append(DuckSql.Literal(readPath))
                .Append(", columns = {").AppendJoin(", ", rawColumns.Select(c => $"'{c}': 'VARCHAR'")).Append('}')
                .Append(", header = false, auto_detect = false, delim = ").Append(DuckSql.Literal(((char)delimiter).ToString()))
                .Append(", quote = '\"', escape = '\"', null_padding = true, strict_mode = false")
                // A ragged file is read with no null string, so an empty field is '' and only the padding
                // of a short record is NULL: the shape check counts a record's fields by it.
                .Append(Ragged(scan, headerWidth) ? ", nullstr = " + DuckSql.Literal(NoNullString) : "")
                // DuckDB's parallel scanner cannot pad short rows when quoted cells span lines.
                .Append(", parallel = ").Append(scan.HasQuotedNewline ? "false" : "true").Append(')')
                .ToString();
            await ExecuteAsync(read, file, cancellationToken).ConfigureAwait(false);
            // After the read, so a file in the wrong encoding is reported as that, not as a header of garbled names.
            FileSources.RequireUsableHeader(source, options, file, $"header on line {scan.LineOf(headerRecord)}", Mapping!);

            var counted = Convert.ToInt64(await ScalarAsync($"SELECT count(*) FROM {raw}", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (counted != scan.Records)
            {
                Warnings.Add($"{file}: DuckDB read {counted} records where the line scan found {scan.Records}; _row line numbers may be off.");
            }

            // Few breakpoints (a clean file has one, its first record) become a CASE on the ordinal, so the
            // copy streams; many (blank lines, multi-line cells) go through an ASOF JOIN, which sorts.
            var inline = scan.Breakpoints.Count <= InlineBreakpoints;
            string line;
            string join;
            if (inline)
            {
                line = "r.k + CASE " + string.Concat(scan.Breakpoints.AsEnumerable().Reverse().Select(b =>
                    string.Create(CultureInfo.InvariantCulture, $"WHEN r.k >= {b.Record} THEN {b.Line - b.Record} "))) + "END";
                join = "";
            }
            else
            {
                await ExecuteAsync($"CREATE TEMP TABLE {breakpoints} (k BIGINT, delta BIGINT)", file, cancellationToken).ConfigureAwait(false);
                using (var appender = warehouse.CreateAppender("_ipwh_csv_lines_" + suffix))
                {
                    foreach (var (record, start) in scan.Breakpoints)
                    {
                        appender.AppendRow((record, start - record), static (row, r) => row.AppendValue((long?)r.Item1).AppendValue((long?)r.Item2));
                    }
                }
                line = "r.k + b.delta";
                join = $" ASOF JOIN {breakpoints} AS b ON r.k >= b.k";
            }

            var layout = source.Layout;
            var values = layout.Columns.Select((_, i) => Mapping!.SourceIndexOf(i) is var s && s >= 0
                ? Ragged(scan, headerWidth) ? $"nullif(r.{rawColumns[s]}, '')" : "r." + rawColumns[s]
                : "NULL");
            var rows = $" FROM (SELECT rowid + 1 AS k, * FROM {raw}) AS r{join}" +
                $" WHERE r.k > {headerRecord.ToString(CultureInfo.InvariantCulture)}" +
                // Blank rows (",,,", spaces, U+3000) are not rows.
                $" AND trim(concat({string.Join(", ", rawColumns.Select(c => "r." + c))}), {DuckSql.Literal(BlankCharacters)}) <> ''";
            var shape = new ShapeCheck(layout, Mapping!, scan, headerWidth, rawColumns, delimiter, line);
            if (shape.Bad is { } bad)
            {
                RowsBadShape += await InsertBadShapeAsync(shape, rows + " AND " + bad, file, cancellationToken).ConfigureAwait(false);
                rows += $" AND NOT ({bad})";
            }
            if (shape.FreeTextSpans is { } spans)
            {
                await WarnFreeTextSpansAsync(shape, rows + " AND " + spans, file, cancellationToken).ConfigureAwait(false);
            }
            var insert = new StringBuilder()
                .Append("INSERT INTO ").Append(DuckSql.QualifiedName(stagingTable))
                .Append(" (").AppendJoin(", ", StagingTable.ColumnNames(layout).Select(DuckSql.Identifier)).Append(") ")
                .Append("SELECT $source, $file, ").Append(line).Append(", ").AppendJoin(", ", values)
                .Append(rows)
                .ToString();
            using var command = warehouse.CreateCommand();
            command.CommandText = insert;
            command.Parameters.Add(new DuckDBParameter("source", source.Name));
            command.Parameters.Add(new DuckDBParameter("file", file));
            return await RunAsync(command, file, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            using var drop = warehouse.CreateCommand();
            drop.CommandText = $"DROP TABLE IF EXISTS {raw}; DROP TABLE IF EXISTS {breakpoints}";
            drop.ExecuteNonQuery();
        }
    }

    private const int InlineBreakpoints = 32;

    private async Task ExecuteAsync(string sql, string file, CancellationToken cancellationToken)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = sql;
        await RunAsync(command, file, cancellationToken).ConfigureAwait(false);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(DuckDBCommand command, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ReadFailure(file, e);
        }
    }

    [GeneratedRegex(@"on Line: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbLine();

    private SourceException ReadFailure(string file, DuckDBException e)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var summary = string.Join(" ", lines.Take(3));
        long? row = DuckDbLine().Match(e.Message) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var fix = !e.Message.Contains("not utf-8", StringComparison.OrdinalIgnoreCase)
            ? "Fix the file (each row as many cells as the header, quotes closed) and load again"
            : source.Encoding == CsvEncoding.Utf8
                ? "The file is not UTF-8: set \"encoding\": \"gb18030\" (or \"auto\") for this source"
                // auto validates every byte unless the file starts with a UTF-8 byte-order mark, which it trusts.
                : "With \"encoding\": \"auto\" the file was read as UTF-8 because it starts with a UTF-8 byte-order mark, " +
                  "but this line holds bytes that are not UTF-8: the file mixes encodings (rows in GB18030 pasted into a UTF-8 file). " +
                  "Save the whole file again in one encoding (Excel/WPS: CSV UTF-8), or, if the file changed while it was read, load again";
        return SourceErrors.Create(source, options,
            $"DuckDB cannot read {file}{(row is null ? "" : $" (line {row})")}: {summary} {fix}. Nothing of the file was loaded.",
            e, transient: e.IsTransient, file: file, row: row);
    }
}
