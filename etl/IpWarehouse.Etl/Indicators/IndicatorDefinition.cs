namespace IpWarehouse.Etl.Indicators;

/// <summary>One indicator of the catalogue of INDICATORS.md.</summary>
/// <param name="Code">The code, exactly as INDICATORS.md writes it, e.g. <c>valid_invention_per_10k</c>.</param>
/// <param name="ChineseName">The Chinese name as published, e.g. 每万人口发明专利拥有量.</param>
/// <param name="Unit">The unit as printed: 件, %, 元, 笔, 家 or 人次 (a percentage is a percent value: 16.1 means 16.1%).</param>
/// <param name="Direction">Whether higher or lower is better.</param>
/// <param name="Nature">Flow, stock, ratio, per-capita or growth.</param>
/// <param name="DateRules">The counting rules of INDICATORS.md the figure depends on.</param>
/// <param name="Definition">The definition, in INDICATORS.md's words.</param>
public sealed record IndicatorDefinition(
    string Code,
    string ChineseName,
    string Unit,
    IndicatorDirection Direction,
    IndicatorNature Nature,
    IndicatorDateRules DateRules,
    string Definition)
{
    /// <summary>The direction as INDICATORS.md writes it: <c>+</c> or <c>-</c>.</summary>
    public string DirectionSymbol => Direction == IndicatorDirection.HigherIsBetter ? "+" : "-";

    /// <summary>True for the trademark indicators, whose periods are trademark years.</summary>
    public bool UsesTrademarkYear => DateRules.HasFlag(IndicatorDateRules.TrademarkYear);
}
