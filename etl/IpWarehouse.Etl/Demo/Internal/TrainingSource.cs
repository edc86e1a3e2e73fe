using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 培训: training and publicity events as CSV, bunched around the 4·26 IP publicity week.
internal sealed class TrainingSource(DemoContext context)
{
    public const string Name = "training";
    public const string Kind = "training";
    public const string File = "drops/training.csv";
    public const double AtScaleOne = 600;

    public static readonly string[] Header = ["活动编号", "日期", "行政区划代码", "人次", "主题", "主办单位", "形式"];

    private static readonly string[] Topics =
    [
        "4·26知识产权宣传周专题培训", "专利申请实务培训", "商标品牌战略培训", "地理标志运用促进培训", "知识产权强县建设专题培训",
        "“铁拳”行动执法业务培训", "知识产权质押融资政策宣讲", "企业知识产权合规管理（贯标）培训", "电商平台知识产权保护培训",
        "专利导航与高价值专利培育培训",
    ];

    private sealed record Event(DateOnly Date, string Code, string Organizer, int PersonTimes, string Topic, bool Online)
    {
        public string Id { get; set; } = "";
    }

    public void Write()
    {
        var random = context.Stream(DemoStream.Training);
        var counties = new WeightedTable<GansuCounty>(context.Gansu.Counties.Select(c => (c, 0.5 + c.CaseWeight)));
        var events = new List<Event>();
        for (var i = 0; i < context.Count(AtScaleOne, 30); i++)
        {
            var year = random.Between(DemoYears.First, DemoYears.Last);
            var date = random.Chance(0.3) ? new DateOnly(year, 4, random.Between(20, 30)) : new DateOnly(year, 1, 1).AddDays(random.Next(365));
            var county = counties.Draw(random);
            var online = random.Chance(0.15);
            var (code, organizer, size) = random.Weighted([0.70, 0.25, 0.05]) switch
            {
                0 => (county.Code, county.Name + "市场监督管理局", random.Between(20, 200)),
                1 => (county.City.Code, county.City.Name + "市场监督管理局", random.Between(50, 400)),
                _ => (Gansu.ProvinceCode, "甘肃省知识产权局", random.Between(150, 800)),
            };
            events.Add(new Event(date, code, organizer, online ? size * random.Between(3, 8) : size, random.Pick(Topics), online));
        }
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events.OrderBy(e => e.Date))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"PX{e.Code}-{e.Date.Year}-");
            counters[key] = counters.GetValueOrDefault(key) + 1;
            e.Id = string.Create(CultureInfo.InvariantCulture, $"{key}{counters[key]:D3}");
        }
        var rows = events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => new SourceRow<string?>(Cells(e))).ToList();
        SourceRows.Scatter(rows, DirtyRows(random), random);
        CsvFile.Write(context.PathOf(File), Header, rows.Select(r => r.Cells), CsvFile.Utf8, byteOrderMark: false);
        context.Record(Name, Kind, File, "csv (UTF-8)", rows, CsvFile.LineOf);
    }

    private static string?[] Cells(Event e) =>
    [
        e.Id, e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Code,
        e.PersonTimes.ToString(CultureInfo.InvariantCulture), e.Topic, e.Organizer, e.Online ? "线上" : "线下",
    ];

    private IEnumerable<SourceRow<string?>> DirtyRows(DemoRandom random)
    {
        var county = random.Pick(context.Gansu.Counties);
        SourceRow<string?> Make(string id, string date, string code, string count, DirtyTag tag) =>
            new([id, date, code, count, random.Pick(Topics), county.Name + "市场监督管理局", "线下"]) { Dirty = tag };
        var prefix = "PX" + county.Code + "-";
        yield return Make(prefix + "2022-901", "2022-06-18", county.Code, "十二", new DirtyTag(Reasons.BadNumber, "person_times", "十二", "a count in Chinese numerals"));
        yield return Make(prefix + "2023-902", "2023-04-31", county.Code, "80", new DirtyTag(Reasons.BadDate, "event_date", "2023-04-31", "31 April"));
        yield return Make("", "2021-04-26", county.Code, "120", new DirtyTag(Reasons.MissingRequired, "event_id", null, "活动编号 left empty"));
        yield return Make(prefix + "2020-903", "2020-09-10", Reasons.UnknownRegionCode, "60", new DirtyTag(Reasons.UnknownRegion, "region_code", Reasons.UnknownRegionCode, "629999 is not a division"));
    }
}
