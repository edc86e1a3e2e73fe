using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// How parties are made: names, codes and streets.
internal sealed partial class PartyRegistry
{
    private static readonly string[] GenericIndustries = ["科技", "机械制造", "电子科技", "农业科技", "建筑工程", "环保科技"];

    private Party NewEnterprise(GansuCounty county, DemoRandom random)
    {
        var domain = random.Pick(county.City.Domains.ToArray());
        string name;
        do
        {
            var industry = random.Chance(0.8) ? domain.Industry : random.Pick(GenericIndustries);
            name = FirmPrefix(county, random) + Words.TradeName(random) + industry + Words.FirmSuffix(random);
        }
        while (!names.Add(name));
        return Firm(name, county, domain, random);
    }

    /// 兰州…, 甘肃…, or the county itself for a firm registered there (榆中…, 东乡县…).
    private static string FirmPrefix(GansuCounty county, DemoRandom random)
    {
        var roll = random.NextDouble();
        if (roll < 0.22)
        {
            return "甘肃";
        }
        if (roll < 0.35 && !county.Name.EndsWith('区') && !county.Region.IsFunctionalZone && county.Name != county.City.Name)
        {
            // 东乡族自治县 → 东乡县; a county without a safe short name (临夏市, 环县) keeps its name.
            return county.IsAutonomous ? county.Region.ShortName + "县" : county.Region.ShortName;
        }
        return county.City.NamePrefix;
    }

    private static Party Firm(string name, GansuCounty county, Domain? domain, DemoRandom random)
    {
        // Most firms are registered by their county's bureau; some by the prefecture's, whose code
        // then names only the city.
        var namesCounty = random.Chance(0.8);
        var area = namesCounty ? county.Code : county.City.Code;
        return new Party
        {
            Name = name,
            Kind = PartyKind.Enterprise,
            County = county,
            Street = Street(county, random, person: false),
            CreditCode = IdentityCodes.CreditCode("91", area, random),
            CreditCodeNamesCounty = namesCounty,
            Domain = domain,
        };
    }

    private static Party Organisation(string name, PartyKind kind, GansuCounty county, string prefix, DemoRandom random) => new()
    {
        Name = name,
        Kind = kind,
        County = county,
        Street = Street(county, random, person: false),
        CreditCode = IdentityCodes.CreditCode(prefix, county.Code, random),
        CreditCodeNamesCounty = true,
        Domain = random.Pick(county.City.Domains.ToArray()),
    };

    private Party NewPerson(GansuCounty county, DemoRandom random)
    {
        string name;
        var attempts = 0;
        do
        {
            name = Words.PersonName(random, county.People);
        }
        // Namesakes exist, but one name per party keeps the demo's parties unambiguous.
        while (!names.Add(name) && ++attempts < 50);
        if (attempts >= 50)
        {
            name += random.Pick(Words.GivenCharacters);
            names.Add(name);
        }
        var birth = random.Day(new DateOnly(1955, 1, 1), new DateOnly(2000, 12, 31));
        return new Party
        {
            Name = name,
            Kind = PartyKind.Individual,
            County = county,
            Street = Street(county, random, person: true),
            IdNumber = IdentityCodes.ResidentId(county.Code, birth, random.Next(1000)),
        };
    }

    private static string Street(GansuCounty county, DemoRandom random, bool person)
    {
        if (person && county.IsRural && random.Chance(0.7))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{random.Pick(Words.Towns)}镇{random.Pick(Words.Villages)}村{random.Between(1, 220)}号");
        }
        var streets = county.City.Code == "620100" ? Words.LanzhouStreets : Words.CommonStreets;
        var street = random.Pick(streets) + random.Between(1, 399).ToString(CultureInfo.InvariantCulture) + "号";
        if (person && random.Chance(0.5))
        {
            return street + string.Create(CultureInfo.InvariantCulture,
                $"{random.Between(1, 30)}号楼{random.Between(1, 6)}单元{random.Between(1, 28)}0{random.Between(1, 4)}室");
        }
        return random.Chance(0.2)
            ? street + string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + random.Next(4))}座{random.Between(2, 26)}层")
            : street;
    }
}
