using System.Text;

namespace IpWarehouse.Etl.Tests.Demo;

/// Reads the demo's CSV files back: RFC 4180 quoting, CRLF or LF, one record per line (the demo writes
/// no line breaks inside cells, which the line-number tests rely on).
public static class CsvText
{
    public static List<string[]> Read(string path, Encoding encoding)
    {
        var text = encoding.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(Split).ToList();
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }

    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
