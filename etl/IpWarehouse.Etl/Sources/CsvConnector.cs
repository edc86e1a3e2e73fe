using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Sources.Internal;

namespace IpWarehouse.Etl.Sources;

/// <summary>
/// Reads CSV files (every file of the glob, in name order) with DuckDB's <c>read_csv</c>. UTF-8
/// files, with or without BOM, are read in place; GB18030/GBK files are transcoded to a UTF-8 temp
/// copy first (deleted afterwards). <c>encoding: auto</c> decides per file. The header may follow
/// title rows; the delimiter is comma, tab, semicolon or bar, whichever finds the header. <c>_row</c> is
/// the line number in the file. A file that is not CSV text fails the source and loads nothing.
/// </summary>
public sealed class CsvConnector : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorKind Kind => ConnectorKind.Csv;

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
            var loader = new CsvFileLoader(source, options, warehouse, stagingTable);
            var rows = await loader.LoadAsync(file, token).ConfigureAwait(false);
            return new FileSources.FileLoad(rows, loader.Warnings, loader.Mapping, loader.RowsBadShape);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SourceCheckResult> CheckAsync(SourceDefinition source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        FileSources.RequireConnector(source, Kind);
        return FileSources.CheckFilesAsync(source, CheckFileAsync, cancellationToken);
    }

    /// Reads the head of one file: text, encoding, delimiter and header.
    private static async Task<HeaderMapping?> CheckFileAsync(SourceDefinition source, string file, CancellationToken cancellationToken)
    {
        var head = await BinaryProbe.ReadHeadAsync(file, cancellationToken).ConfigureAwait(false);
        if (BinaryProbe.Describe(head) is { } what)
        {
            throw SourceErrors.Create(source, null, $"{file} is {what}.", file: file);
        }
        var encoding = source.Encoding == CsvEncoding.Auto
            ? await EncodingDetector.DetectAsync(file, CsvSniffer.PrefixBytes, cancellationToken).ConfigureAwait(false)
            : source.Encoding;
        var readPath = file;
        string? copy = null;
        try
        {
            if (encoding == CsvEncoding.Gb18030)
            {
                // Only the head matters here: transcode the first megabyte (a character cut at the end is harmless).
                copy = Path.Combine(Path.GetTempPath(), $"ipwh-check-{Guid.NewGuid():N}.csv");
                var bytes = new byte[Math.Min(new FileInfo(file).Length, CsvSniffer.PrefixBytes)];
                await using (var stream = File.OpenRead(file))
                {
                    await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
                await File.WriteAllTextAsync(copy, Gb18030Transcoder.Lenient.GetString(bytes), cancellationToken).ConfigureAwait(false);
                readPath = copy;
            }
            var (_, prefix) = await CsvSniffer.SniffAsync(readPath, source.Layout, source.Columns, cancellationToken).ConfigureAwait(false);
            if (prefix.NulLine is { } line)
            {
                throw SourceErrors.Create(source, null, $"{file} is binary data (a NUL byte on line {line}), not CSV text.", file: file);
            }
            var header = source.Layout.FindHeaderRow(prefix.FirstRecords, source.Columns);
            return header < 0 ? null : source.Layout.MatchHeaders(prefix.FirstRecords[header], source.Columns);
        }
        finally
        {
            if (copy is not null)
            {
                File.Delete(copy);
            }
        }
    }
}
