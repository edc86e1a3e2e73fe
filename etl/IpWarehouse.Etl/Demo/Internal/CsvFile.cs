using System.Text;

namespace IpWarehouse.Etl.Demo.Internal;

/// Writes a CSV file as departmental tools export it: RFC 4180 quoting where needed, CRLF line ends, the
/// header on line 1, so data row i (0-based) is on line i + 2. No value contains a line break, which
/// keeps line numbers and record numbers the same.
internal static class CsvFile
{
    // GB18030 is code page 54936; .NET Core ships the table but registers it only on request.
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static long LineOf(int rowIndex) => rowIndex + 2;

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<string?[]> rows, Encoding encoding, bool byteOrderMark)
    {
        var text = new StringBuilder(1 << 20);
        AppendRecord(text, header);
        foreach (var row in rows)
        {
            AppendRecord(text, row);
        }
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (byteOrderMark)
        {
            stream.Write([0xEF, 0xBB, 0xBF]);
        }
        var bytes = encoding.GetBytes(text.ToString());
        stream.Write(bytes);
    }

    private static void AppendRecord(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            AppendField(text, cells[i]);
        }
        text.Append("\r\n");
    }

    private static void AppendField(StringBuilder text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(value);
            return;
        }
        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
