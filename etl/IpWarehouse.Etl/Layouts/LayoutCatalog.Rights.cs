namespace IpWarehouse.Etl.Layouts;

/// Pledges, copyrights and GI products.
public static partial class LayoutCatalog
{
    private static Layout Pledges() => new(SourceKind.Pledges, "知识产权质押登记", ["pledge_no"],
    [
        Required("pledge_no", ColumnType.Text, "登记号", "质押登记号"),
        Required("registration_date", ColumnType.Date, "登记日"),
        Required("pledgor_name", ColumnType.Text, "出质人") with { FreeText = true },
        // GB 32100-2015 check character.
        Optional("credit_code", ColumnType.Text, "统一社会信用代码"),
        Optional("pledgee_name", ColumnType.Text, "质权人", "银行") with { FreeText = true },
        // Yuan; 1.5万 / 1.5万元 mean 15000, as for subsidies.
        Required("amount", ColumnType.Amount, "质押金额", "融资金额"),
        Required("ip_type", ColumnType.Enum, "类型").WithValues("patent:专利", "trademark:商标", "mixed:混合"),
        // Patent or trademark numbers pledged, separated by ;.
        Optional("ip_numbers", ColumnType.Text, "专利号/商标号", "专利号", "商标号"),
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        Optional("cancelled_date", ColumnType.Date, "注销日"),
    ]);

    private static Layout Copyrights() => new(SourceKind.Copyrights, "作品著作权登记", ["registration_no"],
    [
        Required("registration_no", ColumnType.Text, "登记号"),
        Required("registration_date", ColumnType.Date, "登记日期"),
        Optional("work_type", ColumnType.Text, "作品类别"),
        Optional("title", ColumnType.Text, "作品名称") with { FreeText = true },
        Required("owner_name", ColumnType.Text, "著作权人") with { FreeText = true },
        Optional("credit_code", ColumnType.Text, "统一社会信用代码"),
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
    ]);

    private static Layout GiProducts() => new(SourceKind.GiProducts, "地理标志保护产品", ["product_name"],
    [
        Required("product_name", ColumnType.Text, "产品名称"),
        Required("approval_date", ColumnType.Date, "批准日期", "公告日"),
        Optional("announcement_no", ColumnType.Text, "公告号"),
        Optional("applicant", ColumnType.Text, "申请人", "保护机构", "申请人/保护机构") with { FreeText = true },
        // The protected area's main county or city.
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        Optional("revoked_date", ColumnType.Date, "撤销日"),
    ]);
}
