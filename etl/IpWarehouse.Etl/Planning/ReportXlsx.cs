using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Writes a <see cref="Report"/> as an XLSX workbook for the leadership: the title (merged over the
/// columns), the notes (as-of, 数据截至 … 批次 …), the summary, then a header row of Chinese headers with
/// units, frozen so it stays on screen, and the rows with number formats (values unrounded; the format
/// only decides what is shown). Valid against the OpenXml SDK's validator.
/// </summary>
public static class ReportXlsx
{
    /// <summary>Writes the workbook to a stream (seekable or not).</summary>
    public static void Write(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // The package writer needs to seek; buffer when the caller's stream cannot (stdout, HTTP).
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(report, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = XlsxStyles.Create();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var columnCount = Math.Max(1, report.Columns.Count);
        var sheetData = new SheetData();
        uint rowIndex = 0;
        sheetData.Append(TextRow(++rowIndex, report.Title, XlsxStyles.Title));
        foreach (var note in report.Notes)
        {
            sheetData.Append(TextRow(++rowIndex, note, XlsxStyles.Note));
        }
        foreach (var field in report.Summary)
        {
            var row = new Row { RowIndex = ++rowIndex };
            row.Append(InlineText(Reference(0, rowIndex), field.Label, XlsxStyles.Header));
            row.Append(InlineText(Reference(1, rowIndex), field.Value, XlsxStyles.Default));
            sheetData.Append(row);
        }
        ++rowIndex; // an empty row between the heading and the table
        var headerRow = ++rowIndex;
        var header = new Row { RowIndex = headerRow };
        for (var c = 0; c < report.Columns.Count; c++)
        {
            header.Append(InlineText(Reference(c, headerRow), report.Columns[c].HeaderWithUnit, XlsxStyles.Header));
        }
        sheetData.Append(header);
        foreach (var values in report.Rows)
        {
            var row = new Row { RowIndex = ++rowIndex };
            for (var c = 0; c < report.Columns.Count && c < values.Count; c++)
            {
                if (Cell(report.Columns[c], values[c], Reference(c, rowIndex)) is { } cell)
                {
                    row.Append(cell);
                }
            }
            sheetData.Append(row);
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = Reference(0, headerRow + 1),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = Reference(0, headerRow + 1), SequenceOfReferences = new ListValue<StringValue> { InnerText = Reference(0, headerRow + 1) } })
        { WorkbookViewId = 0U }));
        var widths = new Columns();
        for (var c = 0; c < report.Columns.Count; c++)
        {
            widths.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Width(report, c), CustomWidth = true });
        }
        if (report.Columns.Count > 0)
        {
            worksheet.Append(widths);
        }
        worksheet.Append(sheetData);
        if (columnCount > 1)
        {
            worksheet.Append(new MergeCells(new MergeCell { Reference = $"{Reference(0, 1)}:{Reference(columnCount - 1, 1)}" }) { Count = 1 });
        }
        sheetPart.Worksheet = worksheet;

        workbookPart.Workbook.Append(new Sheets(new Sheet
        {
            Id = workbookPart.GetIdOfPart(sheetPart),
            SheetId = 1,
            Name = SheetName(report.SheetName),
        }));
        workbookPart.Workbook.Save();
    }

    private static Row TextRow(uint index, string text, uint style)
    {
        var row = new Row { RowIndex = index };
        row.Append(InlineText(Reference(0, index), text, style));
        return row;
    }

    private static Cell? Cell(ReportColumn column, object? value, string reference)
    {
        var style = XlsxStyles.For(column);
        return value switch
        {
            null => null,
            double d when double.IsFinite(d) => Number(reference, d.ToString("R", CultureInfo.InvariantCulture), style),
            double => null,
            int or long => Number(reference, Convert.ToString(value, CultureInfo.InvariantCulture)!, style),
            DateOnly date => Number(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), XlsxStyles.Date),
            bool b => InlineText(reference, b ? "是" : "否", XlsxStyles.Default),
            _ => InlineText(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", XlsxStyles.Default),
        };
    }

    private static Cell Number(string reference, string text, uint style) =>
        new(new CellValue(text)) { CellReference = reference, StyleIndex = style };

    private static Cell InlineText(string reference, string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    /// A1-style reference: column index from 0, row from 1.
    private static string Reference(int column, uint row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// Wide enough for the header and the longest value, counting a CJK character as two.
    private static double Width(Report report, int column)
    {
        var longest = Display(report.Columns[column].HeaderWithUnit);
        foreach (var row in report.Rows.Take(500))
        {
            if (column < row.Count)
            {
                longest = Math.Max(longest, Display(ReportText.ForPeople(report.Columns[column], row[column])));
            }
        }
        return Math.Clamp(longest + 2, 8, 60);
    }

    private static int Display(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);

    private static string SheetName(string name)
    {
        var cleaned = new string([.. name.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        cleaned = cleaned.Length == 0 ? "报表" : cleaned;
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
