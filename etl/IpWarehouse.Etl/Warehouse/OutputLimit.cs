namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// Where an answer stops: at most <paramref name="Rows"/> rows and <paramref name="Bytes"/> bytes of output (zero: no
/// limit). The byte count is the answer's own bytes for JSON and CSV, and the values' uncompressed size for Parquet.
/// </summary>
public readonly record struct OutputLimit(int Rows, long Bytes)
{
    /// <summary>No limit.</summary>
    public static OutputLimit None => default;
}

/// <summary>Which limit cut an answer short.</summary>
public enum ResultCut
{
    /// <summary>Every row was written.</summary>
    None,

    /// <summary>Rows were left at the row limit.</summary>
    Rows,

    /// <summary>Rows were left at the byte limit.</summary>
    Bytes,
}
