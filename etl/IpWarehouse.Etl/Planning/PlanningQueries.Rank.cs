using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// Ranks the regions of a level under a region by one indicator (<c>ipwh rank</c>): competition ranking
    /// (1, 2, 2, 4) in the indicator's direction, missing values last without a rank, the rank among the
    /// same regions a year before (the same days a year before for a year to date) and the change, and
    /// the within region's own value with whether each region is above it. A lookup in mart_indicator.
    /// </summary>
    /// <param name="indicator">A catalogue code.</param>
    /// <param name="year">The year.</param>
    /// <param name="within">The region whose regions are ranked, e.g. 620000.</param>
    /// <param name="level">city or county; null for the level just below <paramref name="within"/>.</param>
    /// <param name="asOf">Year to date at this day; null for the whole year.</param>
    /// <exception cref="PlanningException">An unknown indicator, year, region or level.</exception>
    public RankResult Rank(string indicator, int year, string within, string? level = null, DateOnly? asOf = null)
    {
        if (asOf is { } date)
        {
            RequireIndicator(indicator);
            RequireDataYear(year);
            RequireAsOf(date, year);
        }
        return Rank(indicator, IndicatorPeriod.Of(year, asOf), within, level);
    }

    /// <summary>
    /// As the other overload, for any period: a range of years (<c>--from-year A --to-year B</c>) is ranked on its
    /// totals (INDICATORS.md, Periods), against the range of the same length before it.
    /// </summary>
    /// <exception cref="PlanningException">An unknown indicator, region or level, or a year without data.</exception>
    public RankResult Rank(string indicator, IndicatorPeriod period, string within, string? level = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        var definition = RequireIndicator(indicator);
        RequireDataPeriod(period);
        var parent = RequireRegion(within, "within");
        var rankLevel = RankLevel(parent, level);
        var members = Regions.Below(parent.Code, rankLevel);
        var codes = members.Select(m => m.Code).Append(parent.Code).ToList();

        Dictionary<(string Region, string Indicator), MartValue> current;
        Dictionary<(string Region, string Indicator), MartValue>? previous;
        var hasPrevious = Years.Contains(period.Previous.Year);
        if (period.Name == "year")
        {
            // both years in one lookup of the mart
            var both = Values(hasPrevious ? [period.Year, period.Year - 1] : [period.Year], null, [definition.Code], codes);
            current = both.Where(v => v.Key.Year == period.Year).ToDictionary(v => (v.Key.Region, v.Key.Indicator), v => v.Value);
            previous = hasPrevious ? both.Where(v => v.Key.Year == period.Year - 1).ToDictionary(v => (v.Key.Region, v.Key.Indicator), v => v.Value) : null;
        }
        else
        {
            previous = hasPrevious ? Values(period.Previous, [definition.Code], codes) : null;
            current = Values(period, [definition.Code], codes);
        }

        double? ValueOf(Dictionary<(string, string), MartValue>? values, string code) =>
            values is not null && values.TryGetValue((code, definition.Code), out var v) ? v.Value : null;

        var ranks = Ranking.Rank(members.Select(m => (m.Code, ValueOf(current, m.Code))), definition.Direction);
        var previousRanks = previous is null
            ? null
            : Ranking.Rank(members.Select(m => (m.Code, ValueOf(previous, m.Code))), definition.Direction);
        var parentValue = ValueOf(current, parent.Code);

        var rows = members
            .Select(m =>
            {
                var value = ValueOf(current, m.Code);
                var rank = ranks[m.Code];
                var previousRank = previousRanks?[m.Code];
                return new RankRow(rank, m.Code, m.Name, definition.Code, period.Year, period.Name, value, definition.Unit,
                    ValueOf(previous, m.Code), previousRank, rank is { } r && previousRank is { } p ? p - r : null,
                    parent.Code, parentValue, value is { } x && parentValue is { } y ? x > y : null);
            })
            .OrderBy(r => r.Rank is null ? 1 : 0)
            .ThenBy(r => r.Rank)
            .ThenBy(r => r.RegionCode, StringComparer.Ordinal)
            .ToList();
        return new RankResult(definition, period.Year, period.AsOf, parent.Code, parent.Name, rankLevel, parentValue, rows, Publish)
        {
            FromYear = period.IsRange ? period.FromYear : null,
        };
    }

    private string RankLevel(RegionEntry parent, string? level)
    {
        var below = parent.Level switch
        {
            "province" => "city",
            "city" => "county",
            _ => null,
        };
        var wanted = string.IsNullOrWhiteSpace(level) ? below ?? "county" : level.Trim().ToLowerInvariant();
        if (wanted is not ("city" or "county"))
        {
            throw new PlanningException($"层级“{level}”不能用于排名：请用 county（县区）或 city（市州）。")
            {
                Parameter = "level",
                Available = ["county", "city"],
            };
        }
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { ["province"] = 0, ["city"] = 1, ["county"] = 2 };
        if (below is null || depth[wanted] <= depth[parent.Level])
        {
            var up = parent.ParentCode is { } p ? $"可改为在其上级内排名：--within {p}（{Regions.NameOf(p)}）。" : "";
            throw new PlanningException(
                $"{parent.Code} {parent.Name} 是{PlanningLabels.Level(parent.Level)}级地区，其下没有{PlanningLabels.Level(wanted)}可排名。{up}")
            {
                Parameter = "level",
                Available = parent.Level == "province" ? ["city", "county"] : parent.Level == "city" ? ["county"] : [],
            };
        }
        return wanted;
    }
}
