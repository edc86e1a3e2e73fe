using System.Text;

namespace IpWarehouse.Etl.Sources.Internal;

/// GB18030 (code page 54936, a superset of GBK and GB2312) to UTF-8, streamed, so that DuckDB's
/// read_csv (UTF-8 only here: its encodings extension cannot be downloaded) reads the copy. Line
/// breaks are copied as they are, so line numbers stay those of the original file. Bytes that are not
/// GB18030 fail the file instead of becoming U+FFFD in the warehouse.
internal static class Gb18030Transcoder
{
    private static readonly Lazy<Encoding> Strict = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// GB18030 that fails on invalid bytes (loading).
    public static Encoding Encoding => Strict.Value;

    /// GB18030 that replaces invalid bytes (peeking at a file's head for `ipwh check`).
    public static Encoding Lenient
    {
        get
        {
            _ = Strict.Value; // registers the code-page provider
            return Encoding.GetEncoding(54936);
        }
    }

    /// Writes the UTF-8 copy; throws InvalidDataException naming the line of the first invalid byte.
    public static async Task TranscodeAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        using var reader = new StreamReader(input, Encoding, detectEncodingFromByteOrderMarks: false, 1 << 16);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        var buffer = new char[1 << 16];
        long lines = 1;
        while (true)
        {
            int read;
            try
            {
                read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            catch (DecoderFallbackException e)
            {
                var bytes = e.BytesUnknown is { } unknown ? string.Join(' ', unknown.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))) : "?";
                throw new InvalidDataException($"bytes {bytes} near line {lines} are not GB18030 text", e);
            }
            if (read == 0)
            {
                break;
            }
            lines += buffer.AsSpan(0, read).Count('\n');
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }
}
