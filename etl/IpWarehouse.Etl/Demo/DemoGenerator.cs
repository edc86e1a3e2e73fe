using IpWarehouse.Etl.Demo.Internal;
using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Demo;

/// <summary>
/// Writes a realistic demo of 甘肃省 (620000) for <c>ipwh demo</c>: the departmental sources of
/// SOURCES.md for 2019–2024 (a GB18030 patent export, a trademark workbook, a SQLite case system, a
/// finance ledger, population and target workbooks with the 十四五 plan, designation and training lists, figures
/// from the official bulletins) and an ipwh.json that reads them. A few patents carry 华亭县's retired code 620824,
/// and two official figures differ from the load for causes <c>ipwh reconcile</c> finds. A handful of rows per source are dirty on purpose, covering every quarantine reason;
/// the summary says which, so that a load can be checked against them.
/// </summary>
public static class DemoGenerator
{
    /// <summary>The folder <c>ipwh demo</c> writes to by default (ignored by git).</summary>
    public const string DefaultDirectory = "demo";

    /// <summary>The seed <c>ipwh demo</c> uses by default.</summary>
    public const int DefaultSeed = 20_240_426;

    /// <summary>
    /// The largest scale accepted: 300 000 patents and a million trademarks take about 20 s and under 2 GB
    /// (a workbook's rows are held until it is written). Larger volumes are a benchmark's job.
    /// </summary>
    public const double MaxScale = 10;

    /// <summary>
    /// Generates the demo into <paramref name="directory"/> (created if missing; files of an earlier demo
    /// there are replaced, anything else is left alone) and returns what was written.
    /// </summary>
    /// <param name="directory">The demo folder; ipwh.json and cases.db go to its root, files to drops/.</param>
    /// <param name="seed">The same seed, scale and day give byte-identical CSV and XLSX files and the same case rows.</param>
    /// <param name="scale">Volume multiplier: 1 ≈ 30 000 patents, 100 000 trademarks, 3 000 cases, 5 000 payments; 0.05 for tests.</param>
    /// <param name="clock">Where "today" comes from (in Asia/Shanghai): no valid event date lies after it.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is not in (0, <see cref="MaxScale"/>], or <paramref name="clock"/> says a day before 2025
    /// (the demo's last year must be complete).
    /// </exception>
    /// <exception cref="FileNotFoundException">regions.csv is missing next to the program.</exception>
    public static DemoSummary Generate(string directory, int seed, double scale, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(clock);
        if (!(scale > 0 && scale <= MaxScale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale must be above 0 and at most {MaxScale} (1 ≈ 30 000 patents).");
        }
        var today = Today(clock);
        if (today.Year <= DemoYears.Last)
        {
            throw new ArgumentOutOfRangeException(nameof(clock), today,
                $"The demo covers {DemoYears.First}–{DemoYears.Last} in full, so the clock must say {DemoYears.Last + 1} or later; it says {today:yyyy-MM-dd}.");
        }
        var started = clock.GetTimestamp();
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var gansu = Gansu.Load(RegionCatalog.LoadDefault());
        var context = new DemoContext
        {
            Directory = folder,
            Seed = seed,
            Scale = scale,
            Today = today,
            Gansu = gansu,
            Parties = new PartyRegistry(gansu, new DemoRandom(seed, (int)DemoStream.Parties), scale),
        };

        // Order matters: subsidies pay for patents and cases, designations go to the firms that file.
        new PatentSource(context).Write();
        new TrademarkSource(context).Write();
        new CaseSource(context).Write();
        new SubsidySource(context).Write();
        new PopulationSource(context).Write();
        new TargetSource(context).Write();
        new DesignationSource(context).Write();
        new TrainingSource(context).Write();
        new OfficialFigureSource(context).Write();
        new PledgeSource(context).Write();
        new CopyrightSource(context).Write();
        new GiProductSource(context).Write();
        var config = ConfigFile.Write(context);

        return new DemoSummary
        {
            Directory = folder,
            ConfigPath = config,
            Seed = seed,
            Scale = scale,
            Today = context.Today,
            Files = context.Files,
            DirtyRows = context.DirtyRows,
            SubsidyViolations = context.Violations,
            Elapsed = clock.GetElapsedTime(started),
        };
    }

    /// Today in China, where the bureaus are; a fixed UTC+8 when the machine lacks time-zone data
    /// (China has kept UTC+8 without daylight saving since 1991).
    private static DateOnly Today(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? TimeZoneInfo.ConvertTime(now, zone)
            : now.ToOffset(TimeSpan.FromHours(8));
        return DateOnly.FromDateTime(local.DateTime);
    }
}
