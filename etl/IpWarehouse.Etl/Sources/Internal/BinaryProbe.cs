namespace IpWarehouse.Etl.Sources.Internal;

/// Tells a text file from something else by its first bytes, so that a workbook or a PDF dropped in
/// the CSV folder fails with a clear sentence instead of a parser error or garbage rows.
internal static class BinaryProbe
{
    public const int HeadLength = 64 * 1024;

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];
    private static ReadOnlySpan<byte> Utf16Le => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16Be => [0xFE, 0xFF];

    /// Null for text; otherwise what the file looks like and how to fix it.
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "a ZIP archive, not CSV text (an .xlsx workbook?). Use connector xlsx for workbooks, or export the sheet as CSV";
        }
        if (head.StartsWith(OleMagic))
        {
            return "an old Excel .xls (OLE) file, not CSV text. Save it as CSV (UTF-8) or .xlsx";
        }
        if (head.StartsWith("%PDF"u8))
        {
            return "a PDF document, not CSV text. Ask for the data as CSV or XLSX";
        }
        if (head.StartsWith(GzipMagic))
        {
            return "a gzip archive, not CSV text. Unpack it into the drop folder first";
        }
        if (head.StartsWith(Utf16Le) || head.StartsWith(Utf16Be))
        {
            return "UTF-16 text, which is not read. Save it as CSV UTF-8 (Excel: \"CSV UTF-8\") or GB18030";
        }
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            return $"binary data (a NUL byte at offset {nul}), not CSV text. Check that the right file was dropped";
        }
        var control = 0;
        foreach (var b in head)
        {
            // Tab, LF, CR and ESC-free text: other C0 controls do not occur in CSV exports.
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                control++;
            }
        }
        return control > head.Length / 100 + 1
            ? $"binary data ({control} control bytes in the first {head.Length} bytes), not CSV text. Check that the right file was dropped"
            : null;
    }

    public static async Task<byte[]> ReadHeadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
        var buffer = new byte[(int)Math.Min(HeadLength, stream.Length)];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }
}
