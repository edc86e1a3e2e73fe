namespace IpWarehouse.Etl.Indicators;

/// <summary>What <see cref="IndicatorMart.Build"/> wrote.</summary>
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
    DateTimeOffset ComputedAt);
