using IpWarehouse.Jobs.Internal;
using Quartz;

namespace IpWarehouse.Jobs;

/// <summary>
/// What an operator can do with the nightly load, on whichever node runs it: look, run now, pause,
/// resume, cancel. The HTTP API (<c>/api/jobs</c>) and the web pages call this, never Quartz directly.
/// </summary>
public sealed class LoadScheduler
{
    private readonly SchedulerHostedService host;
    private readonly SchedulerSettings settings;
    private readonly LoadLease lease;
    private readonly LocalLoad local;
    private readonly TimeProvider clock;

    internal LoadScheduler(SchedulerHostedService host, SchedulerSettings settings, LoadLease lease, LocalLoad local, TimeProvider clock)
    {
        this.host = host;
        this.settings = settings;
        this.lease = lease;
        this.local = local;
        this.clock = clock;
    }

    /// <summary>The job's state, next fire time and the load running now (on any node).</summary>
    public async Task<JobsStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await host.Scheduler.ConfigureAwait(false);
        var nightly = await scheduler.GetTrigger(JobKeys.Nightly, cancellationToken).ConfigureAwait(false);
        var paused = nightly is not null &&
            await scheduler.GetTriggerState(JobKeys.Nightly, cancellationToken).ConfigureAwait(false) == TriggerState.Paused;
        var running = await RunningAsync(scheduler, cancellationToken).ConfigureAwait(false);
        var state = running is not null ? "running" : nightly is null ? "unscheduled" : paused ? "paused" : "scheduled";
        return new JobsStatus(
            Job: JobKeys.Load.ToString(),
            State: state,
            Schedule: (nightly as ICronTrigger)?.CronExpressionString,
            TimeZone: settings.TimeZone.Id,
            NextFireTime: paused ? null : Local(nightly?.GetNextFireTimeUtc()),
            PreviousFireTime: Local(nightly?.GetPreviousFireTimeUtc()),
            Running: running,
            Node: scheduler.SchedulerInstanceId,
            Store: settings.Store.ToString().ToLowerInvariant(),
            Clustered: settings.Clustered);
    }

    /// <summary>
    /// Starts a load now (trigger <c>manual</c>) on whichever node picks it up first: every source, or with
    /// <paramref name="source"/> that one source re-read in full (as <c>ipwh load --full --source NAME</c>).
    /// </summary>
    /// <exception cref="JobsConflictException">A load is running already.</exception>
    public async Task<DateTimeOffset> RunNowAsync(string? source = null, CancellationToken cancellationToken = default)
    {
        var scheduler = await host.Scheduler.ConfigureAwait(false);
        if (await RunningAsync(scheduler, cancellationToken).ConfigureAwait(false) is { } running)
        {
            throw new JobsConflictException(
                $"已有装载正在运行（批次 {running.BatchId ?? "准备中"}，节点 {running.Node}）：请等它结束，或先取消它。");
        }
        var at = clock.GetUtcNow();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKeys.Manual(Guid.NewGuid().ToString("N")[..12]))
            .ForJob(JobKeys.Load)
            .UsingJobData(LoadJob.TriggerKey, "manual")
            .UsingJobData(LoadJob.SourceKey, source ?? "")
            .WithDescription(source is null ? "run now (ipwh jobs run / POST /api/jobs/run)" : $"re-read {source} in full (POST /api/jobs/run)")
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken).ConfigureAwait(false);
        return Local(at)!.Value;
    }

    /// <summary>Pauses the nightly trigger (and any run-now not yet started); a running load goes on.</summary>
    /// <exception cref="JobsConflictException">There is no nightly schedule to pause.</exception>
    public async Task PauseAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await host.Scheduler.ConfigureAwait(false);
        if (await scheduler.GetTrigger(JobKeys.Nightly, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new JobsConflictException("没有可暂停的夜间计划：请在 ipwh.json 中设置 schedule.nightly 并重启 ipwh serve。");
        }
        await scheduler.PauseJob(JobKeys.Load, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes the nightly trigger. A night that passed while paused runs once now (misfire policy).</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await host.Scheduler.ConfigureAwait(false);
        await scheduler.ResumeJob(JobKeys.Load, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels the running load, on whichever node runs it: it stops at its next safe point and publishes
    /// nothing; the published warehouse stays as it was.
    /// </summary>
    /// <exception cref="JobsConflictException">No load is running.</exception>
    public async Task<RunningLoad> CancelAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await host.Scheduler.ConfigureAwait(false);
        var running = await RunningAsync(scheduler, cancellationToken).ConfigureAwait(false)
            ?? throw new JobsConflictException("当前没有正在运行的装载，无需取消。");
        // The holder's heartbeat sees the flag within a third of the lease; a load on this node stops at once.
        await lease.RequestCancelAsync(cancellationToken).ConfigureAwait(false);
        await scheduler.Interrupt(JobKeys.Load, cancellationToken).ConfigureAwait(false);
        return running with { CancelRequested = true };
    }

    private async Task<RunningLoad?> RunningAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var holder = await lease.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (holder is null)
        {
            return null;
        }
        var here = holder.Node == scheduler.SchedulerInstanceId ? local.Current : null;
        return new RunningLoad(holder.BatchId ?? here?.BatchId, holder.Trigger, holder.Node, Local(holder.AcquiredAt)!.Value, here?.Phase, here?.Source,
            holder.CancelRequested);
    }

    private DateTimeOffset? Local(DateTimeOffset? time) => time is { } t ? TimeZoneInfo.ConvertTime(t, settings.TimeZone) : null;
}
