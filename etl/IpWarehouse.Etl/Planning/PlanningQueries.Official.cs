using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// The official figures of the regions given (all when null), by region, indicator, year and period
    /// ('year', 'A-B' or the as-of date 'YYYY-MM-DD').
    private Dictionary<(string Region, string Indicator, int Year, string Period), OfficialFigure> ReadOfficialFigures(IReadOnlyCollection<string>? regionCodes)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT region_code, indicator, year, period, from_year, as_of, CAST(value AS DOUBLE), source_document, published_date,
              given_region_code, source_name, source_row, batch_id
            FROM fact_official_figure
            {(regionCodes is null ? "" : $"WHERE region_code IN ({Literals(regionCodes)})")}
            """;
        using var reader = command.ExecuteReader();
        var figures = new Dictionary<(string, string, int, string), OfficialFigure>();
        while (reader.Read())
        {
            var figure = new OfficialFigure(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), reader.GetDouble(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetString(10), reader.GetInt64(11), reader.GetString(12));
            figures[(figure.RegionCode, figure.Indicator, figure.Year, figure.Period)] = figure;
        }
        return figures;
    }

    private static OfficialFigure? Official(Dictionary<(string, string, int, string), OfficialFigure>? figures, string region, string indicator, int year, string period) =>
        figures is not null && figures.TryGetValue((region, indicator, year, period), out var figure) ? figure : null;
}

/// <summary>One published figure of <c>fact_official_figure</c>.</summary>
/// <param name="RegionCode">The region (the current successor when the source gave a retired code).</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="Year">The year (a range's last year, an as-of date's year).</param>
/// <param name="Period"><c>year</c>, <c>A-B</c> or the as-of date <c>YYYY-MM-DD</c>.</param>
/// <param name="FromYear">The first year covered.</param>
/// <param name="AsOf">The last day of a year to date; null for whole years.</param>
/// <param name="Value">The published value, in the indicator's unit.</param>
/// <param name="SourceDocument">The publication.</param>
/// <param name="PublishedDate">Its date; null when not given.</param>
/// <param name="GivenRegionCode">The retired code the source gave, when region_code is its successor.</param>
/// <param name="SourceName">The source that delivered it.</param>
/// <param name="SourceRow">Its row there.</param>
/// <param name="BatchId">The batch that wrote it.</param>
public sealed record OfficialFigure(string RegionCode, string Indicator, int Year, string Period, int FromYear, DateOnly? AsOf, double Value,
    string SourceDocument, DateOnly? PublishedDate, string? GivenRegionCode, string SourceName, long SourceRow, string BatchId);
