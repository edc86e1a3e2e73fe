using System.Buffers;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Sources.Internal;

/// Lands one CSV file. UTF-8 files are read by DuckDB's read_csv as they are; GB18030 files are
/// transcoded to a UTF-8 temp copy first. .NET never builds a row: it scans bytes (encoding check,
/// then CsvScanner for the header, the widest record and the line each record starts on), and DuckDB
/// does the rest in one INSERT … SELECT (CsvFileLoader.Insert.cs).
///
/// Line numbers: read_csv has no row-number column, but a table created from it keeps the file's
/// order in its rowid (insertion order is preserved by default, also with parallel scanning), so the
/// k-th record is rowid + 1. read_csv skips empty lines and a quoted cell may span lines, so the scan
/// records a breakpoint (record, line) wherever the two drift apart and an ASOF JOIN maps k to its
/// line. The scan's record count is compared with DuckDB's: if they ever differ, _row is still filled
/// and the result carries a warning that it may be off. Files of a glob are read one by one (each has
/// its own encoding, header and line map), so _file is a parameter, not read_csv's filename column.
internal sealed partial class CsvFileLoader(
    SourceDefinition source, SourceLoadOptions? options, DuckDBConnection warehouse, string stagingTable)
{
    private const string BlankCharacters = " \t\u3000\u00A0";
    private static readonly SearchValues<char> GlobCharacters = SearchValues.Create("*?[]{}");

    public List<string> Warnings { get; } = [];

    public HeaderMapping? Mapping { get; private set; }

    /// Returns the data rows inserted.
    public async Task<long> LoadAsync(string file, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(file, cancellationToken).ConfigureAwait(false);
        try
        {
            var (delimiter, _) = await CsvSniffer.SniffAsync(prepared.ReadPath, source.Layout, source.Columns, cancellationToken).ConfigureAwait(false);
            var scan = await CsvScanner.ScanAsync(prepared.ReadPath, delimiter, Layout.HeaderSearchRows, long.MaxValue, long.MaxValue, cancellationToken)
                .ConfigureAwait(false);
            if (scan.NulLine is { } nulLine)
            {
                throw SourceErrors.Create(source, options,
                    $"{file} is binary data (a NUL byte on line {nulLine}), not CSV text; nothing of it was loaded. Check that the right file was dropped.",
                    file: file, row: nulLine);
            }
            if (scan.UnterminatedQuoteLine is { } quoteLine)
            {
                throw SourceErrors.Create(source, options,
                    $"{file}: the quoted cell opened on line {quoteLine} never closes; nothing of the file was loaded. Close the quote (\" … \") or remove it.",
                    file: file, row: quoteLine);
            }
            if (scan.Records == 0)
            {
                Warnings.Add($"{file} is empty.");
                return 0;
            }

            var header = source.Layout.FindHeaderRow(scan.FirstRecords, source.Columns);
            if (header < 0)
            {
                Warnings.Add($"{file} holds only blank rows.");
                return 0;
            }
            Mapping = source.Layout.MatchHeaders(scan.FirstRecords[header], source.Columns);
            if (Mapping.MissingMapped.Count > 0)
            {
                Warnings.Add($"{file} (header on line {scan.LineOf(header + 1)}): {Mapping.Describe()}.");
            }
            return await InsertAsync(file, prepared.ReadPath, delimiter, scan, header + 1, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            prepared.Dispose();
        }
    }

    private async Task<PreparedFile> PrepareAsync(string file, CancellationToken cancellationToken)
    {
        byte[] head;
        try
        {
            head = await BinaryProbe.ReadHeadAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SourceErrors.FileUnreadable(source, options, file, e);
        }
        if (BinaryProbe.Describe(head) is { } what)
        {
            throw SourceErrors.Create(source, options, $"{file} is {what}. Nothing of it was loaded.", file: file);
        }

        var encoding = source.Encoding;
        if (encoding == CsvEncoding.Auto)
        {
            encoding = await EncodingDetector.DetectAsync(file, long.MaxValue, cancellationToken).ConfigureAwait(false);
        }
        var folder = options?.TempFolder ?? Path.GetTempPath();
        if (encoding == CsvEncoding.Utf8)
        {
            if (file.AsSpan().IndexOfAny(GlobCharacters) < 0)
            {
                return new PreparedFile(file, null);
            }
            // read_csv takes every path as a glob: "专利[2024].csv" would match nothing. A link with a
            // plain name stands in for it.
            Directory.CreateDirectory(folder);
            var link = Path.Combine(folder, $"ipwh-{source.Name}-{Guid.NewGuid():N}.csv");
            File.CreateSymbolicLink(link, file);
            return new PreparedFile(link, link);
        }

        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, $"ipwh-{source.Name}-{Guid.NewGuid():N}.utf8.csv");
        try
        {
            await Gb18030Transcoder.TranscodeAsync(file, copy, cancellationToken).ConfigureAwait(false);
            return new PreparedFile(copy, copy);
        }
        catch (InvalidDataException e)
        {
            File.Delete(copy);
            // Declared gb18030, the file may well be UTF-8: say so rather than "neither".
            var utf8 = source.Encoding == CsvEncoding.Gb18030
                && await EncodingDetector.DetectAsync(file, long.MaxValue, cancellationToken).ConfigureAwait(false) == CsvEncoding.Utf8;
            throw SourceErrors.Create(source, options, utf8
                ? $"{file} is UTF-8 text, but ipwh.json declares \"encoding\": \"gb18030\" for this source, and read as GB18030 its {e.Message}. " +
                  "Nothing of it was loaded. Set \"encoding\": \"utf-8\" (or \"auto\", which decides per file)."
                : $"{file} is neither UTF-8 nor GB18030 text: {e.Message}. Nothing of it was loaded. Save it as CSV UTF-8 or GB18030, or check that it is a CSV file.",
                e, file: file);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    private sealed class PreparedFile(string readPath, string? temporaryCopy) : IDisposable
    {
        public string ReadPath => readPath;

        public void Dispose()
        {
            if (temporaryCopy is not null)
            {
                File.Delete(temporaryCopy);
            }
        }
    }
}
