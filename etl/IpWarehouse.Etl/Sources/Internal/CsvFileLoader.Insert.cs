using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Sources.Internal;

/// The DuckDB side: read_csv into a temp table, the line breakpoints beside it, one INSERT … SELECT.
internal sealed partial class CsvFileLoader
{
    private async Task<long> InsertAsync(string file, string readPath, byte delimiter, CsvScan scan, long headerRecord, CancellationToken cancellationToken)
    {
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
                // DuckDB's parallel scanner cannot pad short rows when quoted cells span lines.
                .Append(", parallel = ").Append(scan.HasQuotedNewline ? "false" : "true").Append(')')
                .ToString();
            await ExecuteAsync(read, file, cancellationToken).ConfigureAwait(false);

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
            var values = layout.Columns.Select((_, i) => Mapping!.SourceIndexOf(i) is var s && s >= 0 ? "r." + rawColumns[s] : "NULL");
            var insert = new StringBuilder()
                .Append("INSERT INTO ").Append(DuckSql.QualifiedName(stagingTable))
                .Append(" (").AppendJoin(", ", StagingTable.ColumnNames(layout).Select(DuckSql.Identifier)).Append(") ")
                .Append("SELECT $source, $file, ").Append(line).Append(", ").AppendJoin(", ", values)
                .Append(" FROM (SELECT rowid + 1 AS k, * FROM ").Append(raw).Append(") AS r").Append(join)
                .Append(" WHERE r.k > ").Append(headerRecord.ToString(CultureInfo.InvariantCulture))
                // Blank rows (",,,", spaces, U+3000) are not rows.
                .Append(" AND trim(concat(").AppendJoin(", ", rawColumns.Select(c => "r." + c)).Append("), ").Append(DuckSql.Literal(BlankCharacters)).Append(") <> ''")
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
        var fix = e.Message.Contains("not utf-8", StringComparison.OrdinalIgnoreCase)
            ? "The file is not UTF-8: set \"encoding\": \"gb18030\" (or \"auto\") for this source"
            : "Fix the file (each row as many cells as the header, quotes closed) and load again";
        return SourceErrors.Create(source, options,
            $"DuckDB cannot read {file}{(row is null ? "" : $" (line {row})")}: {summary} {fix}. Nothing of the file was loaded.",
            e, transient: e.IsTransient, file: file, row: row);
    }
}
