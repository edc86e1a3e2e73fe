using System.Globalization;

namespace IpWarehouse.Etl.Sources.Internal;

/// Excel's stored numbers as the text staging keeps.
internal static class ExcelValues
{
    // The 1900 date system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, has a 1900-02-29 (serial
    // 60) that never existed; serials above 60 are therefore one day ahead of a plain day count.
    private static readonly DateTime Base1900 = new(1899, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Base1900AfterBug = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Base1904 = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    // Excel's largest date, 9999-12-31.
    private const double MaxSerial = 2958465.99999;

    /// An ISO date (yyyy-MM-dd), or an ISO timestamp when the serial has a time of day and dateOnly is
    /// false. Null when the number is no date (negative, too large, not a number).
    public static string? SerialToIso(string raw, bool date1904, bool dateOnly)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 0 || serial > MaxSerial)
        {
            return null;
        }
        var days = Math.Floor(serial);
        if (!date1904 && days == 60)
        {
            return "1900-02-29"; // not a date; left for the validator to quarantine as bad_date
        }
        var date = (date1904 ? Base1904 : days < 60 ? Base1900 : Base1900AfterBug).AddDays(days);
        var seconds = Math.Round((serial - days) * 86400);
        if (dateOnly || seconds == 0)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return date.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// A number as invariant text with Excel's 15 significant digits (what Excel shows: 0.1+0.2 is
    /// stored as 0.30000000000000004 and shown as 0.3), without exponents for ordinary magnitudes.
    public static string NumberText(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return raw;
        }
        var text = value.ToString("G15", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            text = exact.ToString(CultureInfo.InvariantCulture);
        }
        return text;
    }

    /// Built-in number formats that show dates: 14–17 and 22 everywhere, 27–36 and 50–58 the East
    /// Asian date formats (年/月/日) Chinese Excel writes. 18–21 and 45–47 are times only.
    public static bool IsBuiltInDateFormat(uint id) => id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58;

    /// A custom format code shows a date when, outside quoted text, [..] sections and escapes, it has a
    /// year or day token (m alone is also minutes, so it does not decide).
    public static bool IsDateFormatCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }
            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }
            switch (c)
            {
                case '"': inQuote = true; break;
                case '[': inBracket = true; break;
                case '\\' or '_' or '*': i++; break; // escaped or padding character
                case 'y' or 'Y' or 'd' or 'D': return true;
                case 'G' when code.AsSpan(i).StartsWith("General", StringComparison.OrdinalIgnoreCase): i += 6; break;
                case ';': return false; // only the first (positive) section decides
            }
        }
        return false;
    }
}
