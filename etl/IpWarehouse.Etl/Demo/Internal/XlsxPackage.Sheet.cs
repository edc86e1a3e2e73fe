using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// The worksheet part: frozen header, column widths, the title merged across the table. Written as plain
/// text rather than through XmlWriter, which is several times slower over a million cells: the cells hold
/// only numbers and shared-string indexes (text lives in sharedStrings.xml), so nothing needs escaping.
internal static partial class XlsxPackage
{
    private static void Worksheet(Stream stream, XlsxSheet sheet, IReadOnlyList<XlsxValue[]> rows, SharedStrings strings)
    {
        using var xml = new StreamWriter(stream, Settings.Encoding, 1 << 16, leaveOpen: true);
        var columns = sheet.Header.Count;
        var names = Enumerable.Range(0, Math.Max(columns, rows.Count == 0 ? 0 : rows.Max(r => r.Length))).Select(ColumnName).ToArray();
        var lastColumn = names[columns - 1];
        xml.Write("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>");
        xml.Write("<worksheet xmlns=\"" + Main + "\" xmlns:r=\"" + Relationships + "\">");
        xml.Write(string.Create(CultureInfo.InvariantCulture, $"<dimension ref=\"A1:{lastColumn}{RowOf(rows.Count - 1)}\"/>"));
        xml.Write(string.Create(CultureInfo.InvariantCulture,
            $"<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{HeaderRow}\" topLeftCell=\"A{HeaderRow + 1}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"));
        xml.Write("<cols>");
        for (var c = 0; c < columns; c++)
        {
            var width = Number(c < sheet.Widths.Count ? sheet.Widths[c] : 12);
            xml.Write(string.Create(CultureInfo.InvariantCulture, $"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{width}\" customWidth=\"1\"/>"));
        }
        xml.Write("</cols><sheetData>");
        WriteRow(xml, 1, [XlsxValue.Of(sheet.Title) with { Style = XlsxStyles.Title }], strings, names);
        if (sheet.Subtitle is not null)
        {
            WriteRow(xml, 2, [XlsxValue.Of(sheet.Subtitle)], strings, names);
        }
        WriteRow(xml, HeaderRow, sheet.Header.Select(h => XlsxValue.Of(h) with { Style = XlsxStyles.Header }).ToArray(), strings, names);
        for (var i = 0; i < rows.Count; i++)
        {
            WriteRow(xml, RowOf(i), rows[i], strings, names);
        }
        xml.Write("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:" + lastColumn + "1\"/></mergeCells></worksheet>");
    }

    private static void WriteRow(StreamWriter xml, long number, XlsxValue[] cells, SharedStrings strings, string[] names)
    {
        var row = number.ToString(CultureInfo.InvariantCulture);
        xml.Write("<row r=\"");
        xml.Write(row);
        xml.Write("\">");
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = cells[c];
            if (cell.Kind == XlsxValueKind.Empty)
            {
                continue;
            }
            xml.Write("<c r=\"");
            xml.Write(names[c]);
            xml.Write(row);
            if (cell.Style != XlsxStyles.Normal)
            {
                xml.Write("\" s=\"");
                xml.Write(cell.Style.ToString(CultureInfo.InvariantCulture));
            }
            if (cell.Kind == XlsxValueKind.Text)
            {
                xml.Write("\" t=\"s\"><v>");
                xml.Write(strings.Add(cell.Text!).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                xml.Write("\"><v>");
                xml.Write(Number(cell.Number));
            }
            xml.Write("</v></c>");
        }
        xml.Write("</row>");
    }
}
