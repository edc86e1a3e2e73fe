namespace IpWarehouse.Etl.Planning;

public static partial class PlanningReports
{
    /// <summary>An evaluation index's ranking (<c>ipwh index</c>): one row per region with its dimension sub-scores, or with
    /// <paramref name="explain"/> one row per region and indicator with its value, normalised value, weight and contribution.</summary>
    public static Report Index(IndexResult result, bool explain, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(result);
        var d = result.Definition;
        var missing = d.Missing == "zero" ? "缺少数值的指标按 0 分计" : "缺少数值的指标不计分，其权重在所属维度内按比例分配（reweight）";
        var notes = new List<string>
        {
            $"{result.Year}年；{result.Publish.Describe(timeZone)}",
            $"得分 = Σ 维度权重 × 维度得分 ÷ 维度权重之和；维度得分 = Σ 指标权重 × 标准化值 ÷ 指标权重之和；{missing}",
            "权重为本地考核文件所定（ipwh.json 的 indexes），不是本系统的判断；并列同名次",
        };
        string title = $"{d.Name} · {result.WithinName}各{PlanningLabels.Level(result.Level)} · {result.Year}年";
        if (explain)
        {
            var columns = new List<ReportColumn>
            {
                new("rank", "排名", ReportKind.Integer),
                new("region_code", "地区代码", ReportKind.Text, InTable: false),
                new("region_name", "地区", ReportKind.Text),
                new("dimension", "维度", ReportKind.Text),
                new("indicator", "指标代码", ReportKind.Text, InTable: false),
                new("indicator_name", "指标", ReportKind.Text),
                new("value", "指标值", ReportKind.Number, null, -1),
                new("normalise", "标准化方法", ReportKind.Text),
                new("normalised", "标准化值", ReportKind.Number, null, 2),
                new("weight", "权重", ReportKind.Number, null, -1),
                new("contribution", "贡献分", ReportKind.Number, null, 2),
                new("missing", "缺值", ReportKind.Boolean),
            };
            var rows = result.Rows.SelectMany(r => r.Indicators.Select(i => (IReadOnlyList<object?>)
            [
                r.Rank, r.RegionCode, r.RegionName, i.Dimension, i.Indicator, IpWarehouse.Etl.Indicators.IndicatorCatalog.Get(i.Indicator).ChineseName, i.Value,
                Normalisation(i.Normalise) + (i.Cap is { } cap ? $"（上限 {cap:0.##}）" : ""), i.Normalised, i.Weight, i.Contribution, i.Missing,
            ])).ToList();
            return new Report(title + " · 计算明细", notes, columns, rows) { SheetName = "评价指数明细" };
        }
        var summary = new List<ReportColumn>
        {
            new("rank", "排名", ReportKind.Integer),
            new("region_code", "地区代码", ReportKind.Text),
            new("region_name", "地区", ReportKind.Text),
            new("score", "总得分", ReportKind.Number, null, 2),
        };
        summary.AddRange(d.Dimensions.Select((x, i) => new ReportColumn($"dimension_{i + 1}", x.Name, ReportKind.Number, null, 2)));
        summary.Add(new("missing_indicators", "缺值指标数", ReportKind.Integer));
        var table = result.Rows.Select(r => (IReadOnlyList<object?>)
            [r.Rank, r.RegionCode, r.RegionName, r.Score, .. d.Dimensions.Select(x => (object?)r.Dimensions.GetValueOrDefault(x.Name)), r.MissingIndicators]).ToList();
        return new Report(title, notes, summary, table) { SheetName = "评价指数" };
    }

    private static string Normalisation(string method) => method switch
    {
        "min_max" => "极差标准化",
        "zscore" => "标准分数",
        "ratio_to_parent" => "与上级之比",
        "ratio_to_target" => "目标完成率",
        _ => method,
    };
}
