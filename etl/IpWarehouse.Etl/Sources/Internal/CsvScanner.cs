using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace IpWarehouse.Etl.Sources.Internal;

/// One streaming pass over a UTF-8 CSV file's bytes: no strings per row, no allocation per row. It
/// finds what DuckDB's read_csv does not report: the line each record starts on (so _row is the line
/// number the operator sees even after blank lines and multi-line quoted cells), the widest record,
/// whether quoted cells span lines, and the fields of the first records for header detection.
/// Ordinary bytes are skipped with vectorised IndexOfAny; only delimiters, quotes and line breaks stop it.
internal sealed class CsvScanner
{
    private const byte Quote = (byte)'"';
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly byte delimiter;
    private readonly int captureRecords;
    private readonly SearchValues<byte> unquotedStops;
    private readonly SearchValues<byte> quotedStops = SearchValues.Create([Quote, Lf, Cr, 0]);
    private readonly CsvScan scan = new();
    private readonly List<string> fields = [];
    private readonly ArrayBufferWriter<byte> field = new(256);

    private bool inQuotes;
    private bool quoteInQuotes;
    private bool crPending;
    private bool fieldStart = true;
    private bool recordOpen;
    private int fieldCount;
    private long line = 1;
    private long recordLine;
    private long previousRecordLine;

    private CsvScanner(byte delimiter, int captureRecords)
    {
        this.delimiter = delimiter;
        this.captureRecords = captureRecords;
        unquotedStops = SearchValues.Create([delimiter, Quote, Lf, Cr, 0]);
    }

    private bool Capturing
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => scan.FirstRecords.Count < captureRecords;
    }

    /// Scans a file; stops after maxRecords records or maxBytes bytes (scan.Truncated) when given.
    public static async Task<CsvScan> ScanAsync(
        string path, byte delimiter, int captureRecords, long maxRecords, long maxBytes, CancellationToken cancellationToken)
    {
        var scanner = new CsvScanner(delimiter, captureRecords);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long total = 0;
            var first = true;
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, Math.Max(0, maxBytes - total))), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    scanner.scan.Truncated = total >= maxBytes && stream.Position < stream.Length;
                    break;
                }
                var span = buffer.AsSpan(0, read);
                if (first && EncodingDetector.HasUtf8Bom(span))
                {
                    span = span[3..];
                }
                first = false;
                total += read;
                if (!scanner.Process(span, maxRecords))
                {
                    scanner.scan.Truncated = true;
                    return scanner.scan;
                }
            }
            scanner.Finish();
            return scanner.scan;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// False when maxRecords is reached or a NUL byte is found. The per-byte path is compiled fully
    /// optimised from the first call (here and in its helpers): a nightly load is a fresh process that
    /// scans each file once, so tier-0 code would never be replaced in time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Process(ReadOnlySpan<byte> span, long maxRecords)
    {
        var i = 0;
        while (i < span.Length)
        {
            var b = span[i];
            if (crPending)
            {
                crPending = false;
                if (b == Lf)
                {
                    // The LF of a CRLF: the line was counted at the CR.
                    if (inQuotes && !quoteInQuotes && Capturing)
                    {
                        field.Write([Lf]);
                    }
                    i++;
                    continue;
                }
            }

            if (inQuotes)
            {
                if (quoteInQuotes)
                {
                    quoteInQuotes = false;
                    if (b == Quote)
                    {
                        Append(span.Slice(i, 1)); // "" inside quotes is one quote
                        i++;
                        continue;
                    }
                    inQuotes = false; // the quote closed the field; b is read unquoted below
                }
                else
                {
                    var stop = span[i..].IndexOfAny(quotedStops);
                    if (stop != 0)
                    {
                        var length = stop < 0 ? span.Length - i : stop;
                        Append(span.Slice(i, length));
                        i += length;
                        continue;
                    }
                    switch (b)
                    {
                        case Quote:
                            quoteInQuotes = true;
                            break;
                        case Lf or Cr:
                            line++;
                            crPending = b == Cr;
                            scan.HasQuotedNewline = true;
                            Append(span.Slice(i, 1));
                            break;
                        default:
                            scan.NulLine = line;
                            return false;
                    }
                    i++;
                    continue;
                }
            }

            var next = span[i..].IndexOfAny(unquotedStops);
            if (next != 0)
            {
                var length = next < 0 ? span.Length - i : next;
                OpenRecord();
                fieldStart = false;
                Append(span.Slice(i, length));
                i += length;
                continue;
            }
            if (b is Lf or Cr)
            {
                if (!EndRecord(maxRecords))
                {
                    return false;
                }
                line++;
                crPending = b == Cr;
                i++;
                continue;
            }
            if (b == 0)
            {
                scan.NulLine = line;
                return false;
            }
            OpenRecord();
            if (b == delimiter)
            {
                EndField();
                fieldCount++;
                fieldStart = true;
            }
            else if (b == Quote && fieldStart)
            {
                inQuotes = true;
                fieldStart = false;
            }
            else
            {
                fieldStart = false; // a quote inside an unquoted field is an ordinary character
                Append(span.Slice(i, 1));
            }
            i++;
        }
        return true;
    }

    private void Finish()
    {
        if (inQuotes && !quoteInQuotes)
        {
            scan.UnterminatedQuoteLine = recordLine;
        }
        inQuotes = false;
        EndRecord(long.MaxValue);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OpenRecord()
    {
        if (!recordOpen)
        {
            recordOpen = true;
            recordLine = line;
            fieldCount = 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (Capturing)
        {
            field.Write(bytes);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndField()
    {
        if (Capturing)
        {
            fields.Add(Encoding.UTF8.GetString(field.WrittenSpan));
            field.Clear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool EndRecord(long maxRecords)
    {
        if (!recordOpen)
        {
            return true; // an empty line: DuckDB skips it, and so do record ordinals
        }
        EndField();
        scan.Records++;
        if (scan.Records == 1 || recordLine != previousRecordLine + 1)
        {
            scan.Breakpoints.Add((scan.Records, recordLine));
        }
        previousRecordLine = recordLine;
        scan.MaxFields = Math.Max(scan.MaxFields, fieldCount);
        scan.MinFields = Math.Min(scan.MinFields, fieldCount);
        if (Capturing)
        {
            scan.FirstRecords.Add([.. fields]);
            fields.Clear();
        }
        recordOpen = false;
        fieldStart = true;
        return scan.Records < maxRecords;
    }
}
