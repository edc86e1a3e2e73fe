namespace IpWarehouse.Etl.Demo.Internal;

/// Everyone who files, registers or gets paid: a fixed pool of enterprises per county (a few file most
/// applications), the real universities and institutes, and persons and small traders made on demand.
/// Names are unique across the registry, so one name is always one party.
internal sealed partial class PartyRegistry
{
    private readonly Gansu gansu;
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Party>> enterprises = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Party>> institutions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Party>> persons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Party> governments = new(StringComparer.Ordinal);

    public PartyRegistry(Gansu gansu, DemoRandom random, double scale)
    {
        this.gansu = gansu;
        var total = Math.Max(120, (int)Math.Round(4000 * scale));
        var weightSum = gansu.Counties.Sum(ActivityWeight);
        foreach (var county in gansu.Counties)
        {
            var count = Math.Max(3, (int)Math.Round(total * ActivityWeight(county) / weightSum));
            enterprises[county.Code] = Enumerable.Range(0, count).Select(_ => NewEnterprise(county, random)).ToList();
            institutions[county.Code] = [];
            persons[county.Code] = [];
        }
        foreach (var (code, name, kind) in Institutions.All)
        {
            if (institutions.TryGetValue(code, out var list) && names.Add(name))
            {
                list.Add(Organisation(name, kind, gansu.County(code), "12", random));
            }
        }
        foreach (var city in gansu.Cities.Where(c => c.Code != "620100"))
        {
            var name = city.Name + "农业科学研究院";
            if (names.Add(name))
            {
                institutions[city.Seat.Code].Add(Organisation(name, PartyKind.Institute, city.Seat, "12", random));
            }
        }
    }

    public IEnumerable<Party> Enterprises => gansu.Counties.SelectMany(c => enterprises[c.Code]);

    public IReadOnlyList<Party> EnterprisesIn(GansuCounty county) => enterprises[county.Code];

    public IReadOnlyList<Party> InstitutionsIn(GansuCounty county) => institutions[county.Code];

    /// An enterprise of the county, the pool's first ones far more often than its last.
    public Party Enterprise(GansuCounty county, DemoRandom random)
    {
        var pool = enterprises[county.Code];
        return pool[random.Skewed(pool.Count)];
    }

    /// A person of the county: mostly someone new, sometimes a repeat inventor.
    public Party Person(GansuCounty county, DemoRandom random)
    {
        var known = persons[county.Code];
        if (known.Count > 5 && random.Chance(0.15))
        {
            return known[random.Next(known.Count)];
        }
        var person = NewPerson(county, random);
        known.Add(person);
        return person;
    }

    /// A public body of the county (technology extension centre), for the few government filings.
    public Party Government(GansuCounty county, DemoRandom random)
    {
        if (!governments.TryGetValue(county.Code, out var party))
        {
            var name = county.Name + "农业技术推广中心";
            names.Add(name);
            party = Organisation(name, PartyKind.Government, county, "12", random);
            governments[county.Code] = party;
        }
        return party;
    }

    /// A trader that registers trademarks but files no patents.
    public Party SmallBusiness(GansuCounty county, DemoRandom random)
    {
        string name;
        do
        {
            var industry = county.City.Code == "622900" && random.Chance(0.5) ? "清真食品" : random.Pick(Words.TradeIndustries);
            name = FirmPrefix(county, random) + Words.TradeName(random) + industry + Words.FirmSuffix(random);
        }
        while (!names.Add(name));
        return Firm(name, county, null, random);
    }

    /// The association holding a geographical-indication mark: 静宁县苹果产业协会.
    public Party Association(GansuCounty county, string product, DemoRandom random)
    {
        var stem = county.Region.ShortName;
        var name = product.StartsWith(stem, StringComparison.Ordinal)
            ? county.Name + product[stem.Length..] + "产业协会"
            : county.Name + product + "协会";
        names.Add(name);
        return Organisation(name, PartyKind.Association, county, "51", random);
    }

    private static double ActivityWeight(GansuCounty county) => county.PatentWeight + 0.3 * county.TrademarkWeight;
}
