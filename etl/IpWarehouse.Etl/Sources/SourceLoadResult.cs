namespace IpWarehouse.Etl.Sources;

/// <summary>What a load landed in staging.</summary>
public sealed record SourceLoadResult
{
    /// <summary>The source's name.</summary>
    public required string SourceName { get; init; }

    /// <summary>The staging table filled.</summary>
    public required string StagingTable { get; init; }

    /// <summary>
    /// Data rows read (rows_read): title rows above the header, the header and blank rows are not
    /// rows. Equals the staging table's row count plus <see cref="RowsBadShape"/>; the pipeline reconciles
    /// it with accepted + quarantined.
    /// </summary>
    public required long RowsRead { get; init; }

    /// <summary>
    /// Rows read whose shape is wrong (<c>bad_row_shape</c>), kept in <see cref="StagingTable.ShapeRejectsTable"/>
    /// instead of the staging table.
    /// </summary>
    public long RowsBadShape { get; init; }

    /// <summary>
    /// The largest watermark value seen (invariant text), or null without a watermark or without rows.
    /// Persist it only after a successful publish, then pass it back as <see cref="SourceLoadOptions.PreviousWatermark"/>.
    /// </summary>
    public string? Watermark { get; init; }

    /// <summary>The files read (empty for databases).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>
    /// Required canonical columns no header provided (in any file). Not an error here: the validator
    /// quarantines those rows as <c>missing_required</c>; the pipeline reports the cause once.
    /// </summary>
    public IReadOnlyList<string> MissingRequiredColumns { get; init; } = [];

    /// <summary>Sentences for the operator: unmatched required or mapped columns per file, approximations made.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
