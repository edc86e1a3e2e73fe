namespace IpWarehouse.Etl.Sources;

/// <summary>Per-load settings of <see cref="ISourceConnector.LoadAsync"/>.</summary>
public sealed record SourceLoadOptions
{
    /// <summary>The load's batch id, carried into errors.</summary>
    public string? BatchId { get; init; }

    /// <summary>
    /// The watermark persisted after the last successful publish (text as returned in
    /// <see cref="SourceLoadResult.Watermark"/>); null reads the whole source.
    /// </summary>
    public string? PreviousWatermark { get; init; }

    /// <summary>Where transcoded copies of GB18030 files go (the warehouse's tmp folder); null means the system temp folder.</summary>
    public string? TempFolder { get; init; }
}
