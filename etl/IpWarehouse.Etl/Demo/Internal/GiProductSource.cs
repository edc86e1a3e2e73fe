using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 地理标志保护产品: the products protected by announcement (公告), as an XLSX list kept by the province:
/// a few of the province's GI specialities, one of them revoked.
internal sealed class GiProductSource(DemoContext context)
{
    public const string Name = "gi-products";
    public const string Kind = "gi_products";
    public const string File = "drops/gi_products.xlsx";
    public const string Sheet = "保护产品";

    private static readonly XlsxSheet Layout = new(
        Sheet,
        "甘肃省地理标志保护产品名录",
        null,
        ["产品名称", "批准日期", "公告号", "保护机构", "行政区划代码", "撤销日"],
        [16, 12, 18, 30, 14, 12]);

    public void Write()
    {
        var random = context.Stream(DemoStream.GiProducts);
        var rows = new List<SourceRow<XlsxValue>>();
        var number = 0;
        foreach (var (county, product, _) in Institutions.GeographicalIndications.Where((_, i) => i % 2 == 0))
        {
            var approved = random.Day(new DateOnly(2008, 1, 1), new DateOnly(DemoYears.Last, 12, 31));
            number++;
            rows.Add(new SourceRow<XlsxValue>(
            [
                XlsxValue.Of(product),
                XlsxValue.Of(approved),
                XlsxValue.Of(string.Create(CultureInfo.InvariantCulture, $"{approved.Year}年第{number}号")),
                XlsxValue.Of(product[..2] + "地理标志产品保护申请领导小组"),
                XlsxValue.Of(county),
                // one product's protection revoked in the last demo year
                XlsxValue.Of(number == 3 ? new DateOnly(DemoYears.Last, 6, 30) : null),
            ]));
        }
        rows.Add(new SourceRow<XlsxValue>([XlsxValue.Of("陇南油橄榄"), XlsxValue.Of("2021年2月30日"), XlsxValue.Empty, XlsxValue.Empty, XlsxValue.Of("621200"), XlsxValue.Empty])
        {
            Dirty = new DirtyTag(Reasons.BadDate, "approval_date", "2021年2月30日", "30 February"),
        });
        rows.Add(new SourceRow<XlsxValue>([XlsxValue.Empty, XlsxValue.Of(new DateOnly(2020, 5, 8)), XlsxValue.Empty, XlsxValue.Empty, XlsxValue.Of("620800"), XlsxValue.Empty])
        {
            Dirty = new DirtyTag(Reasons.MissingRequired, "product_name", null, "产品名称 left empty"),
        });
        XlsxPackage.Write(context.PathOf(File), Layout, rows.Select(r => r.Cells).ToList());
        context.Record(Name, Kind, File, "xlsx", rows, XlsxPackage.RowOf);
    }
}
