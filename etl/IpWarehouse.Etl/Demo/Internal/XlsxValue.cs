namespace IpWarehouse.Etl.Demo.Internal;

internal enum XlsxValueKind
{
    Empty,
    Text,
    Number,
}

/// One cell: text (a shared string), a number, or nothing. Dates are numbers with a date style, as Excel
/// stores them.
internal readonly record struct XlsxValue(XlsxValueKind Kind, string? Text, double Number, uint Style)
{
    // Excel's 1900 date system: serial 1 is 1900-01-01 and the phantom 1900-02-29 shifts later dates by
    // one, so for any date after February 1900 the serial is the day count from 1899-12-30.
    private static readonly DateOnly SerialBase = new(1899, 12, 30);

    public static XlsxValue Empty => default;

    public static XlsxValue Of(string? text) => string.IsNullOrEmpty(text) ? default : new(XlsxValueKind.Text, text, 0, XlsxStyles.Normal);

    public static XlsxValue Of(double number, uint style = XlsxStyles.Normal) => new(XlsxValueKind.Number, null, number, style);

    public static XlsxValue Of(DateOnly? date) =>
        date is { } d ? new(XlsxValueKind.Number, null, d.DayNumber - SerialBase.DayNumber, XlsxStyles.Date) : default;
}

/// Style indexes of the stylesheet XlsxPackage writes (cellXfs order).
internal static class XlsxStyles
{
    public const uint Normal = 0;

    /// Number format 164, yyyy-mm-dd: what makes a serial read as a date.
    public const uint Date = 1;

    public const uint Header = 2;

    public const uint Title = 3;

    /// #,##0 (built-in format 3), for populations.
    public const uint Thousands = 4;
}
