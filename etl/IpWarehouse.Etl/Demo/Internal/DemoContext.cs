namespace IpWarehouse.Etl.Demo.Internal;

/// What the source generators share: the seed and scale, "today", the province and its parties, the
/// facts later sources refer to (subsidies pay for patents and cases), and what has been written.
internal sealed class DemoContext
{
    public required string Directory { get; init; }

    public required int Seed { get; init; }

    public required double Scale { get; init; }

    /// Today in Asia/Shanghai by the injected clock: no event date of a valid row lies after it.
    public required DateOnly Today { get; init; }

    public required Gansu Gansu { get; init; }

    public required PartyRegistry Parties { get; init; }

    public List<PatentFact> Patents { get; } = [];

    public List<CaseFact> Cases { get; } = [];

    /// Valid patents exported under a retired region code (华亭县 620824): counted for the successor.
    public List<PatentFact> RetiredCodePatents { get; } = [];

    /// Patents quarantined although the official bulletin counted them (the reconciliation demo's 偏差).
    public List<PatentFact> QuarantinedPatents { get; } = [];

    public List<DemoFile> Files { get; } = [];

    public List<DemoDirtyRow> DirtyRows { get; } = [];

    public List<DemoViolation> Violations { get; } = [];

    /// The random stream of one source (see DemoRandom).
    public DemoRandom Stream(DemoStream stream) => new(Seed, (int)stream);

    /// A volume at this scale, never below <paramref name="minimum"/> so small demos keep every feature.
    public int Count(double atScaleOne, int minimum) => Math.Max(minimum, (int)Math.Round(atScaleOne * Scale));

    /// The last day a filing, application or payment may fall on (grants, closings and lapses follow later,
    /// up to today). Generate refuses clocks before the year after, so this always lies in the past.
    public DateOnly LastDay { get; } = new(DemoYears.Last, 12, 31);

    /// A date 3–4 years after today, for the dirty "more than a year in the future" rows: far enough that
    /// it still is when the demo is loaded months after it was written.
    public DateOnly FarFuture(DemoRandom random) => Today.AddDays(random.Between(3 * 365, 4 * 365));

    public string PathOf(string relative)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// Records a written file and, from its rows' tags, the dirty rows and rule violations in it.
    public void Record<T>(string source, string kind, string file, string format, IReadOnlyList<SourceRow<T>> rows, Func<int, long> rowNumber)
    {
        var dirty = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Dirty is { } tag)
            {
                dirty++;
                DirtyRows.Add(new DemoDirtyRow(source, kind, file, rowNumber(i), tag.Column, tag.Reason, tag.Value, tag.Why));
            }
            if (row.Violation is { } v)
            {
                Violations.Add(new DemoViolation(v.PaymentNo, rowNumber(i), v.Rule, v.Year, v.RegionCode));
            }
        }
        Files.Add(new DemoFile(source, kind, file, format, rows.Count, dirty));
    }
}

/// The years the demo covers: growth and last year's ranks need at least two.
internal static class DemoYears
{
    public const int First = 2019;
    public const int Last = 2024;

    public static IEnumerable<int> All => Enumerable.Range(First, Last - First + 1);
}

/// One random stream per source; the numbers are part of the seed contract, so never renumber them.
internal enum DemoStream
{
    Parties = 1,
    Patents = 2,
    Trademarks = 3,
    Cases = 4,
    Subsidies = 5,
    Population = 6,
    Targets = 7,
    Designations = 8,
    Training = 9,
    OfficialFigures = 10,
    Reconciliation = 11,
    Abnormal = 12,
    WellKnown = 13,
    Pledges = 14,
    Copyrights = 15,
    GiProducts = 16,
}
