namespace IpWarehouse.Etl.Layouts;

/// Population, targets, designations, training and official figures.
public static partial class LayoutCatalog
{
    private static Layout Population() => new(SourceKind.Population, "人口", ["region_code", "year", "population_type"],
    [
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        Required("year", ColumnType.Integer, "年份"),
        // Persons, at year end.
        Required("population", ColumnType.Integer, "人口", "常住人口"),
        Optional("population_type", ColumnType.Enum, "人口类型")
            .WithValues("resident:常住", "registered:户籍") with { DefaultWhenEmpty = "resident" },
    ]);

    private static Layout Targets() => new(SourceKind.Targets, "目标", ["region_code", "year", "indicator", "period"],
    [
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        Required("year", ColumnType.Integer, "年份"),
        // A code from INDICATORS.md; the validator checks it against the indicator catalogue.
        Required("indicator", ColumnType.Text, "指标"),
        Required("comparator", ColumnType.Enum, "比较").WithValues(">=", "<=", ">parent_avg"),
        // Empty for >parent_avg.
        Optional("target_value", ColumnType.Number, "目标值"),
        Optional("source_document", ColumnType.Text, "依据") with { FreeText = true },
        // Empty for the year; 2021-2025 (or 十四五) for a plan-period target, whose year is the period's last.
        Optional("period", ColumnType.Text, "期间"),
    ]);

    // SOURCES.md names no key for designations: an enterprise holds one designation of a type and
    // level per year, and the name is the only required identity (credit_code is optional).
    private static Layout Designations() => new(SourceKind.Designations, "企业认定", ["enterprise_name", "designation", "level", "year"],
    [
        Optional("credit_code", ColumnType.Text, "统一社会信用代码"),
        Required("enterprise_name", ColumnType.Text, "企业名称"),
        Required("designation", ColumnType.Enum, "认定类型")
            .WithValues("advantage:优势企业", "demonstration:示范企业", "pilot:试点企业"),
        Required("level", ColumnType.Enum, "级别").WithValues("national:国家级", "province:省级", "city:市级"),
        Required("year", ColumnType.Integer, "年份"),
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
    ]);

    private static Layout Training() => new(SourceKind.Training, "培训", ["event_id"],
    [
        Required("event_id", ColumnType.Text, "活动编号"),
        Required("event_date", ColumnType.Date, "日期"),
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        Required("person_times", ColumnType.Integer, "人次"),
        Optional("topic", ColumnType.Text, "主题") with { FreeText = true },
    ]);

    private static Layout OfficialFigures() => new(SourceKind.OfficialFigures, "官方公布数", ["region_code", "indicator", "year", "period"],
    [
        Required("region_code", ColumnType.RegionCode, "行政区划代码"),
        // A code from INDICATORS.md (or its Chinese name), checked against the indicator catalogue like a target's.
        Required("indicator", ColumnType.Text, "指标"),
        Required("year", ColumnType.Integer, "年份"),
        // Empty for the year; 2021-2025 for whole years; a date (2024-06-30) for a year to date.
        Optional("period", ColumnType.Text, "期间"),
        // In the indicator's unit; 16.1% and 150万 are read as 16.1 and 1 500 000.
        Required("value", ColumnType.Number, "数值"),
        Required("source_document", ColumnType.Text, "来源文件") with { FreeText = true },
        Optional("published_date", ColumnType.Date, "发布日期"),
    ]);
}
