using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// Every indicator of the catalogue for the regions given, for a year or a year to date
    /// (<c>ipwh indicators</c>). Without regions: every region with any non-zero figure that year.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="regionCodes">GB/T 2260 codes; null or empty for every region with data.</param>
    /// <param name="asOf">Year to date at this day; null for the whole year.</param>
    /// <returns>By region (in the order given, else by code), then in catalogue order.</returns>
    /// <exception cref="PlanningException">An unknown region, a year without data, an as-of date outside the year.</exception>
    public IReadOnlyList<IndicatorValue> Indicators(int year, IReadOnlyList<string>? regionCodes = null, DateOnly? asOf = null)
    {
        RequireYear(year);
        if (asOf is { } date)
        {
            RequireAsOf(date, year);
        }
        return Indicators(IndicatorPeriod.Of(year, asOf), regionCodes);
    }

    /// <summary>As the other overload, for any period: a range of years gives its totals, its end's stocks, its rates.</summary>
    /// <exception cref="PlanningException">An unknown region, or a year without data.</exception>
    public IReadOnlyList<IndicatorValue> Indicators(IndicatorPeriod period, IReadOnlyList<string>? regionCodes = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        RequirePeriod(period);
        List<string>? codes = null;
        if (regionCodes is { Count: > 0 })
        {
            codes = [.. regionCodes.Select(c => RequireRegion(c, "region").Code).Distinct(StringComparer.Ordinal)];
        }
        var values = Values(period, null, codes);
        codes ??= [.. values.Values
            .GroupBy(v => v.RegionCode, StringComparer.Ordinal)
            .Where(g => g.Any(v => v.Value is { } x && x != 0))
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)];

        var rows = new List<IndicatorValue>();
        foreach (var code in codes)
        {
            var region = Regions.TryGet(code, out var entry) ? entry : null;
            foreach (var indicator in IndicatorCatalog.All)
            {
                if (!values.TryGetValue((code, indicator.Code), out var value))
                {
                    continue;
                }
                rows.Add(new IndicatorValue(code, region?.Name ?? code, region?.Level ?? "", indicator.Code, indicator.ChineseName, indicator.Unit,
                    value.Year, value.Period, value.PeriodStart, value.PeriodEnd, value.Value, value.Numerator, value.Denominator));
            }
        }
        return rows;
    }
}
