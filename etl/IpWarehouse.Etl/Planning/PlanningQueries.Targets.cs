using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// Tracks the targets of a year (<c>ipwh targets</c>) on a day: <paramref name="asOf"/>, else today by the
    /// clock. Once the indicator's period has ended on that day the full-year value decides (achieved or
    /// missed); before, the year to date is judged: a count by its projection to the year end (the previous
    /// year's seasonal profile where it had any, else linear in days), anything else by its current value,
    /// with the bands of <see cref="TargetThresholds"/>. <c>&gt;parent_avg</c> compares with the parent
    /// region's own value of the same indicator and period (its totals divided, not a mean of its children).
    /// Plan-period targets whose period holds the year (十四五 2021-2025 for 2023) are tracked against their path
    /// (<see cref="TargetRow.YearTarget"/>): see INDICATORS.md, Plan-period targets. With
    /// <see cref="TargetSettings.PreferOfficial"/> a completed period is judged on its official figure where one exists.
    /// </summary>
    /// <param name="year">The target year.</param>
    /// <param name="region">The region whose targets (and those of the regions below it) to track; null for all.</param>
    /// <param name="asOf">The day to judge on; null for today.</param>
    /// <exception cref="PlanningException">An unknown region, a year without data, an as-of date outside the year.</exception>
    public TargetReport Targets(int year, string? region = null, DateOnly? asOf = null)
    {
        RequireYear(year);
        if (asOf is { } date)
        {
            RequireAsOf(date, year);
        }
        RequireCurrentSchema("目标跟踪");
        var scope = region is null ? null : RequireRegion(region, "region");
        var today = Today;
        var day = asOf ?? today;

        var targets = ReadTargets(year, scope is null ? null : [.. Regions.SelfAndBelow(scope.Code).Select(r => r.Code)]);
        var official = targetSettings.PreferOfficial ? ReadOfficialFigures(targets.Select(t => t.Region).Distinct(StringComparer.Ordinal).ToList()) : null;
        var annual = targets.Where(t => t.PlanPeriod is null).ToList();
        var known = annual.Where(t => IndicatorCatalog.TryGet(t.Indicator, out _)).ToList();
        var indicators = known.Select(t => t.Indicator).Distinct(StringComparer.Ordinal).ToList();
        var codes = known.SelectMany(t => new[] { t.Region, ParentOf(t.Region) }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var full = Values(year, null, indicators, codes);
        (DateOnly Start, DateOnly End) PeriodOf(TargetInput t) =>
            full.TryGetValue((t.Region, t.Indicator), out var v) ? (v.PeriodStart, v.PeriodEnd) : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        bool InYear(TargetInput t) => day.Year == year && day >= PeriodOf(t).Start && day < PeriodOf(t).End;

        Dictionary<(string, string), MartValue>? toDate = null;
        Dictionary<(string, string), MartValue>? previousFull = null;
        Dictionary<(string, string), MartValue>? previousToDate = null;
        if (known.Any(InYear))
        {
            toDate = Values(year, day, indicators, codes);
            var counts = known.Where(t => InYear(t) && IndicatorCatalog.Get(t.Indicator).Nature == IndicatorNature.Flow)
                .Select(t => t.Indicator).Distinct(StringComparer.Ordinal).ToList();
            if (counts.Count > 0 && Years.Contains(year - 1))
            {
                previousFull = Values(year - 1, null, counts, codes);
                previousToDate = Values(year - 1, day.AddYears(-1), counts, codes);
            }
        }

        var rows = new List<TargetRow>();
        foreach (var t in annual)
        {
            rows.Add(Track(t, year, day, full, toDate, previousFull, previousToDate, InYear(t), PeriodOf(t), official));
        }
        rows.AddRange(TrackPlans([.. targets.Where(t => t.PlanPeriod is not null)], year, day, official));
        rows = [.. rows
            .OrderBy(r => r.RegionCode, StringComparer.Ordinal)
            .ThenBy(r => r.PlanPeriod is null ? 0 : 1)
            .ThenBy(r => CatalogOrder(r.Indicator))];
        return new TargetReport(year, scope?.Code, asOf, today, rows, Publish);
    }

    private TargetRow Track(TargetInput t, int year, DateOnly day, Dictionary<(string, string), MartValue> full,
        Dictionary<(string, string), MartValue>? toDate, Dictionary<(string, string), MartValue>? previousFull,
        Dictionary<(string, string), MartValue>? previousToDate, bool inYear, (DateOnly Start, DateOnly End) period,
        Dictionary<(string, string, int, string), OfficialFigure>? official)
    {
        var name = Regions.NameOf(t.Region);
        if (!IndicatorCatalog.TryGet(t.Indicator, out var indicator))
        {
            return new TargetRow(t.Region, name, t.Indicator, t.Indicator, "", year, t.Comparator, t.Value, null, null, null, "year", null,
                null, null, null, t.Document, "指标代码不在指标目录中");
        }
        var parent = ParentOf(t.Region);
        if (day < period.Start || (day.Year < year))
        {
            return new TargetRow(t.Region, name, indicator.Code, indicator.ChineseName, indicator.Unit, year, t.Comparator, t.Value, parent,
                null, null, "ytd", day, null, null, null, t.Document, "统计期尚未开始");
        }
        var values = inYear ? toDate! : full;
        double? ValueOf(Dictionary<(string, string), MartValue>? set, string? code) =>
            code is not null && set is not null && set.TryGetValue((code, indicator.Code), out var v) ? v.Value : null;

        var actual = ValueOf(values, t.Region);
        // An official figure stands for a whole year only: a year still running is judged on our year to date.
        var published = inYear ? null : Official(official, t.Region, indicator.Code, year, "year");
        actual = published?.Value ?? actual;
        var parentValue = ValueOf(values, parent);
        var goal = t.Comparator == TargetEvaluation.AboveParent ? parentValue : t.Value;
        var isCount = indicator.Nature == IndicatorNature.Flow;

        double? projection = null;
        string? method = null;
        if (inYear && isCount && actual is { } value && t.Comparator != TargetEvaluation.AboveParent)
        {
            var (share, how) = TargetEvaluation.ShareOfYear(ValueOf(previousToDate, t.Region), ValueOf(previousFull, t.Region), day, period.Start, period.End);
            projection = value / share;
            method = how;
        }
        var status = TargetEvaluation.Status(t.Comparator, goal, actual, projection, !inYear, isCount);
        string? note = actual is null
            ? "无数值（如缺少人口数据）"
            : goal is null ? "上级地区无数值" : null;
        return new TargetRow(t.Region, name, indicator.Code, indicator.ChineseName, indicator.Unit, year, t.Comparator, t.Value, parent,
            parentValue, actual, inYear ? "ytd" : "year", inYear ? day : null, projection, method, status, t.Document, note)
        {
            YearValue = actual,
            YearTarget = goal,
            Progress = Percent(actual, goal),
            ValueSource = published is null ? "computed" : "official",
        };
    }

    private static double? Percent(double? value, double? goal) => value is { } v && goal is { } g && g != 0 ? v / g * 100 : null;

    private string? ParentOf(string code) => Regions.TryGet(code, out var region) ? region.ParentCode : null;

    private static int CatalogOrder(string code)
    {
        for (var i = 0; i < IndicatorCatalog.Codes.Count; i++)
        {
            if (IndicatorCatalog.Codes[i] == code)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    /// The annual targets of the year and the plan-period targets whose period holds it.
    private List<TargetInput> ReadTargets(int year, IReadOnlyCollection<string>? regionCodes)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT region_code, indicator, comparator, CAST(target_value AS DOUBLE), source_document, year, nullif(period, 'year')
            FROM fact_target
            WHERE (year = $year AND period = 'year'
                OR period <> 'year' AND year >= $year AND CAST(split_part(period, '-', 1) AS INTEGER) <= $year)
              {(regionCodes is null ? "" : $"AND region_code IN ({Literals(regionCodes)})")}
            """;
        command.Parameters.Add(new DuckDBParameter("year", year));
        using var reader = command.ExecuteReader();
        var list = new List<TargetInput>();
        while (reader.Read())
        {
            list.Add(new TargetInput(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return list;
    }

    /// One target row; PlanPeriod is null for an annual target, else e.g. 2021-2025 with Year its last year.
    private sealed record TargetInput(string Region, string Indicator, string Comparator, double? Value, string? Document, int Year, string? PlanPeriod)
    {
        public int FromYear => PlanPeriod is null ? Year : int.Parse(PlanPeriod.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
    }
}
