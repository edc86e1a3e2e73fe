using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Planning;

public static partial class PlanningReports
{
    /// <summary>A code's history: its state today, then each change that created, renamed or retired it.</summary>
    public static Report RegionHistory(RegionHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var state = history switch
        {
            { IsCurrent: true } => "现行代码（2023年区划）",
            { Successor: { } s } => $"已撤销，现由 {s} {history.SuccessorName} 承继：该代码的事实计入 {s}（归属方式 code_succeeded）",
            _ => "已撤销，区划名单未显示唯一承继代码：该代码的事实将被隔离（unknown_region），请改用现行代码",
        };
        var columns = new List<ReportColumn>
        {
            new("old_code", "原代码", ReportKind.Text),
            new("old_name", "原名称", ReportKind.Text),
            new("new_code", "新代码", ReportKind.Text),
            new("new_name", "新名称", ReportKind.Text),
            new("last_listed", "原代码最后列入", ReportKind.Date),
            new("effective_date", "变更不晚于", ReportKind.Date),
            new("reason", "变更原因", ReportKind.Text),
            new("current_codes", "现承继代码", ReportKind.Text),
        };
        var rows = history.Changes.Select(c => (IReadOnlyList<object?>)
        [
            c.OldCode, c.OldName, c.NewCode, c.NewName, c.LastListed, c.EffectiveDate,
            c.Reason ?? (c.NewCode is null ? null : "代码调整（名称未变）"), string.Join(" ", c.CurrentCodes),
        ]).ToList();
        return new Report($"区划代码沿革 · {history.Code} {history.Name}",
            [state, "依据民政部 1980—2019 年县级以上行政区划代码表与国家统计局 2023 年区划（reference/region_succession.csv）；“未明”为同期同地新设的候选代码，不作承继"],
            columns, rows)
        { SheetName = "区划代码沿革" };
    }
}
