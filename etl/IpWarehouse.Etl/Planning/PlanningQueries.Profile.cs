using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// One region's year at a glance (<c>ipwh profile</c>, the console's 我县/我市): every indicator of the catalogue
    /// with its value, the change from the year before, its rank among the parent's regions of its level now and a
    /// year before, the parent's own value, its target and where the target stands (as <c>ipwh targets</c> judges
    /// it today), and its value in every year with data for a small trend.
    /// </summary>
    /// <exception cref="PlanningException">An unknown region or a year without data.</exception>
    public IReadOnlyList<ProfileRow> Profile(string region, int year)
    {
        var entry = RequireRegion(region, "region");
        RequireDataYear(year);
        var years = DataYears.Where(y => y <= year).ToList();
        var group = RankGroup(entry);
        var values = Values(years, null, null, group.Codes);
        var targets = Targets(year, entry.Code).Rows.Where(t => t.RegionCode == entry.Code)
            .GroupBy(t => t.Indicator, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var rows = new List<ProfileRow>();
        foreach (var indicator in IndicatorCatalog.All)
        {
            double? ValueOf(string? code, int y) => code is not null && values.TryGetValue((code, indicator.Code, y), out var v) ? v.Value : null;
            Dictionary<string, int?> RanksOf(int y) => Ranking.RankUnlessAllZero(group.Members.Select(m => (m.Code, ValueOf(m.Code, y))), indicator.Direction);
            var ranks = RanksOf(year);
            var value = ValueOf(entry.Code, year);
            var previous = years.Contains(year - 1) ? ValueOf(entry.Code, year - 1) : null;
            var parentValue = ValueOf(group.Parent?.Code, year);
            targets.TryGetValue(indicator.Code, out var target);
            rows.Add(new ProfileRow(entry.Code, entry.Name, indicator.Code, indicator.ChineseName, indicator.Unit, indicator.DirectionSymbol, year,
                value, previous, value is { } v && previous is { } p ? v - p : null, ranks[entry.Code], ranks.Values.Count(r => r is not null),
                years.Contains(year - 1) ? RanksOf(year - 1)[entry.Code] : null,
                group.Parent?.Code, group.Parent?.Name, parentValue, value is { } x && parentValue is { } y ? x > y : null,
                target?.Comparator, target?.TargetValue, target?.Status, [.. years.Select(y => new YearValue(y, ValueOf(entry.Code, y)))]));
        }
        return rows;
    }
}
