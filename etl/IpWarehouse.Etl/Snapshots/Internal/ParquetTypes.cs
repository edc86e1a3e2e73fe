using Parquet.Meta;
using ParquetType = Parquet.Meta.Type;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// Names a Parquet column's type the way DuckDB names the published column's, so the two can be compared:
/// the file side from the footer's physical, logical and converted types (DuckDB writes a logical type for
/// DECIMAL and TIMESTAMP, only the converted one for DATE and the integer widths), the table side as DuckDB
/// writes it to Parquet.
internal static class ParquetTypes
{
    internal const string Nested = "NESTED";

    internal static string DuckDbName(SchemaElement element)
    {
        if (element.NumChildren is > 0)
        {
            return Nested;
        }
        var logical = element.LogicalType;
        var converted = element.ConvertedType;
        if (logical?.DECIMAL is { } dec)
        {
            return $"DECIMAL({dec.Precision},{dec.Scale})";
        }
        if (converted == ConvertedType.DECIMAL)
        {
            return $"DECIMAL({element.Precision},{element.Scale})";
        }
        return element.Type switch
        {
            ParquetType.BOOLEAN => "BOOLEAN",
            ParquetType.INT32 when logical?.DATE is not null || converted == ConvertedType.DATE => "DATE",
            ParquetType.INT32 when logical?.TIME is not null || converted == ConvertedType.TIME_MILLIS => "TIME",
            ParquetType.INT32 => Integer(logical?.INTEGER, converted, 32),
            ParquetType.INT64 when logical?.TIMESTAMP is { } ts => ts.IsAdjustedToUTC ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP",
            ParquetType.INT64 when converted is ConvertedType.TIMESTAMP_MICROS or ConvertedType.TIMESTAMP_MILLIS => "TIMESTAMP",
            ParquetType.INT64 when logical?.TIME is not null || converted == ConvertedType.TIME_MICROS => "TIME",
            ParquetType.INT64 => Integer(logical?.INTEGER, converted, 64),
            ParquetType.INT96 => "TIMESTAMP",
            ParquetType.FLOAT => "FLOAT",
            ParquetType.DOUBLE => "DOUBLE",
            ParquetType.BYTE_ARRAY when logical?.STRING is not null || logical?.ENUM is not null || logical?.JSON is not null
                || converted is ConvertedType.UTF8 or ConvertedType.ENUM or ConvertedType.JSON => "VARCHAR",
            ParquetType.FIXED_LEN_BYTE_ARRAY when logical?.UUID is not null => "UUID",
            _ => "BLOB",
        };
    }

    /// The Parquet type DuckDB's COPY writes for a column of this DuckDB type, named as DuckDbName names it:
    /// an ENUM is written as text and a HUGEINT as DOUBLE; lists, structs and maps are groups.
    internal static string AsWritten(string duckDbType)
    {
        var type = duckDbType.Trim().ToUpperInvariant();
        return type switch
        {
            "TIMESTAMPTZ" => "TIMESTAMP WITH TIME ZONE",
            "HUGEINT" or "UHUGEINT" => "DOUBLE",
            _ when type.StartsWith("ENUM", StringComparison.Ordinal) => "VARCHAR",
            _ when type.EndsWith(']') || type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal)
                || type.StartsWith("UNION", StringComparison.Ordinal) => Nested,
            _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => type.Replace(" ", "", StringComparison.Ordinal),
            _ => type,
        };
    }

    private static string Integer(IntType? logical, ConvertedType? converted, int physicalBits)
    {
        var (bits, signed) = logical is not null
            ? (logical.BitWidth, logical.IsSigned)
            : converted switch
            {
                ConvertedType.INT_8 => (8, true),
                ConvertedType.INT_16 => (16, true),
                ConvertedType.INT_32 => (32, true),
                ConvertedType.INT_64 => (64, true),
                ConvertedType.UINT_8 => (8, false),
                ConvertedType.UINT_16 => (16, false),
                ConvertedType.UINT_32 => (32, false),
                ConvertedType.UINT_64 => (64, false),
                _ => (physicalBits, true),
            };
        var name = bits switch { 8 => "TINYINT", 16 => "SMALLINT", 32 => "INTEGER", _ => "BIGINT" };
        return signed ? name : "U" + name;
    }
}
