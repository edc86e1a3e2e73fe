using System.Globalization;

namespace IpWarehouse.Etl.Planning;

public static partial class PlanningReports
{
    /// <summary>The 即将到期 watch list (<c>ipwh expiring</c>) for people and files.</summary>
    public static Report Expiring(IReadOnlyList<ExpiringRight> rows, string withinName, int months, DateOnly asOf, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publish);
        var columns = new List<ReportColumn>
        {
            new("kind", "类型", ReportKind.Text),
            new("number", "申请号/注册号", ReportKind.Text),
            new("owner", "权利人", ReportKind.Text),
            new("region_code", "地区代码", ReportKind.Text, InTable: false),
            new("region_name", "地区", ReportKind.Text),
            new("right_type", "权利类型", ReportKind.Text),
            new("start_date", "申请日/注册日", ReportKind.Date, InTable: false),
            new("expiry_date", "到期日", ReportKind.Date),
            new("days_left", "剩余天数", ReportKind.Integer),
            new("renewal_window", "续展状态", ReportKind.Text),
            new("renewal_opens", "续展开始", ReportKind.Date, InTable: false),
            new("grace_ends", "宽展期止", ReportKind.Date, InTable: false),
        };
        var table = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Kind == "patents" ? "专利" : "商标", r.Number, r.Owner, r.RegionCode, r.RegionName, RightType(r.RightType), r.StartDate, r.ExpiryDate,
            r.DaysLeft, RenewalWindow(r.RenewalWindow), r.RenewalOpens, r.GraceEnds,
        ]).ToList();
        var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Report($"即将到期 · {withinName} · {day} 起 {months} 个月内",
            [
                $"{publish.Describe(timeZone)}；共 {rows.Count} 件",
                "专利：已授权、未失效，保护期（发明 20 年、实用新型 10 年、外观设计 10 年，2021-06-01 起申请的 15 年，自申请日起）在期内届满；" +
                "商标：有效期在期内届满，或已届满但仍在 6 个月宽展期内；续展期自到期前 12 个月开始",
            ],
            columns, table)
        { SheetName = "即将到期" };
    }

    /// <summary>The open cases (<c>ipwh cases --open</c>) for people and files.</summary>
    public static Report OpenCases(IReadOnlyList<OpenCase> rows, string withinName, DateOnly asOf, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publish);
        var columns = new List<ReportColumn>
        {
            new("case_no", "案件编号", ReportKind.Text),
            new("case_type", "案件类型代码", ReportKind.Text, InTable: false),
            new("case_type_name", "案件类型", ReportKind.Text),
            new("campaign", "专项行动", ReportKind.Text),
            new("department", "办案单位", ReportKind.Text),
            new("region_code", "地区代码", ReportKind.Text, InTable: false),
            new("region_name", "地区", ReportKind.Text),
            new("filed_date", "立案日期", ReportKind.Date),
            new("suspended_days", "中止天数", ReportKind.Integer),
            new("days_open", "已立案天数", ReportKind.Integer),
            new("limit_date", "办结期限", ReportKind.Date),
            new("overdue", "超期", ReportKind.Boolean),
            new("days_past_limit", "超期天数", ReportKind.Integer, InTable: false),
        };
        var table = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.CaseNo, r.CaseType, CaseType(r.CaseType), r.Campaign, r.Department ?? "（未填办案单位）", r.RegionCode, r.RegionName, r.FiledDate,
            r.SuspendedDays, r.DaysOpen, r.LimitDate, r.Overdue, r.DaysPastLimit,
        ]).ToList();
        var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Report($"未结案件 · {withinName} · 截至 {day}",
            [
                $"{publish.Describe(timeZone)}；未结 {rows.Count} 件，其中超期 {rows.Count(r => r.Overdue)} 件",
                "办结期限：立案日 + 90 天 + 中止天数；专利侵权纠纷为立案日 + 3 个月 + 中止天数（与按期结案率同一口径）",
            ],
            columns, table)
        { SheetName = "未结案件" };
    }

    /// <summary>The case indicators per group (<c>ipwh cases --by</c>) for people and files.</summary>
    public static Report CasesBy(IReadOnlyList<CaseGroup> rows, string by, string withinName, DateOnly asOf, PublishInfo publish, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publish);
        var label = by switch { "department" => "办案单位", "case_type" => "案件类型", _ => "专项行动" };
        var columns = new List<ReportColumn>
        {
            new("group", label, ReportKind.Text),
            new("cases_filed", "立案数", ReportKind.Integer),
            new("cases_closed", "结案数", ReportKind.Integer),
            new("cases_transferred", "移送司法机关", ReportKind.Integer),
            new("online_cases", "电商领域", ReportKind.Integer),
            new("fines_amount", "罚没款金额", ReportKind.Number, "元", 2),
            new("open_cases", "未结", ReportKind.Integer),
            new("overdue_cases", "超期未结", ReportKind.Integer),
            new("oldest_filed_date", "最早未结立案日", ReportKind.Date),
        };
        var table = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Group is null ? "（未填）" : by == "case_type" ? CaseType(r.Group) : r.Group,
            r.CasesFiled, r.CasesClosed, r.CasesTransferred, r.OnlineCases, r.FinesAmount, r.OpenCases, r.OverdueCases, r.OldestFiledDate,
        ]).ToList();
        var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Report($"案件按{label} · {withinName} · {asOf.Year}年1月1日至 {day}",
            [$"{publish.Describe(timeZone)}", "立案、结案、移送、电商、罚没按年初至判断日；未结与超期按判断日"],
            columns, table)
        { SheetName = $"案件按{label}" };
    }

    private static string RightType(string type) => type switch
    {
        "invention" => "发明",
        "utility_model" => "实用新型",
        "design" => "外观设计",
        "ordinary" => "普通商标",
        "collective" => "集体商标",
        "certification" => "证明商标",
        _ => type,
    };

    private static string? RenewalWindow(string? window) => window switch
    {
        null => null,
        "not_open" => "未到续展期",
        "open" => "续展期内",
        "grace" => "宽展期内",
        _ => window,
    };

    private static string CaseType(string type) => type switch
    {
        "trademark_infringement" => "商标侵权",
        "gi" => "地理标志",
        "patent_counterfeiting" => "假冒专利",
        "patent_dispute" => "专利侵权纠纷",
        "agency" => "代理",
        "copyright" => "版权",
        "other" => "其他",
        _ => type,
    };
}
