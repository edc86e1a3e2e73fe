namespace IpWarehouse.Etl.Snapshots.Internal;

/// How a column's values are summed up for the deep check, from its DuckDB type. Every kind but Float and Text
/// is compared exactly as whole numbers: DECIMAL unscaled, DATE as day numbers, TIMESTAMP as epoch microseconds,
/// BOOLEAN as 0/1. Other types (BLOB, UUID, TIME, nested) are checked by the footer only.
internal enum FigureKind
{
    Integer,
    Decimal,
    Float,
    Boolean,
    Date,
    Timestamp,
    Text,
    NotCompared,
}

internal static class FigureKinds
{
    internal static FigureKind Of(string duckDbType)
    {
        var type = ParquetTypes.AsWritten(duckDbType);
        return type switch
        {
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" => FigureKind.Integer,
            "FLOAT" or "DOUBLE" => FigureKind.Float,
            "BOOLEAN" => FigureKind.Boolean,
            "DATE" => FigureKind.Date,
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => FigureKind.Timestamp,
            "VARCHAR" => FigureKind.Text,
            _ when type.StartsWith("DECIMAL(", StringComparison.Ordinal) => FigureKind.Decimal,
            _ => FigureKind.NotCompared,
        };
    }

    /// The scale of DECIMAL(p,s); 0 for every other type.
    internal static int Scale(string duckDbType)
    {
        var type = ParquetTypes.AsWritten(duckDbType);
        var comma = type.IndexOf(',', StringComparison.Ordinal);
        return type.StartsWith("DECIMAL(", StringComparison.Ordinal) && comma > 0
            ? int.Parse(type.AsSpan(comma + 1, type.Length - comma - 2), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }
}
