using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Demo.Internal;

/// 甘肃 (620000) as regions.csv lists it: 14 prefecture-level units and their county-level units, with
/// population shares and activity weights. Built from the real division list, so new or renamed
/// divisions flow into the demo without code changes.
internal sealed partial class Gansu
{
    public const string ProvinceCode = "620000";

    private Gansu(RegionCatalog catalog, Region province, List<GansuCity> cities)
    {
        Catalog = catalog;
        Province = province;
        Cities = cities;
        Counties = cities.SelectMany(c => c.Counties).ToList();
    }

    public RegionCatalog Catalog { get; }

    public Region Province { get; }

    public IReadOnlyList<GansuCity> Cities { get; }

    public IReadOnlyList<GansuCounty> Counties { get; }

    public GansuCounty County(string code) => Counties.First(c => c.Code == code);

    public GansuCity City(string code) => Cities.First(c => c.Code == code);

    public static Gansu Load(RegionCatalog catalog)
    {
        var province = catalog.Find(ProvinceCode)
            ?? throw new InvalidDataException($"The region list has no {ProvinceCode} 甘肃省; the demo is a 甘肃 demo and cannot run without it.");
        var cities = catalog.Regions
            .Where(r => r.Level == RegionLevel.City && r.ParentCode == ProvinceCode)
            .Select(r => new GansuCity(r, CityProfiles.For(r.Code)))
            .ToList();
        // A county's name counts as unique when no other county in the country has it (东乡县 yes, 城关区 no).
        var nameCounts = catalog.Regions.Where(r => r.Level == RegionLevel.County)
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var city in cities)
        {
            foreach (var region in catalog.Regions.Where(r => r.Level == RegionLevel.County && r.CityCode == city.Code))
            {
                city.Counties.Add(new GansuCounty(region, city) { HasUniqueName = nameCounts[region.Name] == 1 });
            }
            if (city.Counties.Count == 0)
            {
                throw new InvalidDataException($"The region list has no county-level unit under {city}.");
            }
            // The seat is the first ordinary district or county-level city (code ending 01–20, not a zone).
            var seat = city.Counties.FirstOrDefault(c => !c.Region.IsFunctionalZone) ?? city.Counties[0];
            seat.IsSeat = true;
            AssignPopulationShares(city);
            AssignActivityWeights(city);
        }
        if (cities.Count == 0)
        {
            throw new InvalidDataException("The region list has no prefecture-level unit under 620000 甘肃省.");
        }
        return new Gansu(catalog, province, cities);
    }
}
