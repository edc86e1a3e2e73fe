namespace IpWarehouse.Etl.Planning;

/// <summary>One year of a region's trend on one indicator (<c>ipwh trend</c>); JSON keys are the snake_case names.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="RegionName">The region's current name.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="Year">A year with data (<see cref="PlanningQueries.YearsWithData"/>).</param>
/// <param name="Value">The whole year's value, unrounded; null when missing.</param>
/// <param name="Unit">The indicator's unit.</param>
/// <param name="ParentCode">The region above it (null for a province).</param>
/// <param name="ParentName">Its name.</param>
/// <param name="ParentValue">The parent's own value (from its totals), the comparison line.</param>
/// <param name="Rank">The rank among the parent's regions of the same level that year (as <c>ipwh rank</c> ranks them); null without a value.</param>
/// <param name="Ranked">How many of those regions had a value, so a rank reads "3 of 14".</param>
/// <param name="TargetComparator">The comparator of that year's target for the region (<c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;parent_avg</c>); null without a target.</param>
/// <param name="TargetValue">The target as written; null without one and for <c>&gt;parent_avg</c> (whose line is the parent's value).</param>
public sealed record TrendRow(
    string RegionCode,
    string RegionName,
    string Indicator,
    int Year,
    double? Value,
    string Unit,
    string? ParentCode,
    string? ParentName,
    double? ParentValue,
    int? Rank,
    int Ranked,
    string? TargetComparator,
    double? TargetValue);
