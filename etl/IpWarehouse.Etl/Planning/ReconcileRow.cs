using System.Text.Json;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// One line of <c>ipwh reconcile</c> (INDICATORS.md, Reconciliation): an official figure beside the value computed here,
/// or a value computed here without one. JSON keys are the snake_case names.
/// </summary>
/// <param name="RegionCode">The region.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="IndicatorName">Its Chinese name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Year">The year (a range's last year).</param>
/// <param name="Period"><c>year</c>, <c>A-B</c> for a range of years, or the as-of date of a year to date.</param>
/// <param name="Official">The published value; null for <c>no_official</c>.</param>
/// <param name="Ours">The value computed from the facts for exactly that period; null for <c>no_local</c>.</param>
/// <param name="Difference">ours − official; null unless both are there.</param>
/// <param name="DifferencePct">difference ÷ official × 100; null unless both are there and official is not 0.</param>
/// <param name="Status"><c>match</c> (within the tolerance), <c>differs</c>, <c>no_local</c> or <c>no_official</c>.</param>
/// <param name="SourceDocument">The publication; null for <c>no_official</c>.</param>
/// <param name="PublishedDate">Its date; null when not given.</param>
/// <param name="Explanation">For <c>differs</c>: what in our own data could explain it; null otherwise.</param>
public sealed record ReconcileRow(
    string RegionCode,
    string RegionName,
    string Indicator,
    string IndicatorName,
    string Unit,
    int Year,
    string Period,
    double? Official,
    double? Ours,
    double? Difference,
    double? DifferencePct,
    string Status,
    string? SourceDocument,
    DateOnly? PublishedDate,
    ReconcileExplanation? Explanation);

/// <summary>What in our own data could explain a difference from an official figure.</summary>
/// <param name="Facts">The facts our figure counts (its numerator's measure: e.g. invention_applications for invention_share).</param>
/// <param name="Attribution">Those facts by how they were attributed to the region.</param>
/// <param name="AddressOrCreditShare">The share (%) attributed by address or credit code rather than by a region code: a bureau counting by code alone would not count them.</param>
/// <param name="Quarantined">Rows of the region and period (undated ones included) quarantined in the published load, by reason: rows we could not count.</param>
/// <param name="SucceededFacts">Facts given under a retired code and counted under its successor (code_succeeded).</param>
/// <param name="GivenCodes">Those retired codes.</param>
/// <param name="Settings">The counting rules used (the indicators section of ipwh.json, canonical JSON).</param>
/// <param name="Rules">The rules that matter to this indicator, in words.</param>
/// <param name="Summary">The likely causes in a sentence, in Chinese.</param>
public sealed record ReconcileExplanation(
    long Facts,
    IReadOnlyList<AttributionShare> Attribution,
    double? AddressOrCreditShare,
    IReadOnlyList<QuarantineCount> Quarantined,
    long SucceededFacts,
    IReadOnlyList<string> GivenCodes,
    JsonElement Settings,
    IReadOnlyList<ExplainRule> Rules,
    string Summary);

/// <summary>Facts attributed one way: <c>code</c>, <c>code_succeeded</c>, <c>address</c> or <c>credit_code</c>.</summary>
/// <param name="Method">The attribution method.</param>
/// <param name="Facts">How many.</param>
/// <param name="Share">Their share of the figure's facts, in percent.</param>
public sealed record AttributionShare(string Method, long Facts, double Share);

/// <summary>Quarantined rows of one reason.</summary>
/// <param name="Reason">The reason code of SOURCES.md.</param>
/// <param name="Rows">How many rows.</param>
public sealed record QuarantineCount(string Reason, long Rows);

/// <summary>A reconciliation: the rows and how they were compared.</summary>
/// <param name="Year">The year.</param>
/// <param name="Within">The region asked for (it and the regions below it); null for all.</param>
/// <param name="Tolerance">The tolerance in percent: |difference_pct| at most this is a match.</param>
/// <param name="Rows">Official figures first (by region and catalogue order), then the values without one.</param>
/// <param name="Publish">Which publish our values come from.</param>
public sealed record ReconcileReport(int Year, string? Within, double Tolerance, IReadOnlyList<ReconcileRow> Rows, PublishInfo Publish);
