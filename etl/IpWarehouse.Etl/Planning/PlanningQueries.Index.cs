using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// Scores the regions of a level under <paramref name="within"/> with an evaluation index for a year
    /// (warehouse-sql/index/evaluation_index.sql): total and dimension scores, and each indicator's part.
    /// </summary>
    /// <exception cref="PlanningException">An unknown region or level, or a year without data.</exception>
    public IndexResult Index(IndexDefinition definition, int year, string within, string? level = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RequireDataYear(year);
        var parent = RequireRegion(within, "within");
        var indexLevel = RankLevel(parent, level);
        var regions = Regions;
        var peers = regions.Below(parent.Code, indexLevel).Select(r => r.Code).ToArray();
        var spec = definition.Dimensions.SelectMany((d, di) => d.Indicators.Select((i, ii) => new Dictionary<string, object?>
        {
            ["dimension"] = d.Name, ["dimension_seq"] = di, ["dimension_weight"] = d.Weight, ["code"] = i.Code, ["seq"] = ii,
            ["weight"] = i.Weight, ["normalise"] = i.Normalise, ["cap"] = i.Cap,
            ["direction"] = IndicatorCatalog.Get(i.Code).DirectionSymbol,
        })).ToList();
        var lines = Read("index/evaluation_index.sql",
            [
                new("definition", JsonSerializer.Serialize(spec)), new("regions", JsonSerializer.Serialize(peers)), new("parent", parent.Code), new("year", year),
                new("missing", definition.Missing),
            ],
            r => (Rank: r.IsDBNull(0) ? (int?)null : Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                Region: r.GetString(1), Score: r.IsDBNull(2) ? (double?)null : r.GetDouble(2), Dimension: r.GetString(3),
                DimensionScore: r.IsDBNull(4) ? (double?)null : r.GetDouble(4),
                Part: new IndexContribution(r.GetString(3), r.GetString(5), r.GetDouble(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetDouble(8),
                    r.IsDBNull(9) ? null : r.GetDouble(9), r.IsDBNull(10) ? null : r.GetDouble(10), r.GetBoolean(11),
                    r.IsDBNull(12) ? null : r.GetDouble(12))));
        var rows = lines.GroupBy(l => l.Region).Select(g =>
        {
            var first = g.First();
            var dimensions = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var line in g)
            {
                dimensions.TryAdd(line.Dimension, line.DimensionScore);
            }
            return new IndexRow(first.Rank, g.Key, regions.NameOf(g.Key), first.Score, dimensions, definition.Missing,
                g.Count(l => l.Part.Missing), [.. g.Select(l => l.Part)]);
        }).ToList();
        return new IndexResult(definition, year, parent.Code, parent.Name, indexLevel, rows, Publish);
    }
}
