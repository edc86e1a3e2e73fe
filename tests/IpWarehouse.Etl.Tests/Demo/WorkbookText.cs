using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IpWarehouse.Etl.Tests.Demo;

/// A demo workbook read back with the OpenXml SDK (independently of the loader's reader): every cell of
/// one sheet by sheet row and column, with whether its style shows a date.
public sealed class WorkbookText
{
    private WorkbookText(Dictionary<long, Dictionary<int, CellText>> rows) => Rows = rows;

    public Dictionary<long, Dictionary<int, CellText>> Rows { get; }

    public CellText? Cell(long row, int column) =>
        Rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : null;

    public static WorkbookText Read(string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var dateStyles = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && (id is >= 14 and <= 22 || formats.TryGetValue(id, out var code) && code.Contains("yy", StringComparison.Ordinal)))
            .ToArray();
        var rows = new Dictionary<long, Dictionary<int, CellText>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new Dictionary<int, CellText>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;
                var raw = cell.CellValue?.Text ?? "";
                var isText = cell.DataType?.Value == CellValues.SharedString;
                var style = cell.StyleIndex?.Value ?? 0;
                cells[column] = new CellText(isText ? strings[int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)] : raw, isText, style < dateStyles.Length && dateStyles[style]);
            }
            rows[row.RowIndex!.Value] = cells;
        }
        return new WorkbookText(rows);
    }

    public sealed record CellText(string Text, bool IsText, bool IsDate)
    {
        /// The date an Excel serial stands for (1900 date system, serials after February 1900).
        public DateOnly AsDate() => DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + (int)double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture));
    }
}
