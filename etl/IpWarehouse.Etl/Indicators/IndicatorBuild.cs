namespace IpWarehouse.Etl.Indicators;

/// <summary>What <see cref="IndicatorMart.Build"/> or <see cref="IndicatorMart.Refresh"/> wrote.</summary>
/// <param name="Years">The years computed (period <c>year</c>), ascending: every year present in the facts.</param>
/// <param name="IndicatorRows">Rows written to <c>mart_indicator</c>.</param>
/// <param name="Violations">Rows written to <c>mart_subsidy_violation</c> (payment × rule broken).</param>
/// <param name="Settings">The canonical settings JSON stored with every row.</param>
/// <param name="ComputedAt">The computation time stored with every row.</param>
public sealed record IndicatorBuild(
    IReadOnlyList<int> Years,
    long IndicatorRows,
    long Violations,
    string Settings,
    DateTimeOffset ComputedAt)
{
    /// <summary>True when both marts were rebuilt whole; false for an incremental refresh (<see cref="IndicatorMart.Refresh"/>).</summary>
    public bool Full { get; init; } = true;

    /// <summary>Why the marts were rebuilt whole (e.g. the counting rules changed); null for an incremental refresh.</summary>
    public string? FullReason { get; init; }

    /// <summary>Rows of <c>mart_indicator</c> written: all of them for a full build, the affected ones for a refresh.</summary>
    public long RowsWritten { get; init; }

    /// <summary>The (region, year) pairs a refresh recomputed; 0 for a full build.</summary>
    public long RegionYears { get; init; }

    /// <summary>What was done, for the load's progress, e.g. <c>incremental: 1234 of 51870 rows recomputed (32 region-years)</c> or <c>full rebuild of 51870 rows: the years with facts changed</c>.</summary>
    public string Summary => Full
        ? $"full rebuild of {RowsWritten} rows: {FullReason}"
        : $"incremental: {RowsWritten} of {IndicatorRows} rows recomputed ({RegionYears} region-years)";
}
