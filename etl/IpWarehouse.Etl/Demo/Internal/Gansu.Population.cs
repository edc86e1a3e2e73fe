namespace IpWarehouse.Etl.Demo.Internal;

/// Population figures: prefecture totals from the 2020 census trend, split over counties by fixed shares
/// so that the counties of a prefecture add up to it exactly (rounded to 100 persons, as statistical
/// yearbooks publish 万人 with two decimals).
internal sealed partial class Gansu
{
    public const int MinCountyPopulation = 50_000;
    public const int MaxCountyPopulation = 1_000_000;

    // Relative sizes that the simple rule below would get badly wrong: 城关区 is the provincial capital's
    // core, 肃北 and 阿克塞 are desert counties of a few ten thousand people.
    private static readonly Dictionary<string, double> SizeOverrides = new(StringComparer.Ordinal)
    {
        ["620102"] = 3.2, ["620103"] = 1.9, ["620104"] = 1.2, ["620105"] = 1.0, ["620111"] = 0.5, ["620171"] = 0.8,
        ["620923"] = 0.1, ["620924"] = 0.1, ["620721"] = 0.3, ["621228"] = 0.3, ["623025"] = 0.5, ["623026"] = 0.35,
        ["623024"] = 0.5, ["620922"] = 0.6, ["620921"] = 0.6,
    };

    // 兰州's districts differ in what they do: universities in 安宁 and 城关, petrochemicals in 西固,
    // new industry in 兰州新区.
    private static readonly Dictionary<string, double> PatentBoost = new(StringComparer.Ordinal)
    {
        ["620102"] = 2.2, ["620103"] = 1.3, ["620104"] = 1.6, ["620105"] = 2.6, ["620111"] = 0.6, ["620121"] = 0.5,
        ["620122"] = 0.6, ["620123"] = 0.9, ["620171"] = 2.5,
    };

    private readonly Dictionary<int, Dictionary<string, int>> residentByYear = [];

    /// Year-end resident population of a county, prefecture or the province.
    public int Resident(string code, int year)
    {
        if (!residentByYear.TryGetValue(year, out var figures))
        {
            figures = ComputeResident(year);
            residentByYear[year] = figures;
        }
        return figures[code];
    }

    /// Registered (户籍) population, published here for prefectures and the province only.
    public int Registered(string code, int year) => code == ProvinceCode
        ? Cities.Sum(c => Registered(c.Code, year))
        : RoundHundred(Resident(code, year) * City(code).Profile.RegisteredRatio);

    private Dictionary<string, int> ComputeResident(int year)
    {
        var figures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var city in Cities)
        {
            var total = RoundHundred(city.Profile.Census2020 * Math.Pow(1 + city.Profile.AnnualChange, year - 2020));
            figures[city.Code] = total;
            // Largest remainder in units of 100 persons: the counties add up to the prefecture exactly.
            var units = total / 100;
            var exact = city.Counties.Select(c => c.PopulationShare * units).ToArray();
            var whole = exact.Select(x => (int)Math.Floor(x)).ToArray();
            var order = Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - whole[i]).ThenBy(i => i).ToArray();
            var missing = units - whole.Sum();
            for (var k = 0; k < missing; k++)
            {
                whole[order[k % order.Length]]++;
            }
            for (var i = 0; i < city.Counties.Count; i++)
            {
                figures[city.Counties[i].Code] = whole[i] * 100;
            }
        }
        figures[ProvinceCode] = Cities.Sum(c => figures[c.Code]);
        return figures;
    }

    private static void AssignPopulationShares(GansuCity city)
    {
        var counties = city.Counties;
        var weights = counties.Select(SizeWeight).ToArray();
        var fixedShare = new double?[counties.Count];
        // Shares are fixed, populations move: the bounds must hold in the smallest and the largest year.
        var sizes = DemoYears.All.Select(y => city.Profile.Census2020 * Math.Pow(1 + city.Profile.AnnualChange, y - 2020)).ToArray();
        var (minShare, maxShare) = (MinCountyPopulation * 1.01 / sizes.Min(), MaxCountyPopulation * 0.99 / sizes.Max());
        // Clamp to 50 000–1 000 000 per county and spread the rest again until nothing moves.
        for (var round = 0; round < 10; round++)
        {
            var free = 1.0 - fixedShare.Sum(s => s ?? 0);
            var freeWeight = Enumerable.Range(0, counties.Count).Where(i => fixedShare[i] is null).Sum(i => weights[i]);
            var changed = false;
            for (var i = 0; i < counties.Count; i++)
            {
                if (fixedShare[i] is not null)
                {
                    continue;
                }
                var share = free * weights[i] / freeWeight;
                counties[i].PopulationShare = share;
                if (counties.Count > 1 && (share < minShare || share > maxShare))
                {
                    fixedShare[i] = Math.Clamp(share, minShare, maxShare);
                    counties[i].PopulationShare = fixedShare[i]!.Value;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
    }

    private static double SizeWeight(GansuCounty county)
    {
        if (SizeOverrides.TryGetValue(county.Code, out var weight))
        {
            return weight;
        }
        return county.IsSeat ? 2.4
            : county.Region.IsFunctionalZone ? 0.7
            : county.IsAutonomous ? 0.8
            : county.Name.EndsWith('区') ? 1.4
            : county.Name.EndsWith('市') ? 1.2
            : 1.0;
    }

    private static void AssignActivityWeights(GansuCity city)
    {
        var lanzhou = city.Code == "620100";
        foreach (var county in city.Counties)
        {
            var size = county.PopulationShare * city.Profile.Census2020 / 100_000.0;
            var boost = PatentBoost.TryGetValue(county.Code, out var b) ? b : county.IsSeat ? 1.8 : 1.0;
            county.PatentWeight = Math.Pow(size, 0.85) * city.Profile.PatentFactor * boost;
            county.TrademarkWeight = Math.Pow(size, 0.9) * city.Profile.TrademarkFactor * (county.IsSeat ? 1.5 : 1.0);
            county.CaseWeight = Math.Pow(size, 0.8) * (lanzhou ? 1.5 : 1.0) * (county.IsSeat ? 1.3 : 1.0);
        }
    }

    private static int RoundHundred(double value) => (int)Math.Round(value / 100.0, MidpointRounding.AwayFromZero) * 100;
}
