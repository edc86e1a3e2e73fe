namespace IpWarehouse.Etl.Warehouse.Internal;

/// The Parquet type an answer's column is written with: exact wherever the source is exact.
internal enum AnswerType
{
    Text,
    Boolean,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float,
    Double,

    /// DECIMAL(Precision, Scale), kept exact.
    Decimal,

    /// DuckDB's HUGEINT (128-bit integer), as DECIMAL(38,0).
    HugeInt,
    Date,

    /// TIMESTAMP without a zone: isAdjustedToUTC=false, the wall-clock time as stored.
    Timestamp,

    /// TIMESTAMP WITH TIME ZONE: isAdjustedToUTC=true, the instant in UTC.
    TimestampUtc,
    Blob,
}

/// One column of a Parquet answer: its name (the JSON key / CSV header), its Parquet type, and what people read:
/// the Chinese label (as the XLSX header shows it) and the unit, written as field metadata.
internal sealed record AnswerColumn(string Name, AnswerType Type)
{
    internal string? Label { get; init; }

    internal string? Unit { get; init; }

    internal int Precision { get; init; }

    internal int Scale { get; init; }

    /// The DuckDB type of a query's column (ipwh sql, rejects), stated beside the Parquet type.
    internal string? SourceType { get; init; }

    /// The field metadata written with every column chunk.
    internal Dictionary<string, string> Metadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Label is not null)
        {
            metadata["label"] = Label;
        }
        if (Unit is not null)
        {
            metadata["unit"] = Unit;
        }
        if (SourceType is not null)
        {
            metadata["duckdb_type"] = SourceType;
        }
        if (Type is AnswerType.Timestamp or AnswerType.TimestampUtc)
        {
            metadata["time_zone"] = Type == AnswerType.TimestampUtc ? "UTC" : "none: wall-clock time as stored (TIMESTAMP without time zone)";
        }
        return metadata;
    }
}
