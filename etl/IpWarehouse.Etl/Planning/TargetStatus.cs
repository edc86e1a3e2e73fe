namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Where a target stands (INDICATORS.md, Targets). During the year a count indicator is projected to the
/// year end; the bands are <see cref="TargetThresholds"/>.
/// </summary>
public enum TargetStatus
{
    /// <summary>
    /// achieved: the comparator holds on the full-year value once the year is over, or, during the year, a
    /// year-to-date count has already reached an at-least target (it cannot fall back).
    /// </summary>
    Achieved,

    /// <summary>on_track: the comparator holds on the projection (counts) or the current value (rates, stocks, per-capita, growth).</summary>
    OnTrack,

    /// <summary>at_risk: it does not hold, but misses by at most <see cref="TargetThresholds.AtRiskMargin"/> of the target.</summary>
    AtRisk,

    /// <summary>off_track: it misses by more than that.</summary>
    OffTrack,

    /// <summary>missed: the year is over and the comparator does not hold (or an at-most count is already exceeded).</summary>
    Missed,
}

/// <summary>The bands of <see cref="TargetStatus"/> during the year, one place for docs/planners.md, code and tests.</summary>
public static class TargetThresholds
{
    /// <summary>
    /// 0.10: a basis (projection or current value) within 10 % of the target's size short of it is at_risk
    /// (≥ 90 % of an at-least target, ≤ 110 % of an at-most target, ≥ 90 % of the parent's value);
    /// further off is off_track.
    /// </summary>
    public const double AtRiskMargin = 0.10;
}
