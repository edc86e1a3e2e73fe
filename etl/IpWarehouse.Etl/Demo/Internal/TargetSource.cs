namespace IpWarehouse.Etl.Demo.Internal;

/// 目标: the planning office's target breakdown as XLSX, from the plan documents' wording —
/// 专利申请量增长15%以上, 发明专利占25%以上, 结案率95%以上, 每万人口发明专利拥有量高于全省平均.
internal sealed class TargetSource(DemoContext context)
{
    public const string Name = "plan-targets";
    public const string Kind = "targets";
    public const string File = "drops/targets.xlsx";
    public const string Sheet = "目标";

    private static readonly XlsxSheet Layout = new(
        Sheet,
        "甘肃省知识产权工作主要目标任务分解表（2022—2024年）",
        "目标值为百分比或件（人次、家）；比较为“>parent_avg”者表示高于上级平均水平。",
        ["行政区划代码", "地区", "年份", "指标", "指标名称", "比较", "目标值", "依据"],
        [14, 30, 8, 30, 26, 14, 10, 48]);

    private static readonly Dictionary<string, string> IndicatorNames = new(StringComparer.Ordinal)
    {
        ["patent_applications_growth"] = "专利申请量增长率",
        ["invention_share"] = "发明专利申请占比",
        ["case_closure_rate"] = "结案率",
        ["valid_invention_per_10k"] = "每万人口发明专利拥有量",
        ["training_person_times"] = "知识产权培训人次",
        ["ip_enterprises"] = "知识产权优势示范企业数",
    };

    public void Write()
    {
        var random = context.Stream(DemoStream.Targets);
        var gansu = context.Gansu;
        var rows = new List<SourceRow<XlsxValue>>();
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var plan = "《甘肃省“十四五”知识产权保护和运用规划》";
            var points = $"《{year}年甘肃省知识产权工作要点》";
            rows.Add(Row(gansu.Province.Code, gansu.Province.Name, year, "patent_applications_growth", ">=", 10, plan, random));
            rows.Add(Row(gansu.Province.Code, gansu.Province.Name, year, "invention_share", ">=", 25, plan, random));
            rows.Add(Row(gansu.Province.Code, gansu.Province.Name, year, "case_closure_rate", ">=", 95, points, random));
            rows.Add(Row(gansu.Province.Code, gansu.Province.Name, year, "training_person_times", ">=", 10_000, points, random));
            foreach (var city in gansu.Cities)
            {
                var document = city.IsAutonomous ? $"《{city.NamePrefix}{year}年知识产权工作要点》" : $"《{city.Name}“十四五”知识产权发展规划》";
                var weak = city.Profile.PatentFactor < 0.5;
                rows.AddRange(Standard(city.Code, city.Name, year, weak ? 12 : 15, weak ? 20 : 25, 95, document, random));
                if (city.Code == "620100")
                {
                    rows.Add(Row(city.Code, city.Name, year, "ip_enterprises", ">=", 30, "《兰州市争创知识产权示范城市工作要点》", random));
                }
                if (year < 2023)
                {
                    continue;
                }
                foreach (var county in city.Counties)
                {
                    var plain = county.IsRural && !county.IsSeat;
                    var countyDocument = random.Chance(0.5) ? $"《{county.Name}知识产权强县建设实施方案》" : $"《{county.Name}强化知识产权保护实施意见》";
                    rows.AddRange(Standard(county.Code, county.Name, year, plain ? 10 : 15, plain ? 15 : 25, plain ? 90 : 95, countyDocument, random));
                }
            }
        }
        var dirtyCounty = random.Pick(gansu.Counties);
        var badComparator = Row(dirtyCounty.Code, dirtyCounty.Name, 2022, "case_closure_rate", ">=", 95, "《2022年工作要点》", random);
        badComparator.Cells[5] = XlsxValue.Of("大于");
        var badValue = Row(dirtyCounty.Code, dirtyCounty.Name, 2022, "patent_applications_growth", ">=", 15, "《2022年工作要点》", random);
        badValue.Cells[6] = XlsxValue.Of("百分之十五");
        SourceRows.Scatter(rows,
        [
            new SourceRow<XlsxValue>(badComparator.Cells) { Dirty = new DirtyTag(Reasons.BadEnum, "comparator", "大于", "not >=, <= or >parent_avg") },
            new SourceRow<XlsxValue>(badValue.Cells) { Dirty = new DirtyTag(Reasons.BadNumber, "target_value", "百分之十五", "a percentage in words") },
        ], random);
        XlsxPackage.Write(context.PathOf(File), Layout, rows.Select(r => r.Cells).ToList());
        context.Record(Name, Kind, File, "xlsx", rows, XlsxPackage.RowOf);
    }

    private static IEnumerable<SourceRow<XlsxValue>> Standard(string code, string name, int year, double growth, double share, double closure, string document, DemoRandom random)
    {
        yield return Row(code, name, year, "patent_applications_growth", ">=", growth, document, random);
        yield return Row(code, name, year, "invention_share", ">=", share, document, random);
        yield return Row(code, name, year, "case_closure_rate", ">=", closure, document, random);
        yield return Row(code, name, year, "valid_invention_per_10k", ">parent_avg", null, document, random);
    }

    private static SourceRow<XlsxValue> Row(string code, string name, int year, string indicator, string comparator, double? value, string document, DemoRandom random)
    {
        // The same comparator as planners write it: >=, ≥ or 不低于; >parent_avg or 高于上级平均.
        var written = comparator == ">=" ? random.Pick([">=", ">=", ">=", "≥", "不低于"]) : random.Chance(0.6) ? comparator : "高于上级平均";
        return new SourceRow<XlsxValue>(
        [
            XlsxValue.Of(code), XlsxValue.Of(name), XlsxValue.Of(year), XlsxValue.Of(indicator), XlsxValue.Of(IndicatorNames[indicator]),
            XlsxValue.Of(written), value is { } v ? XlsxValue.Of(v) : XlsxValue.Empty, XlsxValue.Of(document),
        ]);
    }
}
