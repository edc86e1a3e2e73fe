using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IpWarehouse.Etl.Sources.Internal;

/// Cells of one row element: where they are, how their value is stored, and the text of strings.
internal sealed partial class XlsxWorkbook
{
    private List<XlsxCell> Cells(Row row)
    {
        var cells = new List<XlsxCell>();
        var column = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
            var style = cell.StyleIndex?.Value ?? 0;
            var value = cell.CellValue?.Text;
            switch (cell.DataType?.Value)
            {
                case CellValues.SharedString:
                    if (int.TryParse(value, out var index) && index >= 0 && index < sharedStrings.Count)
                    {
                        cells.Add(new XlsxCell(column, XlsxCellKind.Text, sharedStrings[index], style));
                    }
                    break;
                case CellValues.InlineString:
                    cells.Add(new XlsxCell(column, XlsxCellKind.Text, StringText(cell.InlineString), style));
                    break;
                case CellValues.String:
                    cells.Add(new XlsxCell(column, XlsxCellKind.Text, value ?? "", style));
                    break;
                case CellValues.Boolean when value is not null:
                    cells.Add(new XlsxCell(column, XlsxCellKind.Boolean, value, style));
                    break;
                case CellValues.Error when value is not null:
                    cells.Add(new XlsxCell(column, XlsxCellKind.Error, value, style));
                    break;
                case CellValues.Date when value is not null:
                    cells.Add(new XlsxCell(column, XlsxCellKind.IsoDate, value, style));
                    break;
                default:
                    if (value is not null)
                    {
                        cells.Add(new XlsxCell(column, XlsxCellKind.Number, value, style));
                    }
                    break;
            }
        }
        return cells;
    }

    /// "AB12" → 27 (zero-based).
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = index * 26 + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = index * 26 + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return index - 1;
    }

    /// The text of a shared or inline string: plain or rich text runs; phonetic guides are not text.
    private static string StringText(OpenXmlElement? item) =>
        item is null ? "" : string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));
}
