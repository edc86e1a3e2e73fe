using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Sources.Internal;

/// A workbook opened read-only with the parts a row reader needs: the chosen worksheet, shared strings
/// (streamed with OpenXmlReader), which cell styles show dates, and the date system. Sheet rows are
/// streamed with OpenXmlReader too, one row element in memory at a time.
internal sealed partial class XlsxWorkbook : IDisposable
{
    private readonly Stream stream;
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbook;
    private readonly List<string> sharedStrings;
    private readonly bool[] dateStyles;

    private XlsxWorkbook(Stream stream, SpreadsheetDocument document)
    {
        this.stream = stream;
        this.document = document;
        workbook = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook part");
        SheetNames = workbook.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToArray() ?? [];
        Date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
        sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
        dateStyles = ReadDateStyles(workbook.WorkbookStylesPart?.Stylesheet);
    }

    public IReadOnlyList<string> SheetNames { get; }

    /// Workbooks made on old Macs count days from 1904-01-01.
    public bool Date1904 { get; }

    /// Opens the file; any failure of the package or its XML surfaces as an exception to wrap.
    public static XlsxWorkbook Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        try
        {
            var document = SpreadsheetDocument.Open(stream, isEditable: false);
            try
            {
                return new XlsxWorkbook(stream, document);
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// The named sheet (exact name, else ignoring case and spaces), or the first visible one; null when absent.
    public (string Name, WorksheetPart Part)? FindSheet(string? name)
    {
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = name is null
            ? sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible) ?? sheets.FirstOrDefault()
            : sheets.FirstOrDefault(s => s.Name?.Value == name) ?? sheets.FirstOrDefault(s => HeaderText.Same(s.Name?.Value, name));
        if (sheet?.Id?.Value is not { } id)
        {
            return null;
        }
        return workbook.GetPartById(id) is WorksheetPart part ? (sheet.Name?.Value ?? "", part) : null;
    }

    /// The sheet's rows with at least one cell element, streamed.
    public IEnumerable<XlsxRow> Rows(WorksheetPart sheet)
    {
        using var reader = OpenXmlReader.Create(sheet);
        long last = 0;
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                // LoadCurrentElement leaves the reader on the next element: do not Read() past it.
                var row = (Row)reader.LoadCurrentElement()!;
                last = row.RowIndex?.Value ?? last + 1;
                yield return new XlsxRow(last, Cells(row));
                more = !reader.EOF;
            }
            else
            {
                more = reader.Read();
            }
        }
    }

    /// The text staging keeps for a cell. Numbers become dates when the cell's format shows a date or
    /// the target column is a date column (a serial typed into a General cell).
    public string Text(in XlsxCell cell, bool dateColumn) => cell.Kind switch
    {
        XlsxCellKind.Number when dateColumn || IsDateStyle(cell.Style) =>
            ExcelValues.SerialToIso(cell.Raw, Date1904, dateOnly: dateColumn) ?? ExcelValues.NumberText(cell.Raw),
        XlsxCellKind.Number => ExcelValues.NumberText(cell.Raw),
        XlsxCellKind.Boolean => cell.Raw switch { "1" => "true", "0" => "false", _ => cell.Raw },
        _ => cell.Raw,
    };

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private bool IsDateStyle(uint style) => style < dateStyles.Length && dateStyles[style];

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(StringText(reader.LoadCurrentElement()));
                more = !reader.EOF;
            }
            else
            {
                more = reader.Read();
            }
        }
        return strings;
    }

    private static bool[] ReadDateStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }
        var custom = new Dictionary<uint, string?>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom[id] = format.FormatCode?.Value;
            }
        }
        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value ?? 0)
            .Select(id => custom.TryGetValue(id, out var code) ? ExcelValues.IsDateFormatCode(code) : ExcelValues.IsBuiltInDateFormat(id))
            .ToArray();
    }
}
