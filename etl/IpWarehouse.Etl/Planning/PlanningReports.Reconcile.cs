using System.Globalization;

namespace IpWarehouse.Etl.Planning;

public static partial class PlanningReports
{
    /// <summary>A reconciliation: official figure, ours, the difference and the status, with the likely causes of each 偏差.</summary>
    public static Report Reconcile(ReconcileReport report, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(report);
        var columns = new List<ReconcileColumn>
        {
            new(new("region_code", "地区代码", ReportKind.Text), r => r.RegionCode),
            new(new("region_name", "地区", ReportKind.Text), r => r.RegionName),
            new(new("indicator", "指标代码", ReportKind.Text, InTable: false), r => r.Indicator),
            new(new("indicator_name", "指标", ReportKind.Text), r => r.IndicatorName),
            new(new("period", "统计期", ReportKind.Text), r => PeriodLabel(r.Period)),
            new(new("official", "官方数", ReportKind.Number, null, -1), r => r.Official),
            new(new("ours", "本系统", ReportKind.Number, null, -1), r => r.Ours),
            new(new("difference", "差值", ReportKind.Number, null, -1), r => r.Difference),
            new(new("difference_pct", "差异率", ReportKind.Number, "%", 2), r => r.DifferencePct),
            new(new("unit", "单位", ReportKind.Text), r => r.Unit),
            new(new("status", "状态代码", ReportKind.Text, InTable: false), r => r.Status),
            new(new("status_name", "状态", ReportKind.Text), r => PlanningLabels.Reconcile(r.Status)),
            new(new("source_document", "来源文件", ReportKind.Text, InTable: false), r => r.SourceDocument),
            new(new("explanation", "可能原因", ReportKind.Text), r => r.Explanation?.Summary),
        };
        var counts = report.Rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string Count(string status) => $"{PlanningLabels.Reconcile(status)} {counts.GetValueOrDefault(status)}";
        return new Report($"官方公布数核对 · {report.Year}年",
            [
                report.Publish.Describe(timeZone),
                $"{Count("match")}，{Count("differs")}，{Count("no_local")}，{Count("no_official")}；" +
                $"差异率在 ±{report.Tolerance.ToString("0.##", CultureInfo.InvariantCulture)}% 以内为一致；本系统数按官方数的同一统计期由事实计算",
            ],
            [.. columns.Select(c => c.Column)],
            [.. report.Rows.Select(r => (IReadOnlyList<object?>)[.. columns.Select(c => c.Value(r))])])
        { SheetName = "官方数核对" };
    }

    private static string PeriodLabel(string period) => period switch
    {
        "year" => "全年",
        _ when period.Length == 10 => $"截至 {period}",
        _ => PlanningLabels.PlanPeriod(period),
    };

    private sealed record ReconcileColumn(ReportColumn Column, Func<ReconcileRow, object?> Value);
}
