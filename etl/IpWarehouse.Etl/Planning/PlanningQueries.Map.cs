using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// A ranking drawn as a map (the console's 地图): the rows of <see cref="Rank(string, int, string, string?, DateOnly?)"/> with the shape of each
    /// region in <paramref name="shapes"/>, matched by name within its parent: the prefectures of a province
    /// from the province's map, the counties of a prefecture from its map (of every prefecture, for
    /// <c>level=county</c> within a province). Regions without a shape are listed with a null shape.
    /// </summary>
    /// <exception cref="PlanningException">As <see cref="Rank(string, int, string, string?, DateOnly?)"/>.</exception>
    public IReadOnlyList<MapRow> Map(string indicator, int year, string within, string? level, MapShapes shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        var ranking = Rank(indicator, year, within, level);
        var located = new Dictionary<string, (string File, string Shape)>(StringComparer.Ordinal);
        foreach (var group in ranking.Rows.GroupBy(r => Regions.TryGet(r.RegionCode, out var e) ? e.ParentCode ?? "" : "", StringComparer.Ordinal))
        {
            if (LayerBelow(group.Key, shapes) is not { } layer)
            {
                continue;
            }
            var match = layer.Match(group.Select(r => Regions.TryGet(r.RegionCode, out var e) ? (e.Code, e.Name, e.ShortName) : (r.RegionCode, r.RegionName, r.RegionName)));
            foreach (var (code, shape) in match.ShapeOf)
            {
                located[code] = (layer.File, shape);
            }
        }
        return [.. ranking.Rows.Select(r =>
        {
            var where = located.TryGetValue(r.RegionCode, out var found) ? found : default;
            return new MapRow(r.Rank, r.RegionCode, r.RegionName, ranking.Level, r.Indicator, r.Year, r.Value, r.Unit, r.ParentCode, r.ParentValue,
                where.File, where.Shape);
        })];
    }

    /// The map whose shapes are the regions directly below <paramref name="parentCode"/>: a province's
    /// prefectures, or a prefecture's counties.
    private MapLayer? LayerBelow(string parentCode, MapShapes shapes)
    {
        if (!Regions.TryGet(parentCode, out var parent))
        {
            return null;
        }
        if (parent.Level == "province")
        {
            return shapes.Province(parent.Name, parent.ShortName);
        }
        return parent.ParentCode is { } provinceCode && Regions.TryGet(provinceCode, out var province)
            ? shapes.Prefecture((province.Name, province.ShortName), (parent.Name, parent.ShortName))
            : null;
    }
}
