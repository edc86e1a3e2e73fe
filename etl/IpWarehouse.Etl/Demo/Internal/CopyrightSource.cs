using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 作品著作权登记: the provincial copyright office's register of works as CSV, growing a little every year.
internal sealed class CopyrightSource(DemoContext context)
{
    public const string Name = "copyrights";
    public const string Kind = "copyrights";
    public const string File = "drops/copyrights.csv";
    public const double AtScaleOne = 1_500;

    public static readonly string[] Header = ["登记号", "登记日期", "作品类别", "作品名称", "著作权人", "统一社会信用代码", "行政区划代码"];

    private static readonly string[] WorkTypes = ["美术", "文字", "摄影", "视听", "图形", "音乐", "模型"];

    private static readonly string[] Subjects = ["敦煌飞天", "黄河之滨", "陇原春色", "丝路驼铃", "祁连雪山", "麦积烟雨", "崆峒晨钟", "花牛苹果", "牛肉面", "彩陶纹样"];

    private static readonly string[] Forms = ["插画", "系列摄影", "文创图案", "宣传片", "绘本", "标志设计", "民歌改编"];

    public void Write()
    {
        var random = context.Stream(DemoStream.Copyrights);
        var counties = context.Gansu.Counties;
        var rows = new List<SourceRow<string?>>();
        var count = context.Count(AtScaleOne, 40);
        for (var i = 0; i < count; i++)
        {
            // more each year: weights 1.0, 1.1, … by year
            var year = DemoYears.First + random.Weighted([.. DemoYears.All.Select(y => 1 + 0.1 * (y - DemoYears.First))]);
            var date = random.Day(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var county = random.Pick(counties);
            var owner = random.Chance(0.6) ? context.Parties.Enterprise(county, random) : context.Parties.Person(county, random);
            var type = random.Pick(WorkTypes);
            rows.Add(new SourceRow<string?>(
            [
                string.Create(CultureInfo.InvariantCulture, $"甘作登字-{year}-{TypeLetter(type)}-{i + 1:D8}"),
                date.ToString(random.Chance(0.9) ? "yyyy-MM-dd" : "yyyy年M月d日", CultureInfo.InvariantCulture),
                type,
                random.Pick(Subjects) + random.Pick(Forms),
                owner.Name,
                owner.Kind == PartyKind.Individual ? null : owner.CreditCode,
                county.Code,
            ]));
        }
        SourceRows.Scatter(rows, DirtyRows(random), random);
        CsvFile.Write(context.PathOf(File), Header, rows.Select(r => r.Cells), CsvFile.Utf8, byteOrderMark: false);
        context.Record(Name, Kind, File, "csv (UTF-8)", rows, CsvFile.LineOf);
    }

    private static string TypeLetter(string type) => type switch
    {
        "文字" => "A", "音乐" => "B", "美术" => "F", "摄影" => "G", "视听" => "I", "图形" => "J", _ => "K",
    };

    private IEnumerable<SourceRow<string?>> DirtyRows(DemoRandom random)
    {
        var county = random.Pick(context.Gansu.Counties);
        var owner = context.Parties.Enterprise(county, random);
        SourceRow<string?> Make(string no, string date, string? name, string code, DirtyTag tag) =>
            new([no, date, "美术", "陇原春色插画", name, null, code]) { Dirty = tag };
        yield return Make("甘作登字-2023-F-DIRTY001", "2023-13-01", owner.Name, county.Code, new DirtyTag(Reasons.BadDate, "registration_date", "2023-13-01", "month 13"));
        yield return Make("甘作登字-2022-F-DIRTY002", "2022-05-20", "", county.Code, new DirtyTag(Reasons.MissingRequired, "owner_name", null, "著作权人 left empty"));
        yield return Make("甘作登字-2021-F-DIRTY003", "2021-09-09", owner.Name, Reasons.UnknownRegionCode, new DirtyTag(Reasons.UnknownRegion, "region_code", Reasons.UnknownRegionCode, "629999 is not a division"));
    }
}
