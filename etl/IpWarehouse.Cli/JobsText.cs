using System.Globalization;
using IpWarehouse.Jobs;

namespace IpWarehouse.Cli;

/// The words of <c>ipwh jobs list</c>: the API's codes as an operator says them (as the console's 运行 page does).
internal static class JobsText
{
    public static string State(string state) => state switch
    {
        "scheduled" => "已计划",
        "paused" => "已暂停（夜间加载跳过，恢复时补跑一次）",
        "running" => "运行中",
        "unscheduled" => "未设置夜间计划",
        _ => state,
    };

    public static string Trigger(string? trigger) => trigger switch
    {
        "schedule" => "夜间计划",
        "misfire" => "补跑（错过的夜间加载）",
        "takeover" => "接管（另一节点中断的加载）",
        "manual" => "手动",
        null => "—",
        _ => trigger,
    };

    public static string Zone(string id) => id switch
    {
        "Asia/Shanghai" => "北京时间",
        "Asia/Urumqi" => "乌鲁木齐时间",
        "UTC" or "Etc/UTC" => "协调世界时",
        _ => id,
    };

    /// "0 30 1 * * ?" or "30 1 * * *" → 每天 01:30; anything else keeps its cron text.
    public static string Schedule(string? cron, string zone)
    {
        if (cron is null)
        {
            return "未设置（在 ipwh.json 中设置 schedule.nightly）";
        }
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (minute, hour, rest) = parts.Length == 6 ? (parts[1], parts[2], parts[3..]) : parts.Length == 5 ? (parts[0], parts[1], parts[2..]) : ("", "", []);
        var daily = rest.Length == 3 && rest[0] is "*" or "?" && rest[1] == "*" && rest[2] is "*" or "?";
        var time = int.TryParse(hour, CultureInfo.InvariantCulture, out var h) && int.TryParse(minute, CultureInfo.InvariantCulture, out var m)
            ? $"{h:00}:{m:00}" : null;
        return daily && time is not null ? $"每天 {time}（{Zone(zone)}；cron {cron}）" : $"cron {cron}（{Zone(zone)}）";
    }

    public static string Running(RunningLoad? load, Func<DateTimeOffset?, string> time) => load is not { } r
        ? "—"
        : $"批次 {r.BatchId ?? "准备中"}，{Trigger(r.Trigger)}，节点 {r.Node}，开始于 {time(r.StartedAt)}"
          + (r.Phase is null ? "" : $"，阶段 {r.Phase}{(r.Source is null ? "" : " " + r.Source)}")
          + (r.CancelRequested ? "，已请求取消" : "");
}
