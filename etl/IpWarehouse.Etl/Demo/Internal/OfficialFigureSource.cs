using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 官方公布数: figures transcribed from statistical bulletins and the provincial IP yearbook, as CSV. Most agree
/// with what the load computes from the demo's own patents (every valid patent counts where its applicant's county
/// lies); two disagree for reasons `ipwh reconcile` finds in the warehouse:
/// - 临夏州 2024 counts the four filings the load quarantines for a wrong check character (PatentSource);
/// - 平凉市 2024 leaves out the three filings of 华亭市 exported under 华亭县's retired code 620824, which the
///   city's own system still keeps apart.
internal sealed class OfficialFigureSource(DemoContext context)
{
    public const string Name = "official-figures";
    public const string Kind = "official_figures";
    public const string File = "drops/official_figures.csv";

    public static readonly string[] Header = ["行政区划代码", "地区", "指标", "年份", "期间", "数值", "来源文件", "发布日期"];

    public void Write()
    {
        var random = context.Stream(DemoStream.OfficialFigures);
        var gansu = context.Gansu;
        var last = DemoYears.Last;
        var patents = context.Patents;
        int Filings(Func<GansuCounty, bool> inRegion, int from, int to) => PatentSource.Filings(patents, inRegion, from, to);
        var yearbook = $"《甘肃省知识产权统计年报（{last}）》";
        var rows = new List<SourceRow<string?>>
        {
            Row(gansu.Province.Code, gansu.Province.Name, "patent_applications", last - 1, null, Filings(_ => true, last - 1, last - 1),
                $"《{last - 1}年甘肃省知识产权发展状况白皮书》", new DateOnly(last, 4, 26)),
            Row(gansu.Province.Code, gansu.Province.Name, "专利申请量", last, null, Filings(_ => true, last, last), yearbook, new DateOnly(last + 1, 2, 20)),
            // a range: 2021-2024, as the mid-term review of the 十四五 plan reports it
            Row(gansu.Province.Code, gansu.Province.Name, "patent_applications", last, $"{last - 3}-{last}", Filings(_ => true, last - 3, last),
                "《甘肃省“十四五”知识产权规划中期评估报告》", new DateOnly(last + 1, 1, 10)),
        };
        foreach (var city in gansu.Cities)
        {
            var value = Filings(c => c.City == city, last, last);
            if (city.Code == PatentSource.LinxiaCity)
            {
                value += context.QuarantinedPatents.Count(p => p.County.City == city && p.ApplicationDate.Year == last);
            }
            if (city.Code == PatentSource.Pingliang)
            {
                value -= context.RetiredCodePatents.Count(p => p.County.City == city && p.ApplicationDate.Year == last);
            }
            var document = city.IsAutonomous ? $"《{city.NamePrefix}{last}年国民经济和社会发展统计公报》" : $"《{city.Name}{last}年国民经济和社会发展统计公报》";
            rows.Add(Row(city.Code, city.Name, random.Chance(0.5) ? "专利申请量" : "patent_applications", last, null, value, document,
                new DateOnly(last + 1, 3, random.Between(1, 28))));
        }
        var dirtyCounty = random.Pick(gansu.Counties);
        SourceRows.Scatter(rows,
        [
            new SourceRow<string?>([dirtyCounty.Code, dirtyCounty.Name, "专利授权率", Year(last), null, "63.5%", $"《{dirtyCounty.Name}统计公报》", null])
            {
                Dirty = new DirtyTag(Reasons.BadEnum, "indicator", "专利授权率", "not an indicator of the catalogue"),
            },
            new SourceRow<string?>([dirtyCounty.Code, dirtyCounty.Name, "专利申请量", Year(last), "2025-2021", "120", $"《{dirtyCounty.Name}统计公报》", null])
            {
                Dirty = new DirtyTag(Reasons.BadNumber, "period", "2025-2021", "a period that runs backwards"),
            },
        ], random);
        CsvFile.Write(context.PathOf(File), Header, rows.Select(r => r.Cells), CsvFile.Utf8, byteOrderMark: true);
        context.Record(Name, Kind, File, "csv (UTF-8)", rows, CsvFile.LineOf);
    }

    private static SourceRow<string?> Row(string code, string name, string indicator, int year, string? period, int value, string document, DateOnly published) =>
        new([code, name, indicator, Year(year), period, value.ToString("#,0", CultureInfo.InvariantCulture), document,
            published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
