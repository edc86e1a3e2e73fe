namespace IpWarehouse.Etl.Demo.Internal;

/// Drawing the patents: where and when (兰州 dominates, each county has its own trend so growth rates
/// differ), who applies, which type (utility models are the majority), and when grants and lapses follow.
internal sealed partial class PatentSource
{
    // Filings bunch at year end as firms meet annual targets.
    private static readonly double[] MonthWeights = [0.7, 0.6, 0.9, 0.9, 0.9, 1.1, 0.9, 0.9, 1.0, 0.8, 1.2, 1.6];

    private static readonly Dictionary<int, double> YearLevels = new()
    {
        [2019] = 1.00, [2020] = 1.14, [2021] = 1.24, [2022] = 1.22, [2023] = 1.18, [2024] = 1.24,
    };

    private readonly Dictionary<(int Year, int Digit), HashSet<int>> serials = [];

    private List<Drawn> Draw(DemoRandom random, int count)
    {
        var cells = new WeightedTable<(GansuCounty County, int Year)>(context.Gansu.Counties.SelectMany(county =>
        {
            // A county's own trend: some grow fast, some shrink.
            var trend = random.Normal(0.05, 0.07);
            return DemoYears.All.Select(year =>
                ((county, year), county.PatentWeight * YearLevels[year] * Math.Exp(trend * (year - 2019) + random.Normal(0, 0.10))));
        }));
        var drawn = new List<Drawn>(count);
        for (var i = 0; i < count; i++)
        {
            var (county, year) = cells.Draw(random);
            var date = ApplicationDate(year, random);
            drawn.Add(DrawOne(county, date, random));
        }
        return drawn;
    }

    private static DateOnly ApplicationDate(int year, DemoRandom random)
    {
        var month = random.Weighted(MonthWeights) + 1;
        return new DateOnly(year, month, random.Between(1, DateTime.DaysInMonth(year, month)));
    }

    private Drawn DrawOne(GansuCounty county, DateOnly date, DemoRandom random)
    {
        var applicant = Applicant(county, random);
        var domain = applicant.Domain ?? random.Pick(county.City.Domains.ToArray());
        var type = Type(applicant, domain, random);
        var pct = applicant.IsLegalEntity && type != PatentTypes.Design && random.Chance(type == PatentTypes.Invention ? 0.02 : 0.003);
        var number = NewNumber(date, PatentTypes.Digit(type, pct), random);
        var (grant, lapse) = GrantAndLapse(type, date, random);
        var coApplicants = CoApplicants(applicant, county, random);
        var fact = new PatentFact(number, type, pct, date, grant, lapse, applicant, coApplicants, county);
        var flags = type == PatentTypes.Invention && grant is not null && random.Chance(0.12) ? random.Pick(HighValueFlags) : null;
        var agency = random.Chance(0.7) ? random.Pick(Words.PatentAgencies) : null;
        var (title, ipc) = PatentTitles.Make(type, domain, random);
        return new Drawn(fact, title, ipc, flags, agency);
    }

    private Party Applicant(GansuCounty county, DemoRandom random)
    {
        var institutions = context.Parties.InstitutionsIn(county);
        // Where universities are, they file a large share (兰州大学 alone is among the province's top filers).
        var weights = institutions.Count >= 3 ? new[] { 0.48, 0.32, 0.17, 0.03 }
            : institutions.Count > 0 ? new[] { 0.62, 0.14, 0.20, 0.04 }
            : new[] { 0.72, 0.0, 0.24, 0.04 };
        return random.Weighted(weights) switch
        {
            0 => context.Parties.Enterprise(county, random),
            1 => institutions[random.Skewed(institutions.Count, 0.6)],
            2 => context.Parties.Person(county, random),
            _ => context.Parties.Government(county, random),
        };
    }

    /// Type mix by applicant: universities file inventions, persons utility models and designs.
    private static string Type(Party applicant, Domain domain, DemoRandom random)
    {
        double[] mix = applicant.Kind switch
        {
            PartyKind.University or PartyKind.Institute => [0.52, 0.44, 0.04],
            PartyKind.Individual => [0.07, 0.50, 0.43],
            PartyKind.Government => [0.10, 0.85, 0.05],
            _ => [0.17, 0.68, 0.15],
        };
        if (domain.Key is "sachet" or "embroidery")
        {
            mix = [0.03, 0.37, 0.60];
        }
        return random.Weighted(mix) switch { 0 => PatentTypes.Invention, 1 => PatentTypes.UtilityModel, _ => PatentTypes.Design };
    }

    /// Serials grow through the year (numbers are issued in filing order), unique per year and type digit.
    private string NewNumber(DateOnly date, int digit, DemoRandom random)
    {
        var range = digit switch { 1 => 1_800_000, 2 => 3_500_000, 3 => 1_000_000, _ => 90_000 };
        var fraction = (date.DayOfYear - 1) / 366.0;
        var serial = (int)(fraction * range) + random.Next(range / 200) + 1;
        if (!serials.TryGetValue((date.Year, digit), out var used))
        {
            used = [];
            serials[(date.Year, digit)] = used;
        }
        while (!used.Add(serial))
        {
            serial++;
        }
        return IdentityCodes.PatentNumber(date.Year, digit, serial);
    }

    /// Inventions are examined for 1.5–3 years and about 60 % are granted; utility models and designs are
    /// registered within a year. Grants are announced on Tuesdays. Some rights lapse for unpaid fees.
    private (DateOnly? Grant, DateOnly? Lapse) GrantAndLapse(string type, DateOnly applied, DemoRandom random)
    {
        var (chance, minLag, maxLag, lapseChance) = type switch
        {
            PatentTypes.Invention => (0.60, 540, 1100, 0.05),
            PatentTypes.UtilityModel => (0.93, 180, 365, 0.12),
            _ => (0.95, 90, 240, 0.12),
        };
        if (!random.Chance(chance))
        {
            return (null, null);
        }
        var grant = applied.AddDays(random.Between(minLag, maxLag));
        grant = grant.AddDays(((int)DayOfWeek.Tuesday - (int)grant.DayOfWeek + 7) % 7);
        if (grant > context.Today)
        {
            return (null, null);
        }
        if (!random.Chance(lapseChance))
        {
            return (grant, null);
        }
        var lapse = grant.AddDays(random.Between(365, 1500));
        return (grant, lapse <= context.Today ? lapse : null);
    }

    private List<Party> CoApplicants(Party applicant, GansuCounty county, DemoRandom random)
    {
        if (applicant.Kind != PartyKind.Enterprise || !random.Chance(0.08))
        {
            return [];
        }
        // Industry–university cooperation: mostly with a 兰州 university, else a firm of the same city.
        var lanzhou = context.Gansu.Counties.Where(c => c.City.Code == "620100")
            .SelectMany(c => context.Parties.InstitutionsIn(c)).ToList();
        if (lanzhou.Count > 0 && random.Chance(0.6))
        {
            return [random.Pick(lanzhou)];
        }
        var partner = context.Parties.Enterprise(random.Pick(county.City.Counties), random);
        return partner == applicant ? [] : [partner];
    }

    private static readonly string[] HighValueFlags =
        ["sei", "战略性新兴产业", "pledge", "质押", "overseas_family", "award", "sei,pledge", "战略性新兴产业,海外同族"];
}
