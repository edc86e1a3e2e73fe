namespace IpWarehouse.Etl.Loading;

/// <summary>How a load ended: the batch, its status, each source's counts and where the result is.</summary>
public sealed record LoadReport
{
    /// <summary>The batch id (also in etl_batch and in every fact row it wrote).</summary>
    public required string BatchId { get; init; }

    /// <summary><c>succeeded</c>, <c>partial</c> (some sources failed, the rest published), <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>When the load started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>One entry per source the load touched.</summary>
    public required IReadOnlyList<SourceReport> Sources { get; init; }

    /// <summary>The published warehouse, when this load published one.</summary>
    public string? PublishedDatabase { get; init; }

    /// <summary>When this load's warehouse was published (readers saw it): the load's time to publish ends here.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The Parquet snapshot folder of this publish, once written.</summary>
    public string? Snapshot { get; init; }

    /// <summary>The snapshot of this publish: <c>written</c> or <c>failed</c> (the publish stands; the next load writes it).</summary>
    public string? SnapshotStatus { get; init; }

    /// <summary>What Parquet.Net verified of the snapshot, or why it failed.</summary>
    public string? SnapshotMessage { get; init; }

    /// <summary>What retention removed after the publish.</summary>
    public RetentionReport? Retention { get; init; }

    /// <summary>How the indicator marts were brought up to date (<see cref="Indicators.IndicatorBuild.Summary"/>): incremental, or a full rebuild and why.</summary>
    public string? Marts { get; init; }

    /// <summary>Why the load failed or was cancelled.</summary>
    public string? Message { get; init; }
}

/// <summary>One source's part of a load.</summary>
/// <param name="Name">The source's name in ipwh.json.</param>
/// <param name="Kind">Its kind (patents, …).</param>
/// <param name="Status"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsAccepted">Rows that passed validation.</param>
/// <param name="RowsQuarantined">Rows quarantined in etl_reject.</param>
/// <param name="Message">Why it failed, or warnings about the input.</param>
public sealed record SourceReport(string Name, string Kind, string Status, long RowsRead, long RowsAccepted, long RowsQuarantined, string? Message);

/// <summary>Progress of a load, for progress bars and log lines.</summary>
/// <param name="Source">The source concerned, or null for the whole batch.</param>
/// <param name="Phase">landing, validating, merging, publishing, snapshot, done.</param>
/// <param name="Detail">A short human sentence.</param>
/// <param name="Rows">Rows handled so far, when known.</param>
public sealed record LoadProgress(string? Source, string Phase, string Detail, long? Rows = null)
{
    /// <summary>The batch, once the load has one (set from the <c>start</c> phase on).</summary>
    public string? BatchId { get; init; }
}
