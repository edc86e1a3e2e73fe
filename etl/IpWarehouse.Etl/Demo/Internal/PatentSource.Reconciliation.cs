namespace IpWarehouse.Etl.Demo.Internal;

/// The patent rows the reconciliation part of the demo stands on (a random stream of their own, so every other
/// row stays as the seed made it):
/// - three valid 2024 filings of 华亭市 (620881) exported under 华亭县's retired code 620824, and one whose address
///   still says 华亭县: all four count for 华亭市 (code_succeeded, address);
/// - four 2024 filings of 临夏州's counties with a wrong check character: quarantined, though the bureau's
///   bulletin counted them (OfficialFigureSource), so reconciliation shows a 偏差 its quarantine explains.
internal sealed partial class PatentSource
{
    public const string HuatingCity = "620881";
    public const string HuatingRetiredCode = "620824";
    public const string LinxiaCity = "622900";
    public const string Pingliang = "620800";

    private (List<Drawn> Valid, List<SourceRow<string?>> Rows, List<SourceRow<string?>> Dirty) ReconciliationRows(DemoRandom random)
    {
        var format = Exports[1].DateFormat;
        var huating = context.Gansu.County(HuatingCity);
        var valid = new List<Drawn>();
        var rows = new List<SourceRow<string?>>();
        foreach (var (month, day) in new[] { (3, 12), (6, 5), (9, 18), (11, 2) })
        {
            var drawn = DrawOne(huating, new DateOnly(DemoYears.Last, month, day), random);
            var cells = Cells(drawn, format, random);
            if (valid.Count < 3)
            {
                // an export from a system that was never told of 撤县设市 (2018)
                cells[RegionColumn] = HuatingRetiredCode;
            }
            else
            {
                cells[RegionColumn] = null;
                cells[CreditColumn] = null;
                cells[AddressColumn] = "甘肃省平凉市华亭县" + drawn.Fact.Applicant.Street;
            }
            valid.Add(drawn);
            rows.Add(new SourceRow<string?>(cells));
        }
        context.RetiredCodePatents.AddRange(valid.Take(3).Select(d => d.Fact));

        var dirty = new List<SourceRow<string?>>();
        var linxia = context.Gansu.City(LinxiaCity).Counties.Where(c => !c.Region.IsFunctionalZone).ToArray();
        for (var i = 0; i < 4; i++)
        {
            var county = random.Pick(linxia);
            var applicant = context.Parties.Enterprise(county, random);
            var date = new DateOnly(DemoYears.Last, random.Between(1, 12), random.Between(1, 28));
            var fact = new PatentFact(NewNumber(date, 2, random), PatentTypes.UtilityModel, false, date, null, null, applicant, [], county);
            var drawn = new Drawn(fact, PatentTitles.Make(PatentTypes.UtilityModel, applicant.Domain ?? Domains.All[0], random).Title,
                applicant.Domain?.Ipc ?? "A01B 49/04", null, null);
            var cells = Cells(drawn, format, random);
            cells[AddressColumn] = Addresses.Full(applicant);
            cells[RegionColumn] = null;
            cells[CreditColumn] = applicant.CreditCode;
            var broken = "CN" + IdentityCodes.BreakCheck(fact.Number, "0123456789X", random);
            dirty.Add(new SourceRow<string?>(cells)
            {
                Dirty = Spoil(cells, NumberColumn, broken, Reasons.BadCheckDigit, "application_no", "wrong ZC 0006-2003 check character (counted by the bulletin)"),
            });
            context.QuarantinedPatents.Add(fact);
        }
        return (valid, rows, dirty);
    }

    /// The 2024 filings of a region's facts as the demo wrote them, for the official figures: every valid patent
    /// counts where its applicant's county lies (the demo's addresses and codes always resolve there or to its city).
    public static int Filings(IEnumerable<PatentFact> patents, Func<GansuCounty, bool> inRegion, int fromYear, int toYear) =>
        patents.Count(p => inRegion(p.County) && p.ApplicationDate.Year >= fromYear && p.ApplicationDate.Year <= toYear);
}
