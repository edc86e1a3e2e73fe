using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// One region's indicator over the years with data (<c>ipwh trend</c>): its value, its parent's own value,
    /// its rank among the parent's regions of its level each year (as <c>ipwh rank --within parent</c>), and the
    /// region's target for each year. One lookup in mart_indicator.
    /// </summary>
    /// <exception cref="PlanningException">An unknown indicator or region, or no year with data.</exception>
    public IReadOnlyList<TrendRow> Trend(string indicator, string region)
    {
        var definition = RequireIndicator(indicator);
        var entry = RequireRegion(region, "region");
        var years = RequireSomeDataYear();
        var group = RankGroup(entry);
        var values = Values(years, null, [definition.Code], group.Codes);
        var targets = ReadRegionTargets(entry.Code, definition.Code);

        var rows = new List<TrendRow>();
        foreach (var year in years)
        {
            double? ValueOf(string? code) => code is not null && values.TryGetValue((code, definition.Code, year), out var v) ? v.Value : null;
            var ranks = Ranking.RankUnlessAllZero(group.Members.Select(m => (m.Code, ValueOf(m.Code))), definition.Direction);
            var hasTarget = targets.TryGetValue(year, out var target);
            rows.Add(new TrendRow(entry.Code, entry.Name, definition.Code, year, ValueOf(entry.Code), definition.Unit,
                group.Parent?.Code, group.Parent?.Name, ValueOf(group.Parent?.Code), ranks[entry.Code], ranks.Values.Count(r => r is not null),
                hasTarget ? target.Comparator : null, hasTarget ? target.Value : null));
        }
        return rows;
    }

    /// The regions a region is ranked among: its parent's regions of its level (what `ipwh rank --within parent
    /// --level` with its level ranks), with the parent; a province alone.
    private (RegionEntry? Parent, List<RegionEntry> Members, List<string> Codes) RankGroup(RegionEntry entry)
    {
        var parent = entry.ParentCode is { } code && Regions.TryGet(code, out var found) ? found : null;
        var members = parent is null ? [entry] : Regions.Below(parent.Code, entry.Level);
        if (!members.Any(m => m.Code == entry.Code))
        {
            members.Add(entry);
        }
        var codes = members.Select(m => m.Code).ToList();
        if (parent is not null)
        {
            codes.Add(parent.Code);
        }
        return (parent, members, codes);
    }

    private List<int> RequireSomeDataYear()
    {
        if (DataYears.Count > 0)
        {
            return [.. DataYears];
        }
        throw new PlanningException($"已发布的仓库（批次 {Publish.BatchId}）还没有任何年度的数据：请先装载专利或案件数据（ipwh load）。")
        {
            Parameter = "year",
        };
    }

    /// The region's targets for one indicator, by year.
    private Dictionary<int, (string Comparator, double? Value)> ReadRegionTargets(string region, string indicator)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT year, comparator, CAST(target_value AS DOUBLE)
            FROM fact_target
            WHERE region_code = $region AND indicator = $indicator
            """;
        command.Parameters.Add(new DuckDBParameter("region", region));
        command.Parameters.Add(new DuckDBParameter("indicator", indicator));
        using var reader = command.ExecuteReader();
        var targets = new Dictionary<int, (string, double?)>();
        while (reader.Read())
        {
            targets[reader.GetInt32(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2));
        }
        return targets;
    }
}
