using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 知识产权质押登记: the province's pledge register as CSV: firms that file patents pledge them (or their
/// marks) to banks, amounts often written in 万元.
internal sealed class PledgeSource(DemoContext context)
{
    public const string Name = "pledges";
    public const string Kind = "pledges";
    public const string File = "drops/pledges.csv";
    public const double AtScaleOne = 300;

    public static readonly string[] Header = ["质押登记号", "登记日", "出质人", "统一社会信用代码", "质权人", "质押金额", "类型", "专利号/商标号", "行政区划代码", "注销日"];

    private static readonly string[] Banks =
    [
        "甘肃银行股份有限公司", "兰州银行股份有限公司", "中国工商银行股份有限公司甘肃省分行", "中国农业银行股份有限公司甘肃省分行",
        "中国建设银行股份有限公司甘肃省分行", "甘肃省农村信用社联合社",
    ];

    public void Write()
    {
        var random = context.Stream(DemoStream.Pledges);
        var granted = context.Patents.Where(p => p.GrantDate is not null && p.Applicant.Kind == PartyKind.Enterprise).ToList();
        var rows = new List<SourceRow<string?>>();
        for (var i = 0; i < context.Count(AtScaleOne, 20) && granted.Count > 0; i++)
        {
            var patent = granted[random.Next(granted.Count)];
            var from = patent.GrantDate!.Value.AddDays(30);
            var start = from < new DateOnly(DemoYears.First, 1, 1) ? new DateOnly(DemoYears.First, 1, 1) : from;
            var end = context.LastDay < context.Today ? context.LastDay : context.Today;
            if (start > end)
            {
                continue;
            }
            var registered = random.Day(start, end);
            var amount = Math.Round(random.LogNormal(300, 0.9)); // 万元
            var cancelled = random.Chance(0.2) ? registered.AddDays(random.Between(180, 1000)) : (DateOnly?)null;
            var type = random.Weighted([0.8, 0.1, 0.1]);
            rows.Add(new SourceRow<string?>(
            [
                string.Create(CultureInfo.InvariantCulture, $"Y{registered.Year}620{i + 1:D5}"),
                registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                patent.Applicant.Name,
                patent.Applicant.CreditCode,
                random.Pick(Banks),
                random.Chance(0.6) ? string.Create(CultureInfo.InvariantCulture, $"{amount}万元") : (amount * 10000).ToString("#,0", CultureInfo.InvariantCulture),
                type switch { 0 => "专利", 1 => "商标", _ => "混合" },
                type == 1 ? null : "ZL" + patent.Number,
                patent.County.Code,
                cancelled is { } c && c <= context.Today ? c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ]));
        }
        rows = [.. rows.OrderBy(r => r.Cells[1], StringComparer.Ordinal).ThenBy(r => r.Cells[0], StringComparer.Ordinal)];
        SourceRows.Scatter(rows, DirtyRows(random), random);
        CsvFile.Write(context.PathOf(File), Header, rows.Select(r => r.Cells), CsvFile.Utf8, byteOrderMark: true);
        context.Record(Name, Kind, File, "csv (UTF-8 BOM)", rows, CsvFile.LineOf);
    }

    private IEnumerable<SourceRow<string?>> DirtyRows(DemoRandom random)
    {
        var county = random.Pick(context.Gansu.Counties);
        var firm = context.Parties.Enterprise(county, random);
        SourceRow<string?> Make(string no, string date, string amount, string type, string? cancelled, DirtyTag tag) =>
            new([no, date, firm.Name, firm.CreditCode, random.Pick(Banks), amount, type, null, county.Code, cancelled]) { Dirty = tag };
        yield return Make("Y2023620DIRTY1", "2023-05-10", "五百万", "专利", null, new DirtyTag(Reasons.BadNumber, "amount", "五百万", "an amount in Chinese numerals"));
        yield return Make("Y2022620DIRTY2", "2022-08-01", "200万元", "版权", null, new DirtyTag(Reasons.BadEnum, "ip_type", "版权", "copyright is not a pledge type of the register"));
        yield return Make("Y2024620DIRTY3", "2024-03-15", "80万元", "专利", "2023-12-31", new DirtyTag(Reasons.DateOrder, "cancelled_date", "2023-12-31", "cancelled before it was registered"));
    }
}
