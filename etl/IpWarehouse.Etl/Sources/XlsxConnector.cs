using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Sources.Internal;

namespace IpWarehouse.Etl.Sources;

/// <summary>
/// Reads XLSX workbooks (every file of the glob) with DocumentFormat.OpenXml's streaming
/// <c>OpenXmlReader</c>, so large sheets are never held in memory. The named sheet or the first visible
/// one; the header is found among the first 20 rows (title rows above it are skipped); <c>_row</c> is
/// the sheet row number. Shared and inline strings are read as text, numbers as invariant text (15
/// significant digits, as Excel shows them), serial dates as ISO <c>yyyy-MM-dd</c> when the cell's
/// format shows a date or the target column is a date column. Rows go in with DuckDB's appender.
/// </summary>
public sealed class XlsxConnector : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorKind Kind => ConnectorKind.Xlsx;

    /// <inheritdoc />
    public async Task<SourceLoadResult> LoadAsync(
        SourceDefinition source,
        DuckDBConnection warehouse,
        string stagingTable,
        SourceLoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(warehouse);
        FileSources.RequireConnector(source, Kind);
        return await FileSources.LoadEachFileAsync(source, warehouse, stagingTable, options, async (file, token) =>
        {
            var loader = new XlsxFileLoader(source, options, warehouse, stagingTable);
            // OpenXml has no async API; the sheet is parsed on the thread pool, not on the caller's thread.
            var rows = await Task.Run(() => loader.Load(file, token), token).ConfigureAwait(false);
            return new FileSources.FileLoad(rows, loader.Warnings, loader.Mapping);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SourceCheckResult> CheckAsync(SourceDefinition source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        FileSources.RequireConnector(source, Kind);
        return FileSources.CheckFilesAsync(source, (s, file, ct) => Task.Run(() => CheckFile(s, file), ct), cancellationToken);
    }

    private static HeaderMapping? CheckFile(SourceDefinition source, string file)
    {
        try
        {
            using var book = XlsxWorkbook.Open(file);
            var sheet = XlsxFileLoader.FindSheet(source, null, book, file);
            using var rows = book.Rows(sheet.Part).GetEnumerator();
            var (header, _) = XlsxFileLoader.FindHeader(source, book, rows);
            return header is null ? null : source.Layout.MatchHeaders(XlsxFileLoader.HeaderTexts(book, header), source.Columns);
        }
        catch (Exception e) when (e is not (SourceException or OperationCanceledException or FileNotFoundException
            or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw SourceErrors.Create(source, null,
                $"{file} is not a readable XLSX workbook ({e.GetType().Name}: {e.Message}). Open it in Excel or WPS and save it again as .xlsx.",
                e, file: file);
        }
    }
}
