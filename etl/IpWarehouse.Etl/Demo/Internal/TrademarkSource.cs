namespace IpWarehouse.Etl.Demo.Internal;

/// 商标: the trademark office's export as an XLSX workbook, sheet 商标, a title row above the header and
/// dates as real Excel dates (serial numbers with a date format).
internal sealed partial class TrademarkSource(DemoContext context)
{
    public const string Name = "tm-export";
    public const string Kind = "trademarks";
    public const string File = "drops/trademarks.xlsx";
    public const string Sheet = "商标";
    public const double AtScaleOne = 100_000;

    private static readonly XlsxSheet Layout = new(
        Sheet,
        $"甘肃省商标注册数据（{DemoYears.First}—{DemoYears.Last}年）",
        null,
        ["申请号", "商标名称", "商标类型", "地理标志", "国际分类", "申请日", "注册日", "专用权期限", "注销日", "申请人", "申请人地址", "行政区划代码", "统一社会信用代码", "驰名商标认定日"],
        [12, 16, 10, 9, 9, 12, 12, 12, 12, 36, 46, 14, 22, 14]);

    private const int ApplicationNoColumn = 0;
    private const int KindColumn = 2;
    private const int ClassColumn = 4;
    private const int ApplicationDateColumn = 5;
    private const int RegistrationDateColumn = 6;
    private const int ExpiryColumn = 7;
    private const int ApplicantColumn = 9;
    private const int AddressColumn = 10;
    private const int RegionColumn = 11;
    private const int CreditColumn = 12;

    private readonly HashSet<long> numbers = [];

    public void Write()
    {
        var random = context.Stream(DemoStream.Trademarks);
        var rows = Draw(random, context.Count(AtScaleOne, 1000));
        rows.AddRange(GeographicalIndications(random));
        rows.Sort((a, b) => a.Number.CompareTo(b.Number));
        var sourceRows = rows.Select(r => new SourceRow<XlsxValue>(r.Cells)).ToList();
        SourceRows.Scatter(sourceRows, DirtyRows(random), random);
        sourceRows = WellKnownAndMadrid(sourceRows, context.Stream(DemoStream.WellKnown));
        XlsxPackage.Write(context.PathOf(File), Layout, sourceRows.Select(r => r.Cells).ToList());
        context.Record(Name, Kind, File, "xlsx", sourceRows, XlsxPackage.RowOf);
    }

    /// A drawn trademark row and its application number (rows are listed in number order).
    private sealed record Drawn(long Number, XlsxValue[] Cells);

    /// From a stream of their own (the rows drawn before stay the same): a handful of registered marks
    /// recognised as well known (驰名商标) some years after registration, and about 1 % of the registered marks
    /// written as Madrid international registrations (G + seven digits). Dirty rows keep their cells.
    private List<SourceRow<XlsxValue>> WellKnownAndMadrid(List<SourceRow<XlsxValue>> rows, DemoRandom random)
    {
        var today = context.Today.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        var madrid = 0;
        return [.. rows.Select(r =>
        {
            var registered = r.Cells[RegistrationDateColumn];
            var wellKnown = XlsxValue.Empty;
            var cells = r.Cells;
            if (r.Dirty is null && registered.Kind == XlsxValueKind.Number && r.Cells[ApplicationNoColumn].Kind == XlsxValueKind.Text)
            {
                var recognised = registered.Number + random.Between(3 * 365, 8 * 365);
                if (random.Chance(0.002) && recognised <= today)
                {
                    wellKnown = registered with { Number = recognised };
                }
                if (random.Chance(0.01))
                {
                    cells = [.. cells];
                    cells[ApplicationNoColumn] = XlsxValue.Of(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"G{1_200_000 + madrid++ * 37 + random.Between(0, 36)}"));
                }
            }
            return new SourceRow<XlsxValue>([.. cells, wellKnown]) { Dirty = r.Dirty, Violation = r.Violation };
        })];
    }
}
