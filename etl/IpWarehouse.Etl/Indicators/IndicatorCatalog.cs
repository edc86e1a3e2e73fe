using System.Diagnostics.CodeAnalysis;
using static IpWarehouse.Etl.Indicators.IndicatorDateRules;
using static IpWarehouse.Etl.Indicators.IndicatorDirection;
using static IpWarehouse.Etl.Indicators.IndicatorNature;

namespace IpWarehouse.Etl.Indicators;

/// <summary>
/// The indicator catalogue of INDICATORS.md: every code with its Chinese name, unit, direction, nature and
/// date rules, in the order of the document. warehouse-sql/indicators/ computes every one of them into
/// <c>mart_indicator</c>; tests/IpWarehouse.Etl.Tests/Indicators/catalogue.snapshot.txt holds the contract.
/// </summary>
public static class IndicatorCatalog
{
    private const IndicatorDateRules PatentStock = StockAtPeriodEnd | PatentValidity;
    private const IndicatorDateRules TrademarkStock = TrademarkYear | StockAtPeriodEnd | TrademarkValidity;

    /// <summary>Every indicator, in the order of INDICATORS.md.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("patent_applications", "专利申请量", "件", HigherIsBetter, Flow, CalendarPeriod,
            "patents with application date in period"),
        new("invention_applications", "发明专利申请量", "件", HigherIsBetter, Flow, CalendarPeriod,
            "same, invention only"),
        new("patent_applications_growth", "专利申请量增长率", "%", HigherIsBetter, Growth, CalendarPeriod | SamePeriodYearBefore,
            "(period − same period a year before) / same period a year before × 100"),
        new("invention_share", "发明专利申请占比", "%", HigherIsBetter, Ratio, CalendarPeriod,
            "invention_applications / patent_applications × 100"),
        new("patent_grants", "专利授权量", "件", HigherIsBetter, Flow, CalendarPeriod,
            "grant date in period"),
        new("invention_grants", "发明专利授权量", "件", HigherIsBetter, Flow, CalendarPeriod,
            "same, invention only"),
        new("invention_applications_per_100k", "每十万人口发明专利申请量", "件", HigherIsBetter, PerCapita, CalendarPeriod | PopulationOfYear,
            "invention_applications / population × 100 000"),
        new("invention_grants_per_100k", "每十万人口发明专利授权量", "件", HigherIsBetter, PerCapita, CalendarPeriod | PopulationOfYear,
            "invention_grants / population × 100 000"),
        new("valid_patents", "有效专利量", "件", HigherIsBetter, Stock, PatentStock,
            "valid at period end, all types"),
        new("valid_invention_patents", "有效发明专利量", "件", HigherIsBetter, Stock, PatentStock,
            "valid at period end, invention"),
        new("valid_invention_per_10k", "每万人口发明专利拥有量", "件", HigherIsBetter, PerCapita, PatentStock | PopulationOfYear,
            "valid_invention_patents / population × 10 000"),
        new("high_value_invention_patents", "高价值发明专利拥有量", "件", HigherIsBetter, Stock, PatentStock | HighValueMaintenance,
            "valid inventions with any high-value flag or maintained > 10 years from application"),
        new("high_value_invention_per_10k", "每万人口高价值发明专利拥有量", "件", HigherIsBetter, PerCapita, PatentStock | HighValueMaintenance | PopulationOfYear,
            "high_value_invention_patents / population × 10 000"),
        new("trademark_applications", "商标申请量", "件", HigherIsBetter, Flow, TrademarkYear,
            "application date in the trademark year"),
        new("trademark_registrations", "商标注册量", "件", HigherIsBetter, Flow, TrademarkYear,
            "registration date in the trademark year"),
        new("valid_trademarks", "有效注册商标量", "件", HigherIsBetter, Stock, TrademarkStock,
            "valid at the trademark year's end"),
        new("valid_trademarks_growth", "有效注册商标量增长率", "%", HigherIsBetter, Growth, TrademarkStock | SamePeriodYearBefore,
            "vs the year before"),
        new("gi_trademarks", "地理标志商标量", "件", HigherIsBetter, Stock, TrademarkStock,
            "valid GI collective/certification marks"),
        new("cases_filed", "立案数", "件", HigherIsBetter, Flow, CalendarPeriod,
            "filed date in period"),
        new("cases_closed", "结案数", "件", HigherIsBetter, Flow, CalendarPeriod,
            "closed date in period"),
        new("case_closure_rate", "结案率", "%", HigherIsBetter, Ratio, CalendarPeriod | OpenAtPeriodStart,
            "cases_closed / (cases open at period start + cases_filed) × 100"),
        new("case_on_time_rate", "按期结案率", "%", HigherIsBetter, Ratio, CalendarPeriod | OnTimeLimit,
            "cases closed in period on time / cases_closed × 100; on time: closed_date − filed_date − suspended_days ≤ 90 days (setting), " +
            "patent_dispute: closed within 3 calendar months of filing plus suspended days"),
        new("cases_transferred", "移送司法机关案件数", "件", HigherIsBetter, Flow, CalendarPeriod,
            "transferred date in period"),
        new("online_cases", "电商领域案件数", "件", HigherIsBetter, Flow, CalendarPeriod,
            "filed in period and online"),
        new("fines_amount", "罚没款金额", "元", HigherIsBetter, Flow, CalendarPeriod,
            "sum of fines of cases closed in period"),
        new("subsidy_paid", "资助补助金额", "元", HigherIsBetter, Flow, CalendarPeriod,
            "sum paid in period"),
        new("subsidy_violations", "违规资助笔数", "笔", LowerIsBetter, Flow, CalendarPeriod | SubsidyRulesInForce,
            "payments in period breaking a subsidy rule"),
        new("ip_enterprises", "知识产权优势示范企业数", "家", HigherIsBetter, Stock, RecordedForYear,
            "distinct enterprises holding a designation (any kind, any level) recorded for the year"),
        new("training_person_times", "知识产权培训人次", "人次", HigherIsBetter, Flow, CalendarPeriod,
            "sum of person_times of events in period"),
        new("abnormal_applications", "非正常专利申请量", "件", LowerIsBetter, Flow, CalendarPeriod,
            "patents with application date in period and an abnormal_date"),
        new("abnormal_share", "非正常专利申请占比", "%", LowerIsBetter, Ratio, CalendarPeriod,
            "abnormal_applications / patent_applications × 100"),
        new("well_known_trademarks", "驰名商标量", "件", HigherIsBetter, Stock, TrademarkStock,
            "valid trademarks with well_known_date on or before period end"),
        new("madrid_registrations", "马德里商标国际注册量", "件", HigherIsBetter, Flow, TrademarkYear,
            "trademarks with a G application number registered in the trademark year"),
        new("pledge_amount", "知识产权质押融资金额", "万元", HigherIsBetter, Flow, CalendarPeriod,
            "sum of pledge amounts registered in period, not cancelled"),
        new("pledge_count", "知识产权质押登记笔数", "笔", HigherIsBetter, Flow, CalendarPeriod,
            "pledges registered in period"),
        new("copyright_registrations", "作品著作权登记量", "件", HigherIsBetter, Flow, CalendarPeriod,
            "copyright registrations dated in period"),
        new("gi_products", "地理标志保护产品数", "件", HigherIsBetter, Stock, StockAtPeriodEnd,
            "GI products approved by period end and not revoked"),
        new("gi_total", "地理标志总数", "件", HigherIsBetter, Stock, StockAtPeriodEnd,
            "gi_trademarks + gi_products"),
        new("overdue_open_cases", "超期未结案件数", "件", LowerIsBetter, Stock, StockAtPeriodEnd | OnTimeLimit,
            "cases open at period end past their statutory limit (the on-time rule above, suspended days excluded)"),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>Every code, in the order of INDICATORS.md.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(i => i.Code)];

    /// <summary>The indicator with this code (exact, case-sensitive), or false.</summary>
    public static bool TryGet(string code, [NotNullWhen(true)] out IndicatorDefinition? indicator) =>
        ByCode.TryGetValue(code, out indicator);

    /// <summary>The indicator with this code.</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the catalogue; the message lists the codes.</exception>
    public static IndicatorDefinition Get(string code) =>
        TryGet(code, out var indicator)
            ? indicator
            : throw new KeyNotFoundException($"'{code}' is not an indicator of the catalogue (INDICATORS.md). Known codes: {string.Join(", ", Codes)}.");
}
