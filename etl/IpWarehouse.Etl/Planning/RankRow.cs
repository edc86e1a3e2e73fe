namespace IpWarehouse.Etl.Planning;

/// <summary>One region of a ranking (<c>ipwh rank</c>); JSON keys are the snake_case names (INDICATORS.md).</summary>
/// <param name="Rank">Competition rank (1, 2, 2, 4); null when the value is missing (listed last).</param>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="RegionName">The region's current name.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="Year">The year ranked.</param>
/// <param name="Period"><c>year</c> or <c>ytd</c>.</param>
/// <param name="Value">The value, unrounded; null when missing.</param>
/// <param name="Unit">The indicator's unit.</param>
/// <param name="PreviousValue">The same period a year before; null when missing or that year has no data.</param>
/// <param name="PreviousRank">The rank among the same regions a year before; null when not ranked then.</param>
/// <param name="RankChange">previous_rank − rank: positive moved up, negative down; null without both ranks.</param>
/// <param name="ParentCode">The region ranked within (its own value is the comparison).</param>
/// <param name="ParentValue">That region's own value, computed from its totals (not a mean of the rows).</param>
/// <param name="AboveParent">value &gt; parent_value; null when either is missing.</param>
public sealed record RankRow(
    int? Rank,
    string RegionCode,
    string RegionName,
    string Indicator,
    int Year,
    string Period,
    double? Value,
    string Unit,
    double? PreviousValue,
    int? PreviousRank,
    int? RankChange,
    string ParentCode,
    double? ParentValue,
    bool? AboveParent);
