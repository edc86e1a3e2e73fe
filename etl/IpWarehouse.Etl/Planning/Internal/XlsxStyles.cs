using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IpWarehouse.Etl.Planning.Internal;

/// The stylesheet of a report workbook and the indexes of its cell formats. Custom number formats start
/// at id 164 (0–163 are Excel's built-in ones).
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Note = 2;
    public const uint Header = 3;
    public const uint Integer = 4;
    public const uint Number0 = 5;
    public const uint Number2 = 6;
    public const uint Date = 7;
    public const uint RankChange = 8;
    public const uint Text = 9;
    public const uint Number4 = 10;

    public static Stylesheet Create()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd" },
            // positive;negative;zero: ↑2 moved up two places, ↓1 down one, → unchanged
            new NumberingFormat { NumberFormatId = 167, FormatCode = "\"↑\"0;\"↓\"0;\"→\"" },
            new NumberingFormat { NumberFormatId = 168, FormatCode = "#,##0.0000" })
        { Count = 5 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "等线" }),
            new Font(new FontSize { Val = 10 }, new Color { Rgb = "FF595959" }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }))
        { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 };
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };
        var cellFormats = new CellFormats(
            Format(0, 0),                                   // Default
            Format(0, 1),                                   // Title
            Format(0, 2),                                   // Note
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                NumberFormatId = 0, FontId = 3, FillId = 2, BorderId = 1, FormatId = 0,
                ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            },                                              // Header
            Format(164, 0),                                 // Integer
            Format(164, 0),                                 // Number0
            Format(165, 0),                                 // Number2
            Format(166, 0),                                 // Date
            Format(167, 0),                                 // RankChange
            Format(49, 0),                                  // Text (@)
            Format(168, 0))                                 // Number4
        { Count = 11 };
        var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(formats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles);
    }

    private static CellFormat Format(uint numberFormat, uint font) => new()
    {
        NumberFormatId = numberFormat,
        FontId = font,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        ApplyNumberFormat = numberFormat != 0 ? true : null,
        ApplyFont = font != 0 ? true : null,
    };

    public static uint For(ReportColumn column) => column.Kind switch
    {
        ReportKind.Integer => Integer,
        ReportKind.Number => column.Decimals switch
        {
            < 0 => Default,
            0 => Number0,
            <= 2 => Number2,
            _ => Number4,
        },
        ReportKind.Date => Date,
        ReportKind.RankChange => RankChange,
        _ => Default,
    };

}
