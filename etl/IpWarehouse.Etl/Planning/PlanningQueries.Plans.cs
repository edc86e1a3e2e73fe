using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// Plan-period targets (INDICATORS.md, Plan-period targets) tracked in `year` on `day`: 今年情况 (a flow's total
    /// since the plan began, else the value this year), 今年目标 (the path) and 总目标, judged against the path while
    /// the plan runs and against 总目标 once it is over. Every figure is computed from the facts for its exact period.
    private List<TargetRow> TrackPlans(List<TargetInput> plans, int year, DateOnly day,
        Dictionary<(string, string, int, string), OfficialFigure>? official)
    {
        var rows = new List<TargetRow>();
        if (plans.Count == 0)
        {
            return rows;
        }
        var known = plans.Where(t => IndicatorCatalog.TryGet(t.Indicator, out _)).ToList();
        var indicators = known.Select(t => t.Indicator).Distinct(StringComparer.Ordinal).ToList();
        var codes = known.SelectMany(t => new[] { t.Region, ParentOf(t.Region) }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var annualTargets = ReadAnnualTargets(known, year);
        var computed = new Dictionary<IndicatorPeriod, Dictionary<(string, string), MartValue>>();
        Dictionary<(string, string), MartValue> ValuesOf(IndicatorPeriod period)
        {
            if (!computed.TryGetValue(period, out var values))
            {
                computed[period] = values = Values(period, indicators, codes);
            }
            return values;
        }

        foreach (var t in plans)
        {
            rows.Add(IndicatorCatalog.TryGet(t.Indicator, out var indicator)
                ? TrackPlan(t, indicator, year, day, ValuesOf, annualTargets, official)
                : new TargetRow(t.Region, Regions.NameOf(t.Region), t.Indicator, t.Indicator, "", year, t.Comparator, t.Value, null, null, null, "year", null,
                    null, null, null, t.Document, "指标代码不在指标目录中") { PlanPeriod = t.PlanPeriod });
        }
        return rows;
    }

    private TargetRow TrackPlan(TargetInput t, IndicatorDefinition indicator, int year, DateOnly day,
        Func<IndicatorPeriod, Dictionary<(string, string), MartValue>> valuesOf, Dictionary<(string, string, int), double> annualTargets,
        Dictionary<(string, string, int, string), OfficialFigure>? official)
    {
        var (from, to) = (t.FromYear, t.Year);
        var name = Regions.NameOf(t.Region);
        var parent = ParentOf(t.Region);
        var isFlow = indicator.Nature == IndicatorNature.Flow;
        var row = new TargetRow(t.Region, name, indicator.Code, indicator.ChineseName, indicator.Unit, year, t.Comparator, t.Value, parent,
            null, null, "year", null, null, null, null, t.Document, null) { PlanPeriod = t.PlanPeriod };
        var (yearStart, yearEnd) = Window(indicator, year);
        if (day < Window(indicator, from).Start || day < yearStart)
        {
            return row with { Period = "ytd", AsOf = day, Note = "规划期尚未开始" };
        }
        var inYear = day < yearEnd;
        var over = day > Window(indicator, to).End;
        double? ValueIn(IndicatorPeriod period, string? code) =>
            code is not null && valuesOf(period).TryGetValue((code, indicator.Code), out var v) ? v.Value : null;
        double? AnnualTarget(int y) => annualTargets.TryGetValue((t.Region, indicator.Code, y), out var v) ? v : null;

        // 今年情况: a flow's total since the plan began (this year to date while it runs), a stock's value this year
        var thisYear = inYear ? IndicatorPeriod.YearToDate(day) : IndicatorPeriod.WholeYear(year);
        var sinceStart = isFlow && year > from ? IndicatorPeriod.Years(from, year - 1) : null;
        var before = sinceStart is null ? 0 : ValueIn(sinceStart, t.Region);
        var published = inYear ? null : Official(official, t.Region, indicator.Code, year, isFlow && year > from ? $"{from}-{year}" : "year");
        var yearValue = published?.Value ?? (isFlow ? before + ValueIn(thisYear, t.Region) : ValueIn(thisYear, t.Region));

        double? projection = null;
        string? method = null;
        if (inYear && isFlow && ValueIn(thisYear, t.Region) is { } toDate)
        {
            var previousToDate = Years.Contains(year - 1) ? ValueIn(IndicatorPeriod.YearToDate(day.AddYears(-1)), t.Region) : null;
            var previousFull = Years.Contains(year - 1) ? ValueIn(IndicatorPeriod.WholeYear(year - 1), t.Region) : null;
            var (share, how) = TargetEvaluation.ShareOfYear(previousToDate, previousFull, day, yearStart, yearEnd);
            projection = before + toDate / share;
            method = how;
        }

        // 今年目标: the path (or the parent's value this year for >parent_avg)
        var parentValue = ValueIn(thisYear, parent);
        double? start = null;
        if (!isFlow && Years.Contains(from - 1))
        {
            start = ValueIn(IndicatorPeriod.WholeYear(from - 1), t.Region);
        }
        var path = t.Comparator == TargetEvaluation.AboveParent ? parentValue
            : t.Value is { } total ? TargetEvaluation.Path(isFlow, total, from, to, year, start, AnnualTarget) : null;

        // once the plan is over, its final value against 总目标
        var final = yearValue;
        if (over)
        {
            var whole = isFlow ? IndicatorPeriod.Years(from, to) : IndicatorPeriod.WholeYear(to);
            var finalPublished = Official(official, t.Region, indicator.Code, to, isFlow && to > from ? $"{from}-{to}" : "year");
            final = finalPublished?.Value ?? ValueIn(whole, t.Region);
            published = finalPublished ?? (year == to ? published : null);
            if (t.Comparator == TargetEvaluation.AboveParent)
            {
                path = ValueIn(IndicatorPeriod.WholeYear(to), parent);
            }
        }
        var status = TargetEvaluation.PlanStatus(t.Comparator, t.Value, path, final, projection, over, isFlow);
        string? note = final is null ? "无数值（如缺少人口数据）"
            : path is null && !over ? $"规划期前一年（{from - 1}）无数值，无法计算序时目标"
            : over ? $"规划期已结束：按{(isFlow ? "期间合计" : "期末值")}与总目标判断" : null;
        return row with
        {
            ParentValue = parentValue,
            Actual = final,
            Period = inYear ? "ytd" : "year",
            AsOf = inYear ? day : null,
            Projection = projection,
            ProjectionMethod = method,
            Status = status,
            Note = note,
            YearValue = yearValue,
            YearTarget = path,
            Progress = Percent(yearValue, path),
            ValueSource = published is null ? "computed" : "official",
        };
    }

    /// The first and last day counted for an indicator in a year: the calendar year, or CNIPA's trademark year
    /// (16 Dec of the year before .. 15 Dec) under the mart's setting.
    private (DateOnly Start, DateOnly End) Window(IndicatorDefinition indicator, int year) =>
        indicator.UsesTrademarkYear && MartSettings.Settings.TrademarkYear == TrademarkYearMode.Cnipa
            ? (new DateOnly(year - 1, 12, 16), new DateOnly(year, 12, 15))
            : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// The annual targets (period 'year') of the plan rows' regions and indicators from each plan's first year to
    /// `year`, with the plan's comparator: where one is given, it is that year's point on the path.
    private Dictionary<(string Region, string Indicator, int Year), double> ReadAnnualTargets(List<TargetInput> plans, int year)
    {
        var result = new Dictionary<(string, string, int), double>();
        if (plans.Count == 0)
        {
            return result;
        }
        var wanted = plans.Select(p => (p.Region, p.Indicator, p.Comparator)).ToHashSet();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT region_code, indicator, year, comparator, CAST(target_value AS DOUBLE)
            FROM fact_target
            WHERE period = 'year' AND target_value IS NOT NULL AND year BETWEEN $from AND $year
              AND region_code IN ({Literals(plans.Select(p => p.Region).Distinct(StringComparer.Ordinal))})
            """;
        command.Parameters.Add(new DuckDBParameter("from", plans.Min(p => p.FromYear)));
        command.Parameters.Add(new DuckDBParameter("year", year));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (wanted.Contains((reader.GetString(0), reader.GetString(1), reader.GetString(3))))
            {
                result[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetDouble(4);
            }
        }
        return result;
    }
}
