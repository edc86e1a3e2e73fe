namespace IpWarehouse.Etl.Planning;

/// <summary>One indicator of a region's profile (<c>ipwh profile</c>, the console's 我县/我市 page); JSON keys are the snake_case names.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="RegionName">The region's current name.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="IndicatorName">Its Chinese name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Direction"><c>+</c> when higher is better, <c>-</c> when lower is.</param>
/// <param name="Year">The year.</param>
/// <param name="Value">The whole year's value, unrounded; null when missing.</param>
/// <param name="PreviousValue">The year before; null when missing.</param>
/// <param name="Change">value − previous_value; null without both.</param>
/// <param name="Rank">The rank among the parent's regions of the same level; null without a value.</param>
/// <param name="Ranked">How many of those regions had a value.</param>
/// <param name="PreviousRank">The rank a year before; null when not ranked then.</param>
/// <param name="ParentCode">The region above it (null for a province).</param>
/// <param name="ParentName">Its name.</param>
/// <param name="ParentValue">The parent's own value (from its totals).</param>
/// <param name="AboveParent">value &gt; parent_value; null when either is missing.</param>
/// <param name="TargetComparator">The comparator of the region's target for the year; null without a target.</param>
/// <param name="TargetValue">The target as written; null without one and for <c>&gt;parent_avg</c>.</param>
/// <param name="TargetStatus">Where the target stands (as <c>ipwh targets</c> judges it today); null without a target.</param>
/// <param name="Trend">The value in each year with data, oldest first (the small trend).</param>
public sealed record ProfileRow(
    string RegionCode,
    string RegionName,
    string Indicator,
    string IndicatorName,
    string Unit,
    string Direction,
    int Year,
    double? Value,
    double? PreviousValue,
    double? Change,
    int? Rank,
    int Ranked,
    int? PreviousRank,
    string? ParentCode,
    string? ParentName,
    double? ParentValue,
    bool? AboveParent,
    string? TargetComparator,
    double? TargetValue,
    TargetStatus? TargetStatus,
    IReadOnlyList<YearValue> Trend);

/// <summary>One point of a small trend.</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The value; null when missing.</param>
public sealed record YearValue(int Year, double? Value);
