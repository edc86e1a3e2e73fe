namespace IpWarehouse.Etl.Demo.Internal;

/// How much of a party's address a row writes. The forms follow the resolver's documented rules
/// (warehouse-sql/reference/README.md): 甘肃省兰州市城关区…, 兰州市城关区…, 临夏州临夏市…, 东乡县…,
/// 榆中县… (a county name unique in China), and 甘肃省兰州市… that stops at the city.
internal static class Addresses
{
    public static string Full(Party party) => "甘肃省" + CityAndCounty(party.County) + party.Street;

    public static string Short(Party party, DemoRandom random)
    {
        var county = party.County;
        if (county.IsAutonomous)
        {
            return county.Region.ShortName + "县" + party.Street;
        }
        if (county.City.IsAutonomous)
        {
            return county.City.NamePrefix + county.Name + party.Street;
        }
        if (county.HasUniqueName && county.Name.EndsWith('县') && random.Chance(0.5))
        {
            return county.Name + party.Street;
        }
        return CityAndCounty(county) + party.Street;
    }

    /// Names the prefecture only: such a row counts for the city and the province, for no county.
    public static string CityOnly(Party party, DemoRandom random)
    {
        var city = party.County.City;
        if (city.IsAutonomous && random.Chance(0.5))
        {
            return city.NamePrefix + party.Street;
        }
        return (random.Chance(0.5) ? "甘肃省" : "") + city.Name + party.Street;
    }

    private static string CityAndCounty(GansuCounty county) =>
        county.City.Name + (county.Name == county.City.Name ? "" : county.Name);
}
