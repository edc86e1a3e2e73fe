using Hangfire;
using Hangfire.Server;
using IpWarehouse.Etl.Configuration;
using Microsoft.Extensions.Logging;

namespace IpWarehouse.Jobs.Internal;

// The Hangfire job behind every load: the nightly recurring job, run-now and resume's catch-up. Hangfire never
// retries it whole (per-source retries stay in the loader); the lease keeps two loads from running at once on
// the whole cluster, and a cancelled load ends Deleted ("cancelled") instead of being requeued.
internal sealed partial class LoadJob(
    LoadRunner runner,
    LoadLease lease,
    SchedulePause pause,
    SchedulerSettings settings,
    SchedulerNode node,
    ILogger<LoadJob> logger)
{
    public const string Nightly = "夜间加载";

    public const string Manual = "手动加载";

    // Who ran this job last: a job fetched again after its node died finds the dead node's holder here.
    private const string HolderParameter = "ipwh.holder";

    /// Runs one load; the dashboard names it "{title}（{trigger}）" and shows the returned text (its batch) as its result.
    [JobDisplayName("{0}（{1}）")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [CancelledLoadFilter]
    public async Task<string> RunAsync(string title, string trigger, string? source, string? claim, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var holder = $"{node.Id}/{context.BackgroundJob.Id}";
        var previous = context.GetJobParameter<string>(HolderParameter);
        if (previous == holder)
        {
            LogDuplicate(holder);
            return "同一作业在本节点已执行过：本次跳过。";
        }
        context.SetJobParameter(HolderParameter, holder);
        if (previous is not null)
        {
            // Fetched again: its node stopped renewing it (killed, cut off). Take it over once that node's lease lapsed.
            trigger = "takeover";
            claim = null; // the run-now's claim went with the dead node's lease
            LogTakeover(title, previous);
            while (await lease.CurrentAsync(cancellationToken).ConfigureAwait(false) is { } held && held.Id == previous)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
        else if (trigger == "schedule")
        {
            if (await pause.SkipIfPausedAsync(cancellationToken).ConfigureAwait(false))
            {
                LogPaused();
                return "夜间计划已暂停：本次跳过，恢复时补跑一次。";
            }
            trigger = Kind(context.GetJobParameter<long?>("Time"));
        }
        var report = await runner.RunAsync(trigger, holder, cancellationToken, source, claim).ConfigureAwait(false);
        if (report is null)
        {
            return cancellationToken.IsCancellationRequested
                ? throw new LoadCancelledException($"{title}在开始前已取消，未发布任何数据。")
                : "已有装载正在运行：本次跳过（见日志）。";
        }
        var text = $"{title}（{trigger}）批次 {report.BatchId}：{report.Status}。{report.Message}";
        return report.Status switch
        {
            "cancelled" => throw new LoadCancelledException(text),
            "failed" => throw new LoadFailedException(text),
            _ => text,
        };
    }

    // Hangfire's Relaxed misfire mode fires a missed night once, at start, and records that time ("Time", Unix
    // seconds), not the night's: later than the threshold after the occurrence due before it is a missed night.
    internal string Kind(long? time)
    {
        if (time is not { } seconds || settings.NightlyCron is not { } cron)
        {
            return "schedule";
        }
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return NightlySchedule.Previous(cron, settings.TimeZone, at) is { } due && at - due > settings.MisfireThreshold ? "misfire" : "schedule";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a second execution of the load {Holder} on this node (the storage fetched it twice).")]
    private partial void LogDuplicate(string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "The nightly schedule is paused: this fire does nothing; resume runs one catch-up load.")]
    private partial void LogPaused();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking over the {Title} load of {Previous}: its node stopped renewing it; waiting for its lease to lapse.")]
    private partial void LogTakeover(string title, string previous);
}
