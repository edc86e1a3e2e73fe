using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 资助与补助: the finance bureau's payment ledger as a UTF-8 CSV with a BOM (so Excel opens it), amounts
/// as clerks type them (3000.00, 3,000.00, 1.5万) and dates in three styles. Its 关联编号 column is not a
/// SOURCES.md alias, so ipwh.json maps it to related_no.
internal sealed partial class SubsidySource(DemoContext context)
{
    public const string Name = "finance";
    public const string Kind = "subsidies";
    public const string File = "drops/subsidies.csv";
    public const string RelatedColumn = "关联编号";
    public const double AtScaleOne = 5_000;

    public static readonly string[] Header =
        ["凭证号", "项目", "受助人", "受助人类型", "证件号码", "计算基数", "补助金额", "支付日期", "资金层级", "行政区划代码", RelatedColumn, "涉外或重大", "摘要"];

    public void Write()
    {
        var random = context.Stream(DemoStream.Subsidies);
        var payments = Draw(random, context.Count(AtScaleOne, 120));
        payments.AddRange(Violations(random));
        var dirty = DirtyPayments(random).ToList();
        Number(payments.Concat(dirty));
        var rows = payments.OrderBy(p => p.Date).ThenBy(p => p.PaymentNo, StringComparer.Ordinal)
            .Select(p => new SourceRow<string?>(Cells(p, random))
            {
                Violation = p.Rule is null ? null : new ViolationTag(p.Rule, p.PaymentNo, p.Date.Year, p.RegionCode),
            })
            .ToList();
        SourceRows.Scatter(rows, dirty.Select(p =>
        {
            var cells = Cells(p, random);
            return new SourceRow<string?>(cells) { Dirty = p.Spoil!(cells) };
        }), random);
        CsvFile.Write(context.PathOf(File), Header, rows.Select(r => r.Cells), CsvFile.Utf8, byteOrderMark: true);
        context.Record(Name, Kind, File, "csv (UTF-8)", rows, CsvFile.LineOf);
    }

    /// Voucher numbers count per paying government and year: 2023-620102-0045.
    private static void Number(IEnumerable<Payment> payments)
    {
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in payments.OrderBy(p => p.Date))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{p.Date.Year}-{p.RegionCode}-");
            counters[key] = counters.GetValueOrDefault(key) + 1;
            p.PaymentNo = string.Create(CultureInfo.InvariantCulture, $"{key}{counters[key]:D4}");
        }
    }

    private string?[] Cells(Payment p, DemoRandom random) =>
    [
        p.PaymentNo,
        Payment.ProgramLabel(p.Program),
        p.Recipient.Name,
        p.Recipient.IsLegalEntity ? random.Pick(["法人", "法人", "单位"]) : random.Pick(["自然人", "自然人", "个人"]),
        // A payment for a patent or case always names the firm's code: the rule against paying one grant twice
        // across levels matches the recipient by it (a firm with and without its code are two parties).
        p.Recipient.IsLegalEntity ? (random.Chance(0.9) || p.Related is not null ? p.Recipient.CreditCode : null) : p.Recipient.IdNumber,
        p.Base is { } b ? Amount(b, random) : null,
        Amount(p.Paid, random),
        PaidDate(p.Date, random),
        LevelLabel(p, random),
        p.RegionCode,
        p.Related,
        p.Major is { } major ? (major ? "是" : "否") : null,
        p.Memo,
    ];

    /// 3000.00, 3,000.00, 0.3万 / 1.5万元, 3000 — one ledger, several clerks.
    private static string Amount(decimal value, DemoRandom random)
    {
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            return value.ToString("0.00", CultureInfo.InvariantCulture);
        }
        if (roll < 0.70 && value >= 1000)
        {
            return value.ToString("#,##0.00", CultureInfo.InvariantCulture);
        }
        if (roll < 0.88 && value >= 1000 && value % 100 == 0)
        {
            return (value / 10000m).ToString("0.####", CultureInfo.InvariantCulture) + (roll < 0.8 ? "万" : "万元");
        }
        return value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string PaidDate(DateOnly date, DemoRandom random) => random.Weighted([0.55, 0.25, 0.20]) switch
    {
        0 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        1 => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
    };

    private string LevelLabel(Payment p, DemoRandom random) => p.Level switch
    {
        "county" => context.Gansu.County(p.RegionCode).Name.EndsWith('区') && random.Chance(0.5) ? "区级" : "县级",
        "city" => "市级",
        "province" => "省级",
        _ => "国家级",
    };
}
