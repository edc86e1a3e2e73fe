using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

/// <summary>A ranking: the rows, best first, and what was ranked.</summary>
/// <param name="Indicator">The indicator ranked (its direction decides the order).</param>
/// <param name="Year">The year.</param>
/// <param name="AsOf">The as-of date of a year-to-date ranking; null for the whole year.</param>
/// <param name="Within">The region ranked within.</param>
/// <param name="WithinName">Its name.</param>
/// <param name="Level">The level of the regions ranked: city or county.</param>
/// <param name="ParentValue">The within region's own value.</param>
/// <param name="Rows">Ranked regions first (best first, ties by code), then those with a missing value.</param>
/// <param name="Publish">Which publish the figures come from.</param>
public sealed record RankResult(
    IndicatorDefinition Indicator,
    int Year,
    DateOnly? AsOf,
    string Within,
    string WithinName,
    string Level,
    double? ParentValue,
    IReadOnlyList<RankRow> Rows,
    PublishInfo Publish)
{
    /// <summary>The first year of a range of years (<c>--from-year</c>); null for a year or a year to date.</summary>
    public int? FromYear { get; init; }
}
