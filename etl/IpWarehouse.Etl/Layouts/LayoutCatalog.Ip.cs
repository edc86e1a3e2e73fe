namespace IpWarehouse.Etl.Layouts;

/// Patents and trademarks.
public static partial class LayoutCatalog
{
    private static Layout Patents() => new(SourceKind.Patents, "专利", ["application_no"],
    [
        // CN202310123456.7, 202310123456.7, ZL…, pre-2003 95115608.X; check character per ZC 0006-2003.
        Required("application_no", ColumnType.Text, "申请号"),
        // When empty, derived from the type digit (1/8 invention, 2/9 utility model, 3 design).
        Optional("patent_type", ColumnType.Enum, "专利类型")
            .WithValues("invention:发明", "utility_model:实用新型", "design:外观设计"),
        Required("application_date", ColumnType.Date, "申请日"),
        Optional("grant_date", ColumnType.Date, "授权日", "授权公告日"),
        Optional("lapse_date", ColumnType.Date, "失效日"),
        // Several applicants separated by ; or ；: the first is the first applicant.
        Required("applicant_name", ColumnType.Text, "申请人", "第一申请人", "专利权人") with { FreeText = true },
        // Derived from the name when empty.
        Optional("applicant_type", ColumnType.Enum, "申请人类型")
            .WithValues("enterprise", "university", "research_institute", "individual", "government", "other"),
        Optional("applicant_address", ColumnType.Text, "申请人地址", "地址") with { FreeText = true },
        Optional("region_code", ColumnType.RegionCode, "行政区划代码"),
        // GB 32100-2015 check character.
        Optional("credit_code", ColumnType.Text, "统一社会信用代码"),
        Optional("ipc_main", ColumnType.Text, "主分类号"),
        // Derived from type digit 8/9 when empty.
        Optional("is_pct_national_phase", ColumnType.Boolean),
        // Maintenance > 10 years is computed, not given.
        Optional("high_value_flags", ColumnType.Flags, "高价值")
            .WithValues("sei", "overseas_family", "pledge", "award"),
        // 非正常专利申请认定日: the date the application was found abnormal; empty for most.
        Optional("abnormal_date", ColumnType.Date, "非正常申请认定日"),
    ]);

    private static Layout Trademarks() => new(SourceKind.Trademarks, "商标", ["application_no"],
    [
        // Digits, optional G prefix (Madrid), A/H suffixes.
        Required("application_no", ColumnType.Text, "申请号", "注册号"),
        Optional("mark_kind", ColumnType.Enum, "商标类型")
            .WithValues("ordinary:普通", "collective:集体", "certification:证明"),
        Optional("is_gi", ColumnType.Boolean, "地理标志"),
        // Nice classes 1–45.
        Optional("nice_class", ColumnType.Integer, "国际分类", "类别"),
        Required("application_date", ColumnType.Date, "申请日"),
        Optional("registration_date", ColumnType.Date, "注册日", "注册公告日"),
        // Defaults to registration_date + 10 years; may lie in the future.
        Optional("expiry_date", ColumnType.Date, "专用权期限", "到期日") with { FutureAllowed = true },
        Optional("cancellation_date", ColumnType.Date, "注销日", "撤销日", "无效日"),
        // 驰名商标认定日: the date the mark was recognised as well known.
        Optional("well_known_date", ColumnType.Date, "驰名商标认定日"),
        Required("applicant_name", ColumnType.Text, "申请人", "注册人") with { FreeText = true },
        Optional("applicant_address", ColumnType.Text, "申请人地址", "地址") with { FreeText = true },
        Optional("region_code", ColumnType.RegionCode, "行政区划代码"),
        Optional("credit_code", ColumnType.Text, "统一社会信用代码"),
    ]);
}
