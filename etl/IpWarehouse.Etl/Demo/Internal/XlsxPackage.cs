using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace IpWarehouse.Etl.Demo.Internal;

/// What one worksheet shows: a title row above the header, as statistics offices and CNIPA exports do.
internal sealed record XlsxSheet(string Name, string Title, string? Subtitle, IReadOnlyList<string> Header, IReadOnlyList<double> Widths);

/// Writes a one-sheet XLSX package part by part (SpreadsheetML over System.IO.Compression) instead of
/// through the OpenXml SDK, because the SDK names relationships with random ids and stamps zip entries
/// with the current time: this way the same rows give byte-identical workbooks. Rows are streamed, so
/// 100 000 trademarks never sit in a DOM.
internal static partial class XlsxPackage
{
    /// Title on row 1, subtitle (or an empty row) on row 2, header on row 3, data from row 4.
    public const int HeaderRow = 3;

    // Deflate's fastest level: half the time of the default for a 100 000-row sheet, and any XLSX reader
    // (Excel, WPS, the loader) inflates every level alike.
    private const CompressionLevel Compression = CompressionLevel.Fastest;

    // A fixed entry time (the zip format stores local time without a zone): with it the bytes depend on
    // the content alone.
    private static readonly DateTimeOffset EntryTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
    };

    /// The sheet row of data row <paramref name="index"/> (0-based).
    public static long RowOf(int index) => HeaderRow + 1 + index;

    public static void Write(string path, XlsxSheet sheet, IReadOnlyList<XlsxValue[]> rows)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false, Encoding.UTF8);
        WriteText(zip, "[Content_Types].xml", ContentTypes);
        WriteText(zip, "_rels/.rels", RootRelationships);
        WriteEntry(zip, "xl/workbook.xml", xml => Workbook(xml, sheet.Name));
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WriteText(zip, "xl/styles.xml", Styles);
        var strings = new SharedStrings();
        var part = zip.CreateEntry("xl/worksheets/sheet1.xml", Compression);
        part.LastWriteTime = EntryTime;
        using (var stream = part.Open())
        {
            Worksheet(stream, sheet, rows, strings);
        }
        WriteEntry(zip, "xl/sharedStrings.xml", strings.Write);
    }

    private static void Workbook(XmlWriter xml, string sheetName)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement("sheets", Main);
        xml.WriteStartElement("sheet", Main);
        xml.WriteAttributeString("name", sheetName);
        xml.WriteAttributeString("sheetId", "1");
        xml.WriteAttributeString("id", Relationships, "rId1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, Compression);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(Settings.Encoding.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" + text));
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, Compression);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// A, B, … Z, AA, AB …
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// Strings are stored once and cells refer to them by index, as Excel writes them.
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> items = [];
        private int references;

        public int Add(string text)
        {
            references++;
            if (!index.TryGetValue(text, out var i))
            {
                i = items.Count;
                index[text] = i;
                items.Add(text);
            }
            return i;
        }

        public void Write(XmlWriter xml)
        {
            xml.WriteStartElement("sst", Main);
            xml.WriteAttributeString("count", references.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("uniqueCount", items.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var text in items)
            {
                xml.WriteStartElement("si", Main);
                xml.WriteStartElement("t", Main);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                }
                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
    }
}
