using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Sources.Internal;

/// Lands one workbook's sheet: the header is searched among the first 20 non-blank rows (title rows
/// above it are skipped), then every non-blank row below is appended with its sheet row number.
/// A failure part-way removes what was appended from this file, so a broken file loads nothing.
internal sealed class XlsxFileLoader(SourceDefinition source, SourceLoadOptions? options, DuckDBConnection warehouse, string stagingTable)
{
    public List<string> Warnings { get; } = [];

    public HeaderMapping? Mapping { get; private set; }

    public long Load(string file, CancellationToken cancellationToken)
    {
        long rows = 0;
        try
        {
            using var book = OpenBook(source, options, file);
            var sheet = FindSheet(source, options, book, file);
            using var enumerator = book.Rows(sheet.Part).GetEnumerator();
            var (header, buffered) = FindHeader(source, book, enumerator);
            if (header is null)
            {
                Warnings.Add($"{file} sheet '{sheet.Name}' holds no rows.");
                return 0;
            }

            var layout = source.Layout;
            Mapping = layout.MatchHeaders(HeaderTexts(book, header), source.Columns);
            FileSources.RequireUsableHeader(source, options, file, $"sheet '{sheet.Name}', header on row {header.Number}", Mapping);
            if (Mapping.MissingMapped.Count > 0)
            {
                Warnings.Add($"{file} sheet '{sheet.Name}' (header on row {header.Number}): {Mapping.Describe()}.");
            }
            var targets = Targets(layout, Mapping);
            var values = new string?[layout.Columns.Count];
            using var appender = StagingTable.CreateAppender(warehouse, stagingTable);
            foreach (var row in buffered.Concat(Remaining(enumerator)))
            {
                if (row.IsBlank)
                {
                    continue;
                }
                if ((rows & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                Array.Clear(values);
                foreach (var cell in row.Cells)
                {
                    if (cell.Column < targets.Length && targets[cell.Column] is var target && target >= 0)
                    {
                        var text = book.Text(cell, layout.Columns[target].Type == ColumnType.Date);
                        values[target] = text.Length == 0 ? null : text;
                    }
                }
                StagingTable.AppendRow(appender, source.Name, file, row.Number, values, null);
                rows++;
            }
            return rows;
        }
        catch (Exception e) when (rows > 0 || e is not SourceException)
        {
            RemoveRows(file);
            if (e is SourceException or OperationCanceledException or DuckDBException)
            {
                throw;
            }
            if (e is IOException and not EndOfStreamException || e is UnauthorizedAccessException)
            {
                throw SourceErrors.FileUnreadable(source, options, file, e);
            }
            throw Broken(file, e);
        }
    }

    private SourceException Broken(string file, Exception e) => SourceErrors.Create(source, options,
        $"{file} is not a readable XLSX workbook ({e.GetType().Name}: {e.Message}); nothing of it was loaded. " +
        "Open it in Excel or WPS and save it again as .xlsx (an old .xls must be saved as .xlsx).", e, file: file);

    private static XlsxWorkbook OpenBook(SourceDefinition source, SourceLoadOptions? options, string file)
    {
        try
        {
            return XlsxWorkbook.Open(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw SourceErrors.FileUnreadable(source, options, file, e);
        }
    }

    public static (string Name, DocumentFormat.OpenXml.Packaging.WorksheetPart Part) FindSheet(
        SourceDefinition source, SourceLoadOptions? options, XlsxWorkbook book, string file) =>
        book.FindSheet(source.Sheet) ?? throw SourceErrors.Create(source, options,
            source.Sheet is null
                ? $"{file} has no worksheet. Check that the workbook holds the data."
                : $"{file} has no worksheet '{source.Sheet}'; it has {string.Join(", ", book.SheetNames.Select(n => $"'{n}'"))}. Fix \"sheet\" in ipwh.json, or remove it to read the first sheet.",
            file: file, column: "sheet");

    /// Reads up to 20 non-blank rows and picks the header among them; returns the rows after it.
    public static (XlsxRow? Header, List<XlsxRow> After) FindHeader(SourceDefinition source, XlsxWorkbook book, IEnumerator<XlsxRow> rows)
    {
        var first = new List<XlsxRow>();
        while (first.Count < Layout.HeaderSearchRows && rows.MoveNext())
        {
            if (!rows.Current.IsBlank)
            {
                first.Add(rows.Current);
            }
        }
        var index = source.Layout.FindHeaderRow(first.Select(r => HeaderTexts(book, r)).ToList(), source.Columns);
        return index < 0 ? (null, []) : (first[index], first.Skip(index + 1).ToList());
    }

    public static string?[] HeaderTexts(XlsxWorkbook book, XlsxRow row)
    {
        var texts = new string?[row.Cells.Count == 0 ? 0 : row.Cells.Max(c => c.Column) + 1];
        foreach (var cell in row.Cells)
        {
            texts[cell.Column] = book.Text(cell, dateColumn: false);
        }
        return texts;
    }

    /// Source column → canonical column index (-1 where no canonical column reads it).
    private static int[] Targets(Layout layout, HeaderMapping mapping)
    {
        var width = Enumerable.Range(0, layout.Columns.Count).Select(mapping.SourceIndexOf).DefaultIfEmpty(-1).Max() + 1;
        var targets = Enumerable.Repeat(-1, width).ToArray();
        for (var c = 0; c < layout.Columns.Count; c++)
        {
            if (mapping.SourceIndexOf(c) is var s && s >= 0)
            {
                targets[s] = c;
            }
        }
        return targets;
    }

    private static IEnumerable<XlsxRow> Remaining(IEnumerator<XlsxRow> rows)
    {
        while (rows.MoveNext())
        {
            yield return rows.Current;
        }
    }

    private void RemoveRows(string file)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = $"DELETE FROM {DuckSql.QualifiedName(stagingTable)} WHERE {StagingTable.FileColumn} = $file";
        command.Parameters.Add(new DuckDBParameter("file", file));
        command.ExecuteNonQuery();
    }
}
