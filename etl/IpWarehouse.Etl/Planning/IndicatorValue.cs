namespace IpWarehouse.Etl.Planning;

/// <summary>One indicator of one region and period (<c>ipwh indicators</c>); JSON keys are the snake_case names.</summary>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="RegionName">The region's current name.</param>
/// <param name="Level">province, city or county.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="IndicatorName">Its Chinese name.</param>
/// <param name="Unit">件, %, 元, 笔, 家 or 人次.</param>
/// <param name="Year">The year (the trademark year for trademark indicators).</param>
/// <param name="Period"><c>year</c>, or <c>ytd</c> with an as-of date.</param>
/// <param name="PeriodStart">First day counted.</param>
/// <param name="PeriodEnd">Last day counted; stocks are read on it.</param>
/// <param name="Value">The value, unrounded; null when missing (no population, zero base or total).</param>
/// <param name="Numerator">The count or sum itself, or the count divided.</param>
/// <param name="Denominator">The total, population or base divided by; null for a count.</param>
public sealed record IndicatorValue(
    string RegionCode,
    string RegionName,
    string Level,
    string Indicator,
    string IndicatorName,
    string Unit,
    int Year,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Value,
    double? Numerator,
    double? Denominator);
