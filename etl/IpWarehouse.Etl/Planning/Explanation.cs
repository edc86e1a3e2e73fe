using System.Text.Json;
using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Where a planner's number came from (<c>ipwh explain</c>): the mart row, the counting rules it was computed
/// with, its numerator and denominator, the population row divided by, and the facts counted.
/// </summary>
/// <param name="RegionCode">The region.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="IndicatorName">Its Chinese name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Definition">The definition, in INDICATORS.md's words.</param>
/// <param name="Year">The year.</param>
/// <param name="PeriodStart">First day counted.</param>
/// <param name="PeriodEnd">Last day counted; stocks are read on it.</param>
/// <param name="Value">The value, unrounded; null when missing.</param>
/// <param name="Numerator">The numerator (the count itself for a count).</param>
/// <param name="NumeratorLabel">What the numerator counts, in Chinese.</param>
/// <param name="Denominator">The denominator; null for a count.</param>
/// <param name="DenominatorLabel">What the denominator counts; null for a count.</param>
/// <param name="Settings">The counting rules stored with the row (the indicators section of ipwh.json, canonical JSON).</param>
/// <param name="Rules">The rules that matter to this indicator, as (setting, value) in words.</param>
/// <param name="ComputedAt">When the mart row was computed.</param>
/// <param name="Population">The population row divided by, for a per-capita indicator; null otherwise or when there is none.</param>
/// <param name="FactsMeasure">The figure the facts make up (the numerator's measure, e.g. invention_applications).</param>
/// <param name="FactsTotal">How many facts it counts.</param>
/// <param name="Facts">The first facts, in date order, with their source and batch.</param>
/// <param name="Publish">Which publish the figures come from.</param>
public sealed record Explanation(
    string RegionCode,
    string RegionName,
    string Indicator,
    string IndicatorName,
    string Unit,
    string Definition,
    int Year,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Value,
    double? Numerator,
    string NumeratorLabel,
    double? Denominator,
    string? DenominatorLabel,
    JsonElement Settings,
    IReadOnlyList<ExplainRule> Rules,
    DateTimeOffset ComputedAt,
    PopulationRow? Population,
    string FactsMeasure,
    long FactsTotal,
    IReadOnlyList<IndicatorFact> Facts,
    PublishInfo Publish)
{
    /// <summary><c>year</c>, or <c>A-B</c> for a range of years (<see cref="Year"/> is then its last year).</summary>
    public string Period { get; init; } = "year";
}

/// <summary>One counting rule as applied, e.g. (<c>trademarkYear</c>, <c>cnipa</c>: 16 Dec .. 15 Dec).</summary>
/// <param name="Setting">The setting's name in ipwh.json's indicators section.</param>
/// <param name="Value">Its value and meaning.</param>
public sealed record ExplainRule(string Setting, string Value);

/// <summary>The population row a per-capita value divides by, with where it came from.</summary>
/// <param name="RegionCode">The region (its own population, never summed from below).</param>
/// <param name="Year">The year.</param>
/// <param name="PopulationType">resident (常住) or registered (户籍).</param>
/// <param name="Population">Persons.</param>
/// <param name="SourceName">The source that delivered it.</param>
/// <param name="SourceFile">The file.</param>
/// <param name="SourceRow">The row in it.</param>
/// <param name="BatchId">The batch that wrote it.</param>
public sealed record PopulationRow(string RegionCode, int Year, string PopulationType, long Population, string SourceName, string? SourceFile, long SourceRow, string BatchId);
