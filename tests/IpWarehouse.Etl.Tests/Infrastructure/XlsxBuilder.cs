using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IpWarehouse.Etl.Tests.Infrastructure;

/// Writes real XLSX workbooks with DocumentFormat.OpenXml, the way Excel stores them: text as shared
/// strings (or inline strings), dates as serial numbers with a date style.
public sealed class XlsxBuilder
{
    /// Style index of the built-in date format 14 (m/d/yyyy).
    public const uint DateStyle = 1;

    /// Style index of a custom Chinese date format (yyyy"年"m"月"d"日").
    public const uint ChineseDateStyle = 2;

    private readonly List<(string Name, SortedDictionary<long, object?[]> Rows)> sheets = [];

    public SheetBuilder Sheet(string name)
    {
        var rows = new SortedDictionary<long, object?[]>();
        sheets.Add((name, rows));
        return new SheetBuilder(rows);
    }

    public static double Serial(int year, int month, int day) => (new DateTime(year, month, day) - new DateTime(1899, 12, 30)).TotalDays;

    public void Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        var strings = new List<object>();
        var stylesPart = workbook.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Styles();

        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (number, values) in rows)
            {
                var row = new Row { RowIndex = (uint)number };
                for (var c = 0; c < values.Length; c++)
                {
                    if (Cell(values[c], $"{ColumnName(c)}{number}", strings) is { } cell)
                    {
                        row.Append(cell);
                    }
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
        sharedPart.SharedStringTable = new SharedStringTable(strings.Select(SharedString));
        workbook.Workbook.Save();
    }

    /// Plain text, or rich text runs with a phonetic guide (which is not part of the value).
    private static SharedStringItem SharedString(object value) => value switch
    {
        Rich rich => new SharedStringItem(rich.Runs.Select(r => (OpenXmlElement)new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve }))
            .Append(new PhoneticRun(new Text("ピン")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 })),
        _ => new SharedStringItem(new Text((string)value) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell? Cell(object? value, string reference, List<object> strings)
    {
        switch (value)
        {
            case null:
                return null;
            case string or Rich:
                var index = strings.IndexOf(value);
                if (index < 0)
                {
                    strings.Add(value);
                    index = strings.Count - 1;
                }
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            case Inline inline:
                return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) };
            case Styled styled:
                return new Cell { CellReference = reference, StyleIndex = styled.Style, CellValue = new CellValue(styled.Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) };
            case bool flag:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") };
            case IConvertible number:
                return new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture)) };
            default:
                throw new ArgumentException($"Cannot write {value.GetType()}", nameof(value));
        }
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });

    public sealed class SheetBuilder(SortedDictionary<long, object?[]> rows)
    {
        public SheetBuilder Row(long number, params object?[] values)
        {
            rows[number] = values;
            return this;
        }
    }

    /// A shared string in several formatted runs.
    public sealed record Rich(params string[] Runs)
    {
        public bool Equals(Rich? other) => other is not null && Runs.SequenceEqual(other.Runs);

        public override int GetHashCode() => string.Concat(Runs).GetHashCode(StringComparison.Ordinal);
    }

    /// A string written inline (t="inlineStr") instead of into the shared string table.
    public sealed record Inline(string Text);

    /// A number with a cell style, e.g. a serial date with DateStyle.
    public sealed record Styled(double Number, uint Style);

    public static Styled Date(int year, int month, int day, uint style = DateStyle) => new(Serial(year, month, day), style);
}
