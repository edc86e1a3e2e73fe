namespace IpWarehouse.Etl.Layouts;

/// Enforcement cases and subsidy payments.
public static partial class LayoutCatalog
{
    private static Layout Cases() => new(SourceKind.Cases, "执法案件", ["case_no"],
    [
        Required("case_no", ColumnType.Text, "案件编号", "案号"),
        Required("case_type", ColumnType.Enum, "案件类型").WithValues(
            "trademark_infringement:商标侵权", "gi:地理标志", "patent_counterfeiting:假冒专利",
            "patent_dispute:专利侵权纠纷", "agency:代理", "copyright:版权", "other:其他"),
        // Free text: 铁拳, 蓝天, 昆仑 …
        Optional("campaign", ColumnType.Text, "专项行动") with { FreeText = true },
        Required("filed_date", ColumnType.Date, "立案日期"),
        Optional("closed_date", ColumnType.Date, "结案日期"),
        // Transfer to public security / judicial organs.
        Optional("transferred_date", ColumnType.Date, "移送日期"),
        // Days not counted against the statutory limit; empty means 0.
        Optional("suspended_days", ColumnType.Integer, "中止天数") with { DefaultWhenEmpty = "0" },
        Optional("is_online", ColumnType.Boolean, "电商", "网络"),
        Required("region_code", ColumnType.RegionCode, "行政区划代码", "办案单位区划"),
        Optional("involved_amount", ColumnType.Amount, "涉案金额"),
        Optional("fine_amount", ColumnType.Amount, "罚没款金额"),
        Optional("department", ColumnType.Text, "办案单位") with { FreeText = true },
    ]);

    private static Layout Subsidies() => new(SourceKind.Subsidies, "资助与补助", ["payment_no"],
    [
        Required("payment_no", ColumnType.Text, "支付编号", "凭证号"),
        Required("program", ColumnType.Enum, "项目").WithValues(
            "patent_grant:专利授权资助", "patent_application:专利申请资助", "annual_fee:年费资助",
            "rights_protection:维权补助", "pledge_interest:质押贴息", "other"),
        Required("recipient_name", ColumnType.Text, "受助人", "单位名称") with { FreeText = true },
        Required("recipient_type", ColumnType.Enum, "受助人类型").WithValues("natural_person:自然人", "legal_entity:法人"),
        // ID numbers checked (ISO 7064 MOD 11-2), hashed and masked on load.
        Optional("recipient_id", ColumnType.Text, "证件号码", "统一社会信用代码") with { Sensitive = true },
        // The amount the rate applies to (e.g. the agency fee).
        Optional("base_amount", ColumnType.Amount, "计算基数", "代理费"),
        Required("paid_amount", ColumnType.Amount, "金额", "补助金额"),
        Required("paid_date", ColumnType.Date, "支付日期"),
        Required("gov_level", ColumnType.Enum, "资金层级")
            .WithValues("county:县级", "city:市级", "province:省级", "national:国家级"),
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        // The case or patent the payment is for.
        Optional("related_no", ColumnType.Text, "关联案号", "专利号"),
        Optional("is_foreign_or_major", ColumnType.Boolean, "涉外或重大"),
    ]);
}
