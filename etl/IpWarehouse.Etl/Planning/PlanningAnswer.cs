using System.Globalization;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// One planning question answered once and written in any format: the JSON of INDICATORS.md from the typed
/// rows, and the <see cref="Planning.Report"/> that CSV, XLSX and the terminal table are written from. The CLI
/// (<c>ipwh rank …</c>) and the web server (<c>GET /api/rank …</c>) both start here, so a planner gets the same
/// numbers, rows and file from either.
/// </summary>
public sealed class PlanningAnswer
{
    private readonly Func<TextWriter, ResultCut> writeJson;
    private readonly Func<Report> report;

    private PlanningAnswer(Action<TextWriter> writeJson, Func<Report> report, string fileName)
        : this(w =>
        {
            writeJson(w);
            return ResultCut.None;
        }, report, fileName, ResultCut.None)
    {
    }

    private PlanningAnswer(Func<TextWriter, ResultCut> writeJson, Func<Report> report, string fileName, ResultCut cut)
    {
        this.writeJson = writeJson;
        this.report = report;
        FileName = fileName;
        Cut = cut;
    }

    /// <summary>
    /// Whether the rows were cut at the row limit given (<see cref="Expiring"/>, <see cref="Cases"/>): the report and the JSON
    /// then hold the first rows only. <see cref="WriteJson"/> says what cut the JSON, which may also be the byte limit.
    /// </summary>
    public ResultCut Cut { get; }

    /// <summary>A file name for the download, without extension, e.g. <c>rank-valid_invention_per_10k-620000-2024</c>.</summary>
    public string FileName { get; }

    /// <summary>Writes the JSON array of INDICATORS.md and a newline; says which limit cut it (<see cref="ResultCut.None"/>: every row).</summary>
    public ResultCut WriteJson(TextWriter output) => writeJson(output);

    /// <summary>The answer as a report (title, notes, Chinese headers, rows) for CSV, XLSX and tables.</summary>
    public Report Report() => report();

    /// <summary>
    /// <c>rank</c>: see <see cref="PlanningQueries.Rank(string, IndicatorPeriod, string, string?)"/>. With
    /// <paramref name="fromYear"/>, the whole years <paramref name="fromYear"/> .. <paramref name="year"/>.
    /// </summary>
    public static PlanningAnswer Rank(PlanningQueries planning, string indicator, int year, string within, string? level = null, DateOnly? asOf = null,
        int? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var ranking = fromYear is null ? planning.Rank(indicator, year, within, level, asOf) : planning.Rank(indicator, Period(year, asOf, fromYear), within, level);
        return new(w => PlanningJson.Write(ranking.Rows, w), () => PlanningReports.Rank(ranking, planning.TimeZone),
            $"rank-{ranking.Indicator.Code}-{ranking.Within}-{Years(ranking.Year, ranking.FromYear)}");
    }

    /// <summary><c>indicators</c>: see <see cref="PlanningQueries.Indicators(IndicatorPeriod, IReadOnlyList{string}?)"/>.</summary>
    public static PlanningAnswer Indicators(PlanningQueries planning, int year, IReadOnlyList<string>? regions = null, DateOnly? asOf = null,
        int? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var rows = fromYear is null ? planning.Indicators(year, regions, asOf) : planning.Indicators(Period(year, asOf, fromYear), regions);
        return new(w => PlanningJson.Write(rows, w), () => PlanningReports.Indicators(rows, year, asOf, planning.Publish, planning.TimeZone, fromYear),
            $"indicators-{Years(year, fromYear)}");
    }

    /// <summary><c>targets</c>: see <see cref="PlanningQueries.Targets"/>.</summary>
    public static PlanningAnswer Targets(PlanningQueries planning, int year, string? region = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var targets = planning.Targets(year, region, asOf);
        return new(w => PlanningJson.Write(targets.Rows, w), () => PlanningReports.Targets(targets, planning.TimeZone),
            $"targets-{Year(targets.Year)}{(targets.Region is null ? "" : "-" + targets.Region)}");
    }

    /// <summary><c>explain</c>: see <see cref="PlanningQueries.Explain(string, IndicatorPeriod, string)"/>.</summary>
    public static PlanningAnswer Explain(PlanningQueries planning, string indicator, int year, string region, int? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var explanation = planning.Explain(indicator, Period(year, null, fromYear), region);
        return new(w => PlanningJson.Write([explanation], w), () => PlanningReports.Explain(explanation, planning.TimeZone),
            $"explain-{explanation.Indicator}-{explanation.RegionCode}-{explanation.Period switch { "year" => Year(explanation.Year), var p => p }}");
    }

    /// <summary><c>violations</c>: see <see cref="PlanningQueries.Violations"/>.</summary>
    public static PlanningAnswer Violations(PlanningQueries planning, int year)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var rows = planning.Violations(year);
        return new(w => PlanningJson.Write(rows, w), () => PlanningReports.Violations(rows, year, planning.Publish, planning.TimeZone),
            $"violations-{Year(year)}");
    }

    /// <summary><c>ipwh index</c> / <c>GET /api/index</c>: regions ranked by an evaluation index, with explain every indicator's part.</summary>
    public static PlanningAnswer Index(PlanningQueries planning, IndexDefinition definition, int year, string within, string? level = null, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var result = planning.Index(definition, year, within, level);
        var rows = explain ? result.Rows : [.. result.Rows.Select(r => r with { Indicators = [] })];
        return new(w => PlanningJson.Write(rows, w), () => PlanningReports.Index(result, explain, planning.TimeZone),
            $"index-{result.Within}-{Year(year)}{(explain ? "-explain" : "")}");
    }

    /// <summary>
    /// <c>ipwh expiring</c> / <c>GET /api/expiring</c>: rights under a region whose protection ends within some months, at most
    /// <paramref name="limit"/>'s rows (and bytes of JSON), the limits of <c>/api/sql</c>; <see cref="Cut"/> says when the list was cut.
    /// </summary>
    public static PlanningAnswer Expiring(PlanningQueries planning, string within, int months, string? kind = null, DateOnly? asOf = null,
        OutputLimit limit = default)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var read = planning.Expiring(within, months, kind, asOf, limit.Rows);
        var day = asOf ?? planning.Today;
        return Capped(read, limit, rows => PlanningReports.Expiring(rows, planning.RegionName(within), months, day, planning.Publish, planning.TimeZone),
            $"expiring-{within.Trim()}-{months.ToString(CultureInfo.InvariantCulture)}m");
    }

    /// <summary>
    /// <c>ipwh cases --open</c> / <c>GET /api/cases</c>: the open cases under a region (at most <paramref name="limit"/>, as
    /// <see cref="Expiring"/>), or with a grouping the case indicators per group (one row per group, never cut).
    /// </summary>
    public static PlanningAnswer Cases(PlanningQueries planning, string within, string? by = null, DateOnly? asOf = null, OutputLimit limit = default)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var day = asOf ?? planning.Today;
        if (by is null)
        {
            var open = planning.OpenCases(within, asOf, limit.Rows);
            return Capped(open, limit, rows => PlanningReports.OpenCases(rows, planning.RegionName(within), day, planning.Publish, planning.TimeZone),
                $"cases-open-{within.Trim()}");
        }
        var groups = planning.CasesBy(within, by, asOf);
        return new(w => PlanningJson.Write(groups, w),
            () => PlanningReports.CasesBy(groups, by, planning.RegionName(within), day, planning.Publish, planning.TimeZone),
            $"cases-by-{by}-{within.Trim()}");
    }

    // A long list read with one row past the limit's rows: the first rows only when that row is there, the report saying so,
    // and the JSON written by the writer of /api/sql, which also stops at the limit's bytes.
    private static PlanningAnswer Capped<T>(IReadOnlyList<T> read, OutputLimit limit, Func<IReadOnlyList<T>, Report> report, string fileName)
    {
        var cut = limit.Rows > 0 && read.Count > limit.Rows ? ResultCut.Rows : ResultCut.None;
        IReadOnlyList<T> rows = cut == ResultCut.Rows ? [.. read.Take(limit.Rows)] : read;
        return new(w => PlanningJson.Write(rows, w, limit) is ResultCut.Bytes ? ResultCut.Bytes : cut,
            () =>
            {
                var full = report(rows);
                return cut == ResultCut.Rows ? full with { Notes = [.. full.Notes, CutNote(limit.Rows)] } : full;
            },
            fileName, cut);
    }

    /// <summary>The line a cut list's report carries under its title.</summary>
    public static string CutNote(int rows) =>
        $"列表超过 {rows.ToString("N0", CultureInfo.InvariantCulture)} 行，只列出前 {rows.ToString("N0", CultureInfo.InvariantCulture)} 行：请选下一级地区或缩短期间。";

    /// <summary><c>trend</c>: see <see cref="PlanningQueries.Trend"/>.</summary>
    public static PlanningAnswer Trend(PlanningQueries planning, string indicator, string region)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var rows = planning.Trend(indicator, region);
        return new(w => PlanningJson.Write(rows, w), () => PlanningReports.Trend(rows, planning.Publish, planning.TimeZone),
            $"trend-{rows[0].Indicator}-{rows[0].RegionCode}");
    }

    /// <summary><c>profile</c>: see <see cref="PlanningQueries.Profile"/>.</summary>
    public static PlanningAnswer Profile(PlanningQueries planning, string region, int year)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var rows = planning.Profile(region, year);
        return new(w => PlanningJson.Write(rows, w), () => PlanningReports.Profile(rows, planning.Publish, planning.TimeZone),
            $"profile-{rows[0].RegionCode}-{Year(year)}");
    }

    /// <summary>The console's map: see <see cref="PlanningQueries.Map"/>.</summary>
    public static PlanningAnswer Map(PlanningQueries planning, string indicator, int year, string within, string? level, MapShapes shapes)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var rows = planning.Map(indicator, year, within, level, shapes);
        return new(w => PlanningJson.Write(rows, w), () => PlanningReports.Map(rows, planning.Publish, planning.TimeZone),
            $"map-{indicator.Trim()}-{within.Trim()}-{Year(year)}");
    }

    /// <summary>The console's region tree: see <see cref="PlanningQueries.RegionTree"/>.</summary>
    public static PlanningAnswer Regions(PlanningQueries planning)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var nodes = planning.RegionTree();
        return new(w => PlanningJson.Write(nodes, w),
            () => throw new PlanningException("地区树只有 JSON 格式的答复：请用 format=json。") { Parameter = "format" }, "regions");
    }

    /// <summary><c>reconcile</c>: see <see cref="PlanningQueries.Reconcile"/>.</summary>
    public static PlanningAnswer Reconcile(PlanningQueries planning, int year, string? within = null, double? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var report = planning.Reconcile(year, within, tolerance);
        return new(w => PlanningJson.Write(report.Rows, w), () => PlanningReports.Reconcile(report, planning.TimeZone),
            $"reconcile-{Year(report.Year)}{(report.Within is null ? "" : "-" + report.Within)}");
    }

    /// <summary><c>regions history</c>: what became of a division code, from the shipped code history (no warehouse needed).</summary>
    /// <exception cref="PlanningException">No division list since 1980 has the code.</exception>
    public static PlanningAnswer RegionHistory(string code, IpWarehouse.Etl.Regions.RegionCatalog catalog, IpWarehouse.Etl.Regions.RegionSuccession succession)
    {
        ArgumentNullException.ThrowIfNull(code);
        var history = IpWarehouse.Etl.Regions.RegionHistory.Of(code.Trim(), catalog, succession) ?? throw new PlanningException(
            $"1980 至 2023 年的行政区划代码表中都没有“{code}”：请给出六位 GB/T 2260 代码，例如 620824（华亭县，今 620881 华亭市）。")
        {
            Parameter = "code",
        };
        return new(w => PlanningJson.Write(history.Changes, w), () => PlanningReports.RegionHistory(history), $"region-history-{history.Code}");
    }

    /// <summary>
    /// An answer that is a single JSON object (the web console's <c>/api/meta</c>), written with the planning JSON
    /// conventions; it has no report, so only JSON is offered.
    /// </summary>
    public static PlanningAnswer Of(object value) =>
        new(w => { w.Write(System.Text.Json.JsonSerializer.Serialize(value, PlanningJson.Options)); w.WriteLine(); },
            () => throw new PlanningException("这个问题只有 JSON 格式的答复：请用 format=json。") { Parameter = "format" }, "answer");

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Years(int year, int? fromYear) => fromYear is { } from && from < year ? $"{Year(from)}-{Year(year)}" : Year(year);

    /// A range needs whole years: an as-of date with --from-year is refused, as is a range that runs backwards.
    private static IndicatorPeriod Period(int year, DateOnly? asOf, int? fromYear)
    {
        if (fromYear is null)
        {
            return IndicatorPeriod.Of(year, asOf);
        }
        if (asOf is not null)
        {
            throw new PlanningException("--as-of 是年初至某日，--from-year 是若干整年的区间：二者只能给一个。") { Parameter = "as_of" };
        }
        if (fromYear > year)
        {
            throw new PlanningException($"--from-year {Year(fromYear.Value)} 晚于 --to-year {Year(year)}：区间应从较早的年份到较晚的年份。")
            {
                Parameter = "from_year",
            };
        }
        return IndicatorPeriod.Years(fromYear.Value, year);
    }
}
