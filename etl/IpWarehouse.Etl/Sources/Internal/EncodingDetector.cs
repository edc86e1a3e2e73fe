using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sources.Internal;

/// encoding "auto", decided per file: a UTF-8 BOM means UTF-8; otherwise the bytes are validated as
/// strict UTF-8 (streaming, vectorised by System.Text.Unicode.Utf8.IsValid) and anything invalid means
/// GB18030. Chinese text in GBK/GB18030 is practically never valid UTF-8; pure ASCII is both.
internal static class EncodingDetector
{
    private const int ChunkSize = 1 << 20;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool HasUtf8Bom(ReadOnlySpan<byte> head) => head.StartsWith(Utf8Bom);

    public static async Task<CsvEncoding> DetectAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
        var buffer = new byte[ChunkSize + 4];
        var carry = 0;
        long total = 0;
        var first = true;
        while (total < maxBytes)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carry, ChunkSize), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            var length = carry + read;
            if (first && HasUtf8Bom(buffer.AsSpan(0, length)))
            {
                return CsvEncoding.Utf8;
            }
            first = false;
            total += read;
            var tail = IncompleteTail(buffer.AsSpan(0, length));
            if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, length - tail)))
            {
                return CsvEncoding.Gb18030;
            }
            buffer.AsSpan(length - tail, tail).CopyTo(buffer);
            carry = tail;
        }
        // A multi-byte sequence cut by the end of the file is invalid; cut by maxBytes (check) it is not judged.
        return carry > 0 && total < maxBytes ? CsvEncoding.Gb18030 : CsvEncoding.Utf8;
    }

    /// Bytes at the end that start a UTF-8 sequence the chunk does not complete (0–3).
    private static int IncompleteTail(ReadOnlySpan<byte> span)
    {
        for (var back = 1; back <= Math.Min(3, span.Length); back++)
        {
            var b = span[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: keep looking for the lead
            }
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
