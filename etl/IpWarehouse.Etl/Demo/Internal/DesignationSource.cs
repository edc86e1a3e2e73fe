using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 企业认定: lists of 知识产权优势企业 / 示范企业 / 试点企业 at national, provincial and city level, as CSV. A
/// designation holds for three years and each year's list repeats the ones still valid. The most active
/// patent filers are the ones designated, as in practice.
internal sealed class DesignationSource(DemoContext context)
{
    public const string Name = "designations";
    public const string Kind = "designations";
    public const string File = "drops/designations.csv";

    public static readonly string[] Header = ["统一社会信用代码", "企业名称", "认定类型", "级别", "年份", "行政区划代码", "认定文件"];

    private static readonly (string Level, string Label, double PerYear, int Minimum, double Pool, string[] Types)[] Levels =
    [
        ("national", "国家级", 4, 1, 0.05, ["优势企业", "优势企业", "示范企业"]),
        ("province", "省级", 15, 2, 0.2, ["优势企业", "优势企业", "示范企业", "试点企业"]),
        ("city", "市级", 30, 3, 0.5, ["优势企业", "试点企业"]),
    ];

    public void Write()
    {
        var random = context.Stream(DemoStream.Designations);
        // Firms ranked by patents filed: designations go to the active ones.
        var ranked = context.Patents.Where(p => p.Applicant.Kind == PartyKind.Enterprise)
            .GroupBy(p => p.Applicant).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var rows = new List<SourceRow<string?>>();
        var held = new HashSet<(Party, string)>();
        foreach (var year in DemoYears.All)
        {
            foreach (var (level, label, perYear, minimum, pool, types) in Levels)
            {
                var candidates = ranked.Take(Math.Max(5, (int)(ranked.Count * pool))).ToList();
                for (var n = 0; n < context.Count(perYear, minimum) && candidates.Count > 0; n++)
                {
                    var firm = candidates[random.Skewed(candidates.Count, 0.5)];
                    if (!held.Add((firm, level + year.ToString(CultureInfo.InvariantCulture))))
                    {
                        continue;
                    }
                    var type = random.Pick(types);
                    var document = Document(level, firm, year, random);
                    for (var listed = year; listed <= Math.Min(year + 2, DemoYears.Last); listed++)
                    {
                        held.Add((firm, level + listed.ToString(CultureInfo.InvariantCulture)));
                        rows.Add(new SourceRow<string?>(Cells(firm, type, label, listed, document, random)));
                    }
                }
            }
        }
        rows = rows.OrderBy(r => r.Cells[4], StringComparer.Ordinal).ToList();
        var someone = context.Parties.Enterprise(random.Pick(context.Gansu.Counties), random);
        var other = context.Parties.Enterprise(random.Pick(context.Gansu.Counties), random);
        var third = context.Parties.Enterprise(random.Pick(context.Gansu.Counties), random);
        var badLevel = Cells(someone, "优势企业", "县级", 2022, "县市监发〔2022〕3号", random);
        var badCode = Cells(other, "试点企业", "市级", 2021, Document("city", other, 2021, random), random);
        badCode[0] = IdentityCodes.BreakCheck(other.CreditCode!, IdentityCodes.UsccCharset, random);
        var badYear = Cells(third, "优势企业", "省级", 2023, Document("province", third, 2023, random), random);
        badYear[4] = "二〇二三";
        SourceRows.Scatter(rows,
        [
            new SourceRow<string?>(badLevel) { Dirty = new DirtyTag(Reasons.BadEnum, "level", "县级", "counties do not designate") },
            new SourceRow<string?>(badCode) { Dirty = new DirtyTag(Reasons.BadCheckDigit, "credit_code", badCode[0], "wrong GB 32100-2015 check character") },
            new SourceRow<string?>(badYear) { Dirty = new DirtyTag(Reasons.BadNumber, "year", "二〇二三", "a year in Chinese numerals") },
        ], random);
        CsvFile.Write(context.PathOf(File), Header, rows.Select(r => r.Cells), CsvFile.Utf8, byteOrderMark: false);
        context.Record(Name, Kind, File, "csv (UTF-8)", rows, CsvFile.LineOf);
    }

    private static string?[] Cells(Party firm, string type, string level, int year, string document, DemoRandom random) =>
    [
        random.Chance(0.9) ? firm.CreditCode : null, firm.Name, type, level,
        year.ToString(CultureInfo.InvariantCulture), firm.County.Code, document,
    ];

    private static string Document(string level, Party firm, int year, DemoRandom random) => level switch
    {
        "national" => string.Create(CultureInfo.InvariantCulture, $"国知办函运字〔{year}〕{random.Between(100, 900)}号"),
        "province" => string.Create(CultureInfo.InvariantCulture, $"甘知发〔{year}〕{random.Between(1, 60)}号"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{firm.County.City.NamePrefix}市监发〔{year}〕{random.Between(1, 120)}号"),
    };
}
