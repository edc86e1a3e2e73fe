using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning.Internal;

/// What each indicator divides, in words, and which measure's facts make up its numerator (the
/// measures of warehouse-sql/indicators/int_indicator_measure.sql).
internal static class ExplainParts
{
    public static (string Measure, string NumeratorLabel, string? DenominatorLabel) Of(IndicatorDefinition indicator, string populationLabel) =>
        indicator.Code switch
        {
            "patent_applications_growth" => ("patent_applications", "本期专利申请量", "上年同期专利申请量"),
            "invention_share" => ("invention_applications", "发明专利申请量", "专利申请量"),
            "invention_applications_per_100k" => ("invention_applications", "发明专利申请量", populationLabel),
            "invention_grants_per_100k" => ("invention_grants", "发明专利授权量", populationLabel),
            "valid_invention_per_10k" => ("valid_invention_patents", "有效发明专利量", populationLabel),
            "high_value_invention_per_10k" => ("high_value_invention_patents", "高价值发明专利拥有量", populationLabel),
            "valid_trademarks_growth" => ("valid_trademarks", "本期有效注册商标量", "上年同期有效注册商标量"),
            "case_closure_rate" => ("cases_closed", "结案数", "期初未结案件数 + 立案数"),
            "case_on_time_rate" => ("cases_closed_on_time", "按期结案数", "结案数"),
            "abnormal_share" => ("abnormal_applications", "非正常专利申请量", "专利申请量（含非正常申请）"),
            // the GI marks are listed under gi_trademarks
            "gi_total" => ("gi_products", "地理标志保护产品数 + 地理标志商标量", null),
            _ => (indicator.Code, indicator.ChineseName, null),
        };

    /// The settings an indicator's figure depends on, in words.
    public static List<ExplainRule> Rules(IndicatorDefinition indicator, IndicatorSettings s)
    {
        var rules = new List<ExplainRule>();
        var flags = indicator.DateRules;
        if (indicator.Code.Contains("patent", StringComparison.Ordinal) || indicator.Code.Contains("invention", StringComparison.Ordinal)
            || indicator.Code.Contains("trademark", StringComparison.Ordinal))
        {
            rules.Add(new ExplainRule("attribution", "first_applicant：计入第一申请人/注册人所在地区"));
        }
        if (flags.HasFlag(IndicatorDateRules.TrademarkYear))
        {
            rules.Add(new ExplainRule("trademarkYear", s.TrademarkYear == TrademarkYearMode.Cnipa
                ? "cnipa：商标统计年度为上年12月16日至当年12月15日"
                : "calendar：自然年"));
        }
        if (flags.HasFlag(IndicatorDateRules.PatentValidity))
        {
            rules.Add(new ExplainRule("patentTerm",
                $"发明 {s.InventionTermYears} 年、实用新型 {s.UtilityModelTermYears} 年、外观设计 {s.DesignTermYears} 年" +
                $"（{s.DesignExtendedFrom:yyyy-MM-dd} 起申请的 {s.DesignExtendedTermYears} 年），自申请日起算"));
        }
        if (flags.HasFlag(IndicatorDateRules.HighValueMaintenance))
        {
            rules.Add(new ExplainRule("highValueMaintainedYears", $"维持超过 {s.HighValueMaintainedYears} 年的有效发明专利计为高价值"));
        }
        if (flags.HasFlag(IndicatorDateRules.PopulationOfYear))
        {
            rules.Add(new ExplainRule("populationType", PopulationLabel(s)));
        }
        if (flags.HasFlag(IndicatorDateRules.OnTimeLimit))
        {
            rules.Add(new ExplainRule("caseOnTime",
                $"结案日 − 立案日 − 中止天数 ≤ {s.OnTimeLimitDays} 天；专利纠纷 {s.PatentDisputeMonths} 个月内（加中止天数）"));
        }
        if (flags.HasFlag(IndicatorDateRules.OpenAtPeriodStart))
        {
            rules.Add(new ExplainRule("closureRate", "结案数 ÷（期初未结案件数 + 本期立案数）"));
        }
        if (indicator.Code is "patent_applications" or "invention_applications" or "patent_applications_growth" or "invention_share"
            or "invention_applications_per_100k" or "abnormal_share")
        {
            rules.Add(new ExplainRule("excludeAbnormal", s.ExcludeAbnormal
                ? "true：非正常专利申请不计入申请量"
                : "false：非正常专利申请计入申请量"));
        }
        if (flags.HasFlag(IndicatorDateRules.SubsidyRulesInForce))
        {
            rules.Add(new ExplainRule("subsidyRules", "按支付日生效的资助规则（ref_subsidy_rule）"));
        }
        return rules;
    }

    public static string PopulationLabel(IndicatorSettings s) =>
        s.PopulationType == PopulationType.Resident ? "常住人口" : "户籍人口";
}
