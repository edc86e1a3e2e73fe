namespace IpWarehouse.Etl.Planning;

/// <summary>One region's composite score (<c>ipwh index</c>, INDICATORS.md "Evaluation index").</summary>
/// <param name="Rank">Competition rank by score; null when the region has no value at all.</param>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="Score">The total score (0..100 unless a cap allows more), or null.</param>
/// <param name="Dimensions">Each dimension's sub-score by name (null: no indicator of it has a value).</param>
/// <param name="Missing">The index's missing setting: <c>reweight</c> or <c>zero</c>.</param>
/// <param name="MissingIndicators">How many of the index's indicators the region has no value for.</param>
/// <param name="Indicators">Explain: every indicator's raw value, normalised value, weight and contribution.</param>
public sealed record IndexRow(
    int? Rank,
    string RegionCode,
    string RegionName,
    double? Score,
    IReadOnlyDictionary<string, double?> Dimensions,
    string Missing,
    int MissingIndicators,
    IReadOnlyList<IndexContribution> Indicators);

/// <summary>An indicator's part in a region's score.</summary>
/// <param name="Dimension">The dimension it belongs to.</param>
/// <param name="Indicator">Catalogue code.</param>
/// <param name="Weight">Its weight within the dimension.</param>
/// <param name="Normalise">Its normalisation.</param>
/// <param name="Cap">Its cap, or null.</param>
/// <param name="Value">The region's value (mart_indicator), or null.</param>
/// <param name="Normalised">The normalised, capped value; 0 for a missing one under <c>zero</c>, null under <c>reweight</c>.</param>
/// <param name="Missing">True when the value (or its base: the parent's value, the target) is missing.</param>
/// <param name="Contribution">Its share of the total score: the contributions add up to the score.</param>
public sealed record IndexContribution(
    string Dimension,
    string Indicator,
    double Weight,
    string Normalise,
    double? Cap,
    double? Value,
    double? Normalised,
    bool Missing,
    double? Contribution);

/// <summary>An index computed for a peer group.</summary>
public sealed record IndexResult(IndexDefinition Definition, int Year, string Within, string WithinName, string Level, IReadOnlyList<IndexRow> Rows, PublishInfo Publish);
