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
        "甘肃省知识产权工作主要目标任务分解表（2022—2024年及“十四五”规划目标）",
        "目标值为百分比或件（人次、家）；比较为“>parent_avg”者表示高于上级平均水平；期间为 2021-2025 者为“十四五”规划期目标（年份为规划期末年）。",
        ["行政区划代码", "地区", "年份", "指标", "指标名称", "比较", "目标值", "依据", "期间"],
        [14, 30, 8, 30, 26, 14, 10, 48, 12]);

    private static readonly Dictionary<string, string> IndicatorNames = new(StringComparer.Ordinal)
    {
        ["patent_applications_growth"] = "专利申请量增长率",
        ["invention_share"] = "发明专利申请占比",
        ["case_closure_rate"] = "结案率",
        ["valid_invention_per_10k"] = "每万人口发明专利拥有量",
        ["training_person_times"] = "知识产权培训人次",
        ["ip_enterprises"] = "知识产权优势示范企业数",
        ["patent_applications"] = "专利申请量",
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
        rows.AddRange(PlanRows());
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

    /// 十四五 (2021-2025) targets, set so that tracking in 2024 shows each status: the province's filings a little
    /// behind the path (at_risk), 兰州 ahead of it, 天水 far behind, 平凉 just short; 每万人口发明专利拥有量 on a path
    /// from its 2020 value; 结案率 95 % at the end. Totals are scaled to the filings this demo wrote for 2021-2024.
    private IEnumerable<SourceRow<XlsxValue>> PlanRows()
    {
        var gansu = context.Gansu;
        const string Plan = "《甘肃省“十四五”知识产权保护和运用规划》";
        int Total(Func<GansuCounty, bool> inRegion, double factor) =>
            (int)Math.Round(PatentSource.Filings(context.Patents, inRegion, 2021, 2024) * 5 / 4.0 * factor);
        yield return PlanRow(gansu.Province.Code, gansu.Province.Name, "patent_applications", ">=", Total(_ => true, 1.03), Plan, "2021-2025");
        yield return PlanRow(gansu.Province.Code, gansu.Province.Name, "valid_invention_per_10k", ">=", Math.Round(InventionsPer10k(0.9), 2), Plan, "十四五");
        yield return PlanRow(gansu.Province.Code, gansu.Province.Name, "case_closure_rate", ">=", 95, Plan, "2021-2025");
        foreach (var (code, factor) in new[] { ("620100", 0.9), ("620500", 1.25), ("620800", 1.05) })
        {
            var city = gansu.City(code);
            yield return PlanRow(city.Code, city.Name, "patent_applications", ">=", Total(c => c.City == city, factor),
                $"《{city.Name}“十四五”知识产权发展规划》", "2021-2025");
        }
    }

    /// The province's valid inventions per 10 000 residents at the end of 2025 that a path through `share` of
    /// the 2020-2024 rise reaches: 2020 value + (2024 value − 2020 value) × 5 / 4 × share.
    private double InventionsPer10k(double share)
    {
        double ValueAt(int year)
        {
            var end = new DateOnly(year, 12, 31);
            var valid = context.Patents.Count(p => p.Type == PatentTypes.Invention && p.GrantDate <= end && (p.LapseDate is null || p.LapseDate > end));
            return valid * 10_000.0 / context.Gansu.Resident(Gansu.ProvinceCode, year);
        }
        var start = ValueAt(2020);
        return start + (ValueAt(2024) - start) * 5 / 4 * share;
    }

    private static SourceRow<XlsxValue> PlanRow(string code, string name, string indicator, string comparator, double value, string document, string period) => new(
    [
        XlsxValue.Of(code), XlsxValue.Of(name), XlsxValue.Of(2025), XlsxValue.Of(indicator), XlsxValue.Of(IndicatorNames[indicator]),
        XlsxValue.Of(comparator), XlsxValue.Of(value), XlsxValue.Of(document), XlsxValue.Of(period),
    ]);

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
            XlsxValue.Of(written), value is { } v ? XlsxValue.Of(v) : XlsxValue.Empty, XlsxValue.Of(document), XlsxValue.Empty,
        ]);
    }
}
