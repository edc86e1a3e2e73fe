using System.Numerics;

namespace IpWarehouse.DuckDb.Internal;

/// What a reader or appender needs to know of one column's DuckDB type, read once per result.
internal sealed unsafe class ColumnInfo
{
    private ColumnInfo(string name, DuckDBTypeId type, string typeName)
    {
        Name = name;
        Type = type;
        TypeName = typeName;
    }

    internal string Name { get; }

    internal DuckDBTypeId Type { get; }

    /// The physical type of a DECIMAL (SMALLINT, INTEGER, BIGINT or HUGEINT) or ENUM (UTINYINT, USMALLINT, UINTEGER).
    internal DuckDBTypeId Internal { get; private set; }

    internal byte Width { get; private set; }

    internal byte Scale { get; private set; }

    internal string[]? EnumValues { get; private set; }

    internal string TypeName { get; }

    internal Type ClrType => Type switch
    {
        DuckDBTypeId.Boolean => typeof(bool),
        DuckDBTypeId.TinyInt => typeof(sbyte),
        DuckDBTypeId.SmallInt => typeof(short),
        DuckDBTypeId.Integer => typeof(int),
        DuckDBTypeId.BigInt => typeof(long),
        DuckDBTypeId.UTinyInt => typeof(byte),
        DuckDBTypeId.USmallInt => typeof(ushort),
        DuckDBTypeId.UInteger => typeof(uint),
        DuckDBTypeId.UBigInt => typeof(ulong),
        DuckDBTypeId.HugeInt or DuckDBTypeId.UHugeInt => typeof(BigInteger),
        DuckDBTypeId.Float => typeof(float),
        DuckDBTypeId.Double => typeof(double),
        DuckDBTypeId.Decimal => typeof(decimal),
        DuckDBTypeId.Varchar or DuckDBTypeId.Enum => typeof(string),
        DuckDBTypeId.Blob => typeof(byte[]),
        DuckDBTypeId.Date => typeof(DateOnly),
        DuckDBTypeId.Time => typeof(TimeOnly),
        DuckDBTypeId.Timestamp or DuckDBTypeId.TimestampS or DuckDBTypeId.TimestampMs or DuckDBTypeId.TimestampNs
            or DuckDBTypeId.TimestampTz => typeof(DateTime),
        DuckDBTypeId.Interval => typeof(DuckDBInterval),
        DuckDBTypeId.Uuid => typeof(Guid),
        _ => typeof(string),
    };

    internal bool IsSupported => Type switch
    {
        DuckDBTypeId.List or DuckDBTypeId.Struct or DuckDBTypeId.Map or DuckDBTypeId.Array or DuckDBTypeId.Union
            or DuckDBTypeId.Bit or DuckDBTypeId.TimeTz or DuckDBTypeId.BigNum or DuckDBTypeId.Any or DuckDBTypeId.Invalid => false,
        _ => true,
    };

    /// Reads the column's type from a logical type handle; the caller keeps ownership of the handle.
    internal static ColumnInfo FromLogicalType(string name, nint logicalType)
    {
        var type = (DuckDBTypeId)NativeMethods.GetTypeId(logicalType);
        switch (type)
        {
            case DuckDBTypeId.Decimal:
                var width = NativeMethods.DecimalWidth(logicalType);
                var scale = NativeMethods.DecimalScale(logicalType);
                return new ColumnInfo(name, type, $"DECIMAL({width},{scale})")
                {
                    Width = width,
                    Scale = scale,
                    Internal = (DuckDBTypeId)NativeMethods.DecimalInternalType(logicalType),
                };
            case DuckDBTypeId.Enum:
                var size = NativeMethods.EnumDictionarySize(logicalType);
                var values = new string[size];
                for (uint i = 0; i < size; i++)
                {
                    values[i] = Utf8.FromNativeAndFree(NativeMethods.EnumDictionaryValue(logicalType, i)) ?? string.Empty;
                }
                return new ColumnInfo(name, type, "ENUM")
                {
                    EnumValues = values,
                    Internal = (DuckDBTypeId)NativeMethods.EnumInternalType(logicalType),
                };
            default:
                return new ColumnInfo(name, type, SqlName(type));
        }
    }

    private static string SqlName(DuckDBTypeId type) => type switch
    {
        DuckDBTypeId.TinyInt => "TINYINT",
        DuckDBTypeId.SmallInt => "SMALLINT",
        DuckDBTypeId.Integer => "INTEGER",
        DuckDBTypeId.BigInt => "BIGINT",
        DuckDBTypeId.UTinyInt => "UTINYINT",
        DuckDBTypeId.USmallInt => "USMALLINT",
        DuckDBTypeId.UInteger => "UINTEGER",
        DuckDBTypeId.UBigInt => "UBIGINT",
        DuckDBTypeId.HugeInt => "HUGEINT",
        DuckDBTypeId.UHugeInt => "UHUGEINT",
        DuckDBTypeId.TimestampS => "TIMESTAMP_S",
        DuckDBTypeId.TimestampMs => "TIMESTAMP_MS",
        DuckDBTypeId.TimestampNs => "TIMESTAMP_NS",
        DuckDBTypeId.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDBTypeId.TimeTz => "TIME WITH TIME ZONE",
        DuckDBTypeId.SqlNull => "NULL",
        _ => type.ToString().ToUpperInvariant(),
    };
}
