using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

/// <summary>The Chinese words the reports use for codes: statuses, levels, rules, comparators.</summary>
public static class PlanningLabels
{
    /// <summary>The status as JSON writes it: achieved, on_track, at_risk, off_track, missed.</summary>
    public static string Code(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "achieved",
        TargetStatus.OnTrack => "on_track",
        TargetStatus.AtRisk => "at_risk",
        TargetStatus.OffTrack => "off_track",
        TargetStatus.Missed => "missed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status for people: 已达成, 进度正常, 有风险, 进度滞后, 未达成.</summary>
    public static string Chinese(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "已达成",
        TargetStatus.OnTrack => "进度正常",
        TargetStatus.AtRisk => "有风险",
        TargetStatus.OffTrack => "进度滞后",
        TargetStatus.Missed => "未达成",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A level's word: 省, 市州, 县区.</summary>
    public static string Level(string level) => level switch
    {
        "province" => "省",
        "city" => "市州",
        "county" => "县区",
        _ => level,
    };

    /// <summary>A comparator for people: 不低于, 不高于, 高于上级.</summary>
    public static string Comparator(string comparator) => comparator switch
    {
        ">=" => "不低于",
        "<=" => "不高于",
        ">parent_avg" => "高于上级平均",
        _ => comparator,
    };

    /// <summary>A plan period for people: 2021-2025 → 十四五（2021—2025）; other ranges as 2016—2018.</summary>
    public static string PlanPeriod(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var range = period.Replace("-", "—", StringComparison.Ordinal);
        // The 11th five-year plan ran 2006-2010; each plan is five years after the one before.
        if (period.Length == 9 && int.TryParse(period.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var from)
            && period == $"{from}-{from + 4}" && from >= 2006 && (from - 2006) % 5 == 0 && (from - 2006) / 5 < Plans.Length)
        {
            return $"{Plans[(from - 2006) / 5]}（{range}）";
        }
        return range;
    }

    private static readonly string[] Plans = ["十一五", "十二五", "十三五", "十四五", "十五五"];

    /// <summary>A reconciliation status for people: 一致, 偏差, 无本地数, 无官方数.</summary>
    public static string Reconcile(string status) => status switch
    {
        "match" => "一致",
        "differs" => "偏差",
        "no_local" => "无本地数",
        "no_official" => "无官方数",
        _ => status,
    };

    /// <summary>A quarantine reason for people (etl_reject.reason): 必填缺失, 日期错误, 数值错误 …</summary>
    public static string RejectReason(string reason) => reason switch
    {
        "missing_required" => "必填缺失",
        "bad_date" => "日期错误",
        "bad_number" => "数值错误",
        "bad_enum" => "取值不在范围",
        "bad_check_digit" => "校验位错误",
        "date_order" => "日期先后颠倒",
        "unknown_region" => "区划代码不存在",
        "region_unresolved" => "无法确定区划",
        "bad_row_shape" => "行结构错误",
        _ => reason,
    };

    /// <summary>A subsidy rule for people.</summary>
    public static string Rule(string rule) => rule switch
    {
        "rights_protection_share" => "维权补助超过实际支出50%",
        "rights_protection_cap" => "维权补助超过每案上限",
        "paid_twice_across_levels" => "跨层级重复资助",
        "patent_application_ended" => "专利申请阶段资助已取消",
        _ => rule,
    };

    /// <summary>Which way is better, for people.</summary>
    public static string Direction(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Direction == IndicatorDirection.HigherIsBetter ? "数值越大越好" : "数值越小越好";
    }

    /// <summary>The decimals a value of the indicator is shown with: none for counts, two otherwise (元, %, per-capita).</summary>
    public static int Decimals(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Nature is IndicatorNature.Flow or IndicatorNature.Stock && indicator.Unit != "元" ? 0 : 2;
    }

    /// <summary>
    /// The decimals that tell neighbouring values apart: at least <paramref name="decimals"/>, more (up to six)
    /// while two different values would print the same (2.853 and 2.849 are both 2.85 with two). Equal values
    /// stay equal: they share a rank.
    /// </summary>
    public static int SeparatingDecimals(IEnumerable<double?> values, int decimals)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OfType<double>().Order().ToList();
        bool Blurs(int d) => sorted.Zip(sorted.Skip(1)).Any(p => p.First != p.Second && Math.Round(p.First, d) == Math.Round(p.Second, d));
        while (decimals < 6 && Blurs(decimals))
        {
            decimals++;
        }
        return decimals;
    }
}
