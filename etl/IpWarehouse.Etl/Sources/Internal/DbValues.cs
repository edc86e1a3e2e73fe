using System.Globalization;

namespace IpWarehouse.Etl.Sources.Internal;

/// Database values as the invariant text staging keeps, and watermarks to and from text.
internal static class DbValues
{
    public static string? ToText(object? value, string? dataTypeName) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateTime d when IsDateType(dataTypeName) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // K: "Z" for UTC (PostgreSQL timestamptz), the offset for local times, nothing for unspecified.
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// A watermark as text that reads back to the same value: round-trip "O" for timestamps (keeping
    /// UTC as Z), invariant text otherwise.
    public static string? WatermarkText(object? value) => value switch
    {
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => ToText(value, null),
    };

    /// The previous watermark as a parameter value of the column's type; text when it does not parse
    /// as that type (SQLite reports declared types, which need not match what is stored).
    public static object ParseWatermark(string text, Type fieldType)
    {
        try
        {
            return Type.GetTypeCode(fieldType) switch
            {
                TypeCode.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                TypeCode.String => text,
                TypeCode.Boolean => bool.Parse(text),
                TypeCode.Char => text,
                TypeCode.Object when fieldType == typeof(DateTimeOffset) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
                TypeCode.Object when fieldType == typeof(DateOnly) => DateOnly.Parse(text, CultureInfo.InvariantCulture),
                TypeCode.Object when fieldType == typeof(Guid) => Guid.Parse(text),
                TypeCode.Object when fieldType == typeof(byte[]) && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) =>
                    Convert.FromHexString(text.AsSpan(2)),
                TypeCode.Object => text,
                _ => Convert.ChangeType(text, fieldType, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            return text;
        }
    }

    /// Orders watermark values: same-typed comparables natively, byte arrays (rowversion) bytewise,
    /// anything else by invariant text.
    public static int CompareWatermarks(object a, object b)
    {
        if (a.GetType() == b.GetType())
        {
            if (a is byte[] x && b is byte[] y)
            {
                return x.AsSpan().SequenceCompareTo(y);
            }
            if (a is IComparable comparable)
            {
                return comparable.CompareTo(b);
            }
        }
        return string.CompareOrdinal(WatermarkText(a), WatermarkText(b));
    }

    private static bool IsDateType(string? dataTypeName) =>
        dataTypeName is not null && dataTypeName.Equals("date", StringComparison.OrdinalIgnoreCase);
}
