using System.Globalization;
using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Turns the planning answers into <see cref="Report"/>s for tables, CSV and XLSX: Chinese titles and
/// headers, units, and the publish the figures come from ("数据截至 … 批次 …").
/// </summary>
public static partial class PlanningReports
{
    /// <summary>A ranking: rank, change (↑↓), region, value, last year's rank and value, the parent's value, above it or not.</summary>
    public static Report Rank(RankResult result, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(result);
        var i = result.Indicator;
        var decimals = PlanningLabels.SeparatingDecimals(result.Rows.Select(r => r.Value), PlanningLabels.Decimals(i));
        var parent = result.ParentValue is { } p ? $"{Number(p, decimals)} {i.Unit}" : "无数值";
        var notes = new List<string>
        {
            $"{PeriodText(result.Year, result.AsOf, result.FromYear)}；{result.Publish.Describe(timeZone)}",
            $"{result.WithinName}本级值 {parent}（由{result.WithinName}总量计算）；{PlanningLabels.Direction(i)}；并列同名次，无数值者列于末尾不排名",
        };
        var columns = new List<ReportColumn>
        {
            new("rank", "排名", ReportKind.Integer),
            new("rank_change", "名次变化", ReportKind.RankChange),
            new("region_code", "地区代码", ReportKind.Text),
            new("region_name", "地区", ReportKind.Text),
            new("value", i.ChineseName, ReportKind.Number, i.Unit, decimals),
            new("previous_rank", result.FromYear is null ? "上年名次" : "上一时段名次", ReportKind.Integer),
            new("previous_value", result.FromYear is null ? "上年同期" : "上一时段", ReportKind.Number, i.Unit, decimals),
            new("parent_value", $"{result.WithinName}本级值", ReportKind.Number, i.Unit, decimals, InTable: false),
            new("above_parent", $"高于{result.WithinName}", ReportKind.Boolean),
        };
        var rows = result.Rows.Select(r => (IReadOnlyList<object?>)
            [r.Rank, r.RankChange, r.RegionCode, r.RegionName, r.Value, r.PreviousRank, r.PreviousValue, r.ParentValue, r.AboveParent]).ToList();
        return new Report($"{i.ChineseName}排名 · {result.WithinName}各{PlanningLabels.Level(result.Level)} · {YearText(result.Year, result.AsOf, result.FromYear)}",
            notes, columns, rows)
        { SheetName = $"{i.ChineseName}排名" };
    }

    /// <summary>Indicators of regions: one row per region and indicator.</summary>
    public static Report Indicators(IReadOnlyList<IndicatorValue> values, int year, DateOnly? asOf, PublishInfo publish, TimeZoneInfo timeZone,
        int? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(publish);
        var columns = new List<ReportColumn>
        {
            new("region_code", "地区代码", ReportKind.Text),
            new("region_name", "地区", ReportKind.Text),
            new("indicator", "指标代码", ReportKind.Text, InTable: false),
            new("indicator_name", "指标", ReportKind.Text),
            new("value", "指标值", ReportKind.Number, null, -1),
            new("unit", "单位", ReportKind.Text),
            new("numerator", "分子", ReportKind.Number, null, -1),
            new("denominator", "分母", ReportKind.Number, null, -1),
            new("period_start", "统计期起", ReportKind.Date, InTable: false),
            new("period_end", "统计期止", ReportKind.Date, InTable: false),
        };
        var rows = values.Select(v => (IReadOnlyList<object?>)
            [v.RegionCode, v.RegionName, v.Indicator, v.IndicatorName, v.Value, v.Unit, v.Numerator, v.Denominator, v.PeriodStart, v.PeriodEnd]).ToList();
        var regions = values.Select(v => v.RegionName).Distinct(StringComparer.Ordinal).ToList();
        var scope = regions.Count is > 0 and <= 3 ? string.Join("、", regions) + " · " : "";
        return new Report($"知识产权指标 · {scope}{YearText(year, asOf, fromYear)}",
            [$"{PeriodText(year, asOf, fromYear)}；{publish.Describe(timeZone)}", "商标指标按商标统计年度；人均指标无人口数据时为空（不是 0）"],
            columns, rows)
        { SheetName = "指标" };
    }

    /// <summary>Target tracking: the target, the actual value, the projection and the status.</summary>
    public static Report Targets(TargetReport report, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(report);
        var day = (report.AsOf ?? report.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var columns = new List<ReportColumn>
        {
            new("region_code", "地区代码", ReportKind.Text, InTable: false),
            new("region_name", "地区", ReportKind.Text),
            new("indicator", "指标代码", ReportKind.Text, InTable: false),
            new("indicator_name", "指标", ReportKind.Text),
            new("plan_period", "规划期", ReportKind.Text),
            new("comparator", "要求", ReportKind.Text),
            new("target_value", "目标值", ReportKind.Number, null, -1),
            new("year_value", "今年情况", ReportKind.Number, null, -1),
            new("year_target", "今年目标", ReportKind.Number, null, -1),
            new("progress", "进度", ReportKind.Number, "%", 1),
            new("parent_value", "上级本级值", ReportKind.Number, null, -1, InTable: false),
            new("actual", "判断值", ReportKind.Number, null, -1),
            new("unit", "单位", ReportKind.Text),
            new("period", "统计期", ReportKind.Text, InTable: false),
            new("projection", "年末预计", ReportKind.Number, null, 0),
            new("projection_method", "预计方法", ReportKind.Text, InTable: false),
            new("value_source", "数据来源", ReportKind.Text),
            new("status", "状态代码", ReportKind.Text, InTable: false),
            new("status_name", "状态", ReportKind.Text),
            new("source_document", "依据", ReportKind.Text, InTable: false),
            new("note", "说明", ReportKind.Text),
        };
        var rows = report.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.RegionCode, r.RegionName, r.Indicator, r.IndicatorName, r.PlanPeriod is null ? "年度" : PlanningLabels.PlanPeriod(r.PlanPeriod),
            PlanningLabels.Comparator(r.Comparator), r.TargetValue, r.YearValue, r.YearTarget, r.Progress, r.ParentValue,
            r.Actual, r.Unit, r.Period == "ytd" ? $"截至 {r.AsOf:yyyy-MM-dd}" : "全年", r.Projection,
            r.ProjectionMethod switch { "seasonal" => "按上年进度", "linear" => "按天数线性", _ => null },
            r.ValueSource == "official" ? "官方" : "计算",
            r.Status is { } s ? PlanningLabels.Code(s) : null, r.Status is { } t ? PlanningLabels.Chinese(t) : null, r.SourceDocument, r.Note,
        ]).ToList();
        return new Report($"目标完成情况 · {report.Year}年 · 判断日 {day}",
            [
                report.Publish.Describe(timeZone),
                "年度结束后按全年值判断已达成/未达成；年内计数指标按年末预计（有上年数据按上年进度，否则按天数线性），其他指标按当前值；" +
                $"差距在目标的 {TargetThresholds.AtRiskMargin * 100:0}% 以内为“有风险”",
                "规划期目标（如十四五 2021—2025）：流量指标的今年情况为规划期首年至今年的累计，今年目标为按总目标直线分摊（有年度目标时用年度目标）；" +
                "存量、人均与比率指标的今年目标为自规划期前一年的数值到总目标的直线进度；规划期结束后按期末值与总目标判断",
            ],
            columns, rows)
        { SheetName = "目标完成情况" };
    }

    /// <summary>Where a figure came from: a summary above the facts counted.</summary>
    public static Report Explain(Explanation e, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(e);
        var decimals = IndicatorCatalog.TryGet(e.Indicator, out var definition) ? PlanningLabels.Decimals(definition) : 2;
        var summary = new List<ReportField>
        {
            new("地区", $"{e.RegionCode} {e.RegionName}"),
            new("指标", $"{e.Indicator} {e.IndicatorName}（{e.Unit}）"),
            new("定义", e.Definition),
            new("统计期", $"{e.PeriodStart:yyyy-MM-dd} 至 {e.PeriodEnd:yyyy-MM-dd}"),
            new("指标值", e.Value is { } v ? $"{Number(v, decimals)} {e.Unit}（{v.ToString("R", CultureInfo.InvariantCulture)}）" : "无数值"),
            new("分子", $"{e.NumeratorLabel} = {Optional(e.Numerator)}"),
        };
        if (e.DenominatorLabel is not null)
        {
            summary.Add(new("分母", $"{e.DenominatorLabel} = {Optional(e.Denominator)}"));
        }
        if (e.Population is { } p)
        {
            summary.Add(new("人口", $"{p.RegionCode} {p.Year} {p.PopulationType} {p.Population.ToString("N0", CultureInfo.InvariantCulture)} 人（来源 {p.SourceName} {p.SourceFile} 第 {p.SourceRow} 行，批次 {p.BatchId}）"));
        }
        else if (definition?.Nature == IndicatorNature.PerCapita)
        {
            summary.Add(new("人口", "无该地区该年的人口数据：人均指标为空"));
        }
        foreach (var rule in e.Rules)
        {
            summary.Add(new("口径 " + rule.Setting, rule.Value));
        }
        summary.Add(new("计算时间", TimeZoneInfo.ConvertTime(e.ComputedAt, timeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        summary.Add(new("计入的事实", $"{e.FactsMeasure}：共 {e.FactsTotal.ToString("N0", CultureInfo.InvariantCulture)} 条，下列前 {e.Facts.Count} 条"));
        var columns = new List<ReportColumn>
        {
            new("fact_table", "事实表", ReportKind.Text),
            new("fact_key", "键", ReportKind.Text),
            new("event_date", "日期", ReportKind.Date),
            new("amount", "计入量", ReportKind.Number, null, -1),
            new("region_code", "归属地区", ReportKind.Text),
            new("source_name", "来源", ReportKind.Text),
            new("source_file", "文件", ReportKind.Text),
            new("source_row", "行号", ReportKind.Integer),
            new("batch_id", "批次", ReportKind.Text),
        };
        var rows = e.Facts.Select(f => (IReadOnlyList<object?>)
            [f.FactTable, f.FactKey, f.EventDate, f.Amount, f.RegionCode, f.SourceName, f.SourceFile, f.SourceRow, f.BatchId]).ToList();
        var years = e.Period == "year" ? $"{e.Year}年" : e.Period.Replace("-", "—", StringComparison.Ordinal) + "年";
        return new Report($"{e.IndicatorName}的来源 · {e.RegionName} · {years}", [e.Publish.Describe(timeZone)], columns, rows)
        {
            Summary = summary,
            SheetName = "指标来源",
        };
    }

    /// <summary>The subsidy violations of a year.</summary>
    public static Report Violations(IReadOnlyList<SubsidyViolation> violations, int year, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(publish);
        var columns = new List<ReportColumn>
        {
            new("paid_date", "支付日期", ReportKind.Date),
            new("payment_no", "支付编号", ReportKind.Text),
            new("region_code", "地区代码", ReportKind.Text),
            new("region_name", "地区", ReportKind.Text),
            new("gov_level", "资金层级", ReportKind.Text, InTable: false),
            new("program", "资助项目", ReportKind.Text),
            new("rule", "违反规则", ReportKind.Text, InTable: false),
            new("rule_name", "规则说明", ReportKind.Text),
            new("detail", "情况", ReportKind.Text),
            new("paid_amount", "支付金额", ReportKind.Number, "元", 2) { ExactScale = 2 }, // DECIMAL(18,2) in mart_subsidy_violation
            new("limit_amount", "限额", ReportKind.Number, "元", 2) { ExactScale = 2 },
            new("first_payment_no", "首笔支付编号", ReportKind.Text),
            new("source_name", "来源", ReportKind.Text, InTable: false),
            new("source_row", "行号", ReportKind.Integer, InTable: false),
            new("batch_id", "批次", ReportKind.Text, InTable: false),
        };
        var rows = violations.Select(v => (IReadOnlyList<object?>)
        [
            v.PaidDate, v.PaymentNo, v.RegionCode, v.RegionName, v.GovLevel, v.Program, v.Rule, PlanningLabels.Rule(v.Rule), v.Detail,
            v.PaidAmount, v.LimitAmount, v.FirstPaymentNo, v.SourceName, v.SourceRow, v.BatchId,
        ]).ToList();
        var payments = violations.Select(v => v.PaymentNo).Distinct(StringComparer.Ordinal).Count();
        return new Report($"违规资助 · {year}年",
            [$"{violations.Count} 条违规（{payments} 笔支付）；{publish.Describe(timeZone)}"], columns, rows)
        { SheetName = "违规资助" };
    }

    /// <summary>A region's indicator over the years: value, parent's value, rank among the parent's regions, target.</summary>
    public static Report Trend(IReadOnlyList<TrendRow> rows, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publish);
        var first = rows[0];
        var i = IndicatorCatalog.Get(first.Indicator);
        var decimals = PlanningLabels.Decimals(i);
        var parent = first.ParentName ?? "上级";
        var columns = new List<ReportColumn>
        {
            new("year", "年度", ReportKind.Integer),
            new("value", i.ChineseName, ReportKind.Number, i.Unit, decimals),
            new("parent_value", $"{parent}本级值", ReportKind.Number, i.Unit, decimals),
            new("rank", $"在{parent}内排名", ReportKind.Integer),
            new("ranked", "参与排名地区数", ReportKind.Integer),
            new("target_comparator", "目标要求", ReportKind.Text),
            new("target_value", "目标值", ReportKind.Number, i.Unit, decimals),
        };
        var table = rows.Select(r => (IReadOnlyList<object?>)
            [r.Year, r.Value, r.ParentValue, r.Rank, r.Ranked, r.TargetComparator is { } c ? PlanningLabels.Comparator(c) : null, r.TargetValue]).ToList();
        return new Report($"{i.ChineseName}历年走势 · {first.RegionName}", [publish.Describe(timeZone), PlanningLabels.Direction(i)], columns, table)
        { SheetName = "历年走势" };
    }

    /// <summary>A region's year: every indicator with value, change, rank, the parent's value and the target's status.</summary>
    public static Report Profile(IReadOnlyList<ProfileRow> rows, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publish);
        var first = rows[0];
        var parent = first.ParentName ?? "上级";
        var columns = new List<ReportColumn>
        {
            new("indicator", "指标代码", ReportKind.Text, InTable: false),
            new("indicator_name", "指标", ReportKind.Text),
            new("value", "指标值", ReportKind.Number, null, -1),
            new("unit", "单位", ReportKind.Text),
            new("change", "比上年", ReportKind.Number, null, -1),
            new("rank", $"在{parent}内排名", ReportKind.Integer),
            new("ranked", "参与排名地区数", ReportKind.Integer),
            new("previous_rank", "上年名次", ReportKind.Integer),
            new("parent_value", $"{parent}本级值", ReportKind.Number, null, -1),
            new("target", "目标", ReportKind.Text),
            new("target_status", "目标状态", ReportKind.Text),
        };
        var table = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Indicator, r.IndicatorName, r.Value, r.Unit, r.Change, r.Rank, r.Ranked, r.PreviousRank, r.ParentValue,
            r.TargetComparator is { } c ? $"{PlanningLabels.Comparator(c)} {(r.TargetValue is { } t ? t.ToString("R", CultureInfo.InvariantCulture) : parent + "本级值")}" : null,
            r.TargetStatus is { } s ? PlanningLabels.Chinese(s) : null,
        ]).ToList();
        return new Report($"{first.RegionName} {first.Year}年知识产权指标概况", [publish.Describe(timeZone), "并列同名次；无数值者不排名"], columns, table)
        { SheetName = "地区概况" };
    }

    /// <summary>A map's regions: rank, value and the shape each is drawn with.</summary>
    public static Report Map(IReadOnlyList<MapRow> rows, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publish);
        var i = IndicatorCatalog.Get(rows.Count > 0 ? rows[0].Indicator : IndicatorCatalog.Codes[0]);
        var decimals = PlanningLabels.Decimals(i);
        var columns = new List<ReportColumn>
        {
            new("rank", "排名", ReportKind.Integer),
            new("region_code", "地区代码", ReportKind.Text),
            new("region_name", "地区", ReportKind.Text),
            new("value", i.ChineseName, ReportKind.Number, i.Unit, decimals),
            new("shape_name", "地图形状", ReportKind.Text),
        };
        var table = rows.Select(r => (IReadOnlyList<object?>)[r.Rank, r.RegionCode, r.RegionName, r.Value, r.ShapeName ?? "无形状"]).ToList();
        return new Report($"{i.ChineseName}地图", [publish.Describe(timeZone)], columns, table) { SheetName = "地图" };
    }

    private static string YearText(int year, DateOnly? asOf, int? fromYear = null) =>
        asOf is { } d ? $"{year}年（截至 {d:yyyy-MM-dd}）" : fromYear is { } f && f < year ? $"{f}—{year}年" : $"{year}年";

    private static string PeriodText(int year, DateOnly? asOf, int? fromYear = null) =>
        asOf is { } d ? $"统计期 {year}-01-01 至 {d:yyyy-MM-dd}（年初至今）"
        : fromYear is { } f && f < year ? $"统计期 {f}—{year} 年（流量为合计，存量为期末数，比率由合计计算）"
        : $"统计期 {year} 全年";

    private static string Number(double value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Optional(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "无";
}
