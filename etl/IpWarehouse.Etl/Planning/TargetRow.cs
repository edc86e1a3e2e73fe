namespace IpWarehouse.Etl.Planning;

/// <summary>One target and where it stands (<c>ipwh targets</c>); JSON keys are the snake_case names (INDICATORS.md).</summary>
/// <param name="RegionCode">The region the target is set for.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="IndicatorName">Its Chinese name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Year">The year tracked: the target year, or for a plan-period target the year of the plan it is tracked in.</param>
/// <param name="Comparator"><c>&gt;=</c>, <c>&lt;=</c> or <c>&gt;parent_avg</c>.</param>
/// <param name="TargetValue">The target as written (总目标 of a plan-period target: the period's total for a flow, the value at its end otherwise); null for <c>&gt;parent_avg</c>.</param>
/// <param name="ParentCode">The parent region (the comparison of <c>&gt;parent_avg</c>).</param>
/// <param name="ParentValue">The parent's own value of the same indicator and period (from its totals).</param>
/// <param name="Actual">The value judged: full year, or year to date at <paramref name="AsOf"/> (a plan-period flow: its total since the plan began); null when missing.</param>
/// <param name="Period"><c>year</c> or <c>ytd</c>.</param>
/// <param name="AsOf">The day the year to date ends; null for the full year.</param>
/// <param name="Projection">The count projected to the year end; null unless a count is tracked during the year.</param>
/// <param name="ProjectionMethod"><c>seasonal</c> (the previous year's profile) or <c>linear</c> (in days); null without a projection.</param>
/// <param name="Status">The status; null only for a year that has not begun.</param>
/// <param name="SourceDocument">The plan document the target comes from.</param>
/// <param name="Note">Why a status is what it is when that is not obvious (a missing value, …); null otherwise.</param>
public sealed record TargetRow(
    string RegionCode,
    string RegionName,
    string Indicator,
    string IndicatorName,
    string Unit,
    int Year,
    string Comparator,
    double? TargetValue,
    string? ParentCode,
    double? ParentValue,
    double? Actual,
    string Period,
    DateOnly? AsOf,
    double? Projection,
    string? ProjectionMethod,
    TargetStatus? Status,
    string? SourceDocument,
    string? Note)
{
    /// <summary>The plan period of a plan-period target, e.g. <c>2021-2025</c> (十四五); null for an annual target.</summary>
    public string? PlanPeriod { get; init; }

    /// <summary>今年情况: the value this year (a plan-period flow: its total from the plan's first year through this year).</summary>
    public double? YearValue { get; init; }

    /// <summary>
    /// 今年目标: what this year should reach — the target itself (or the parent's value) for an annual target; for a plan-period
    /// target the straight-line path from the year before the plan to 总目标, or the annual target row where there is one.
    /// </summary>
    public double? YearTarget { get; init; }

    /// <summary>YearValue ÷ YearTarget × 100 (progress against the year's target or path); null when either is missing or the target is 0.</summary>
    public double? Progress { get; init; }

    /// <summary><c>computed</c> (from the facts) or <c>official</c> (a published figure, with <c>targets.preferOfficial</c>).</summary>
    public string ValueSource { get; init; } = "computed";
}

/// <summary>The targets of a year (and region), with the date they were judged on.</summary>
/// <param name="Year">The year.</param>
/// <param name="Region">The region asked for (its targets and those of the regions below it); null for all.</param>
/// <param name="AsOf">The as-of date asked for; null for today.</param>
/// <param name="Today">The day it was judged (the clock's date in the configured time zone).</param>
/// <param name="Rows">The targets, by region code and indicator order.</param>
/// <param name="Publish">Which publish the figures come from.</param>
public sealed record TargetReport(int Year, string? Region, DateOnly? AsOf, DateOnly Today, IReadOnlyList<TargetRow> Rows, PublishInfo Publish);
