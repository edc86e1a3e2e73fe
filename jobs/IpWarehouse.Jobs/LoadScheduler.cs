using Hangfire;
using Hangfire.Storage;
using IpWarehouse.Jobs.Internal;

namespace IpWarehouse.Jobs;

/// <summary>
/// What an operator can do with the nightly load, on whichever node runs it: look, run now, pause,
/// resume, cancel. The HTTP API (<c>/api/jobs</c>) and the web pages call this, never Hangfire directly.
/// </summary>
public sealed class LoadScheduler
{
    private readonly SchedulerHostedService host;
    private readonly SchedulerSettings settings;
    private readonly SchedulerNode node;
    private readonly LoadLease lease;
    private readonly SchedulePause pause;
    private readonly LocalLoad local;
    private readonly TimeProvider clock;

    internal LoadScheduler(SchedulerHostedService host, SchedulerSettings settings, SchedulerNode node, LoadLease lease, SchedulePause pause, LocalLoad local,
        TimeProvider clock)
    {
        this.host = host;
        this.settings = settings;
        this.node = node;
        this.lease = lease;
        this.pause = pause;
        this.local = local;
        this.clock = clock;
    }

    /// <summary>The job's state, next fire time and the load running now (on any node).</summary>
    public async Task<JobsStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var storage = await host.Storage.ConfigureAwait(false);
        RecurringJobDto? nightly = null;
        if (settings.Nightly is not null)
        {
            using var connection = storage.GetConnection();
            nightly = connection.GetRecurringJobs([SchedulerHostedService.NightlyId]).FirstOrDefault(j => !j.Removed);
        }
        var paused = nightly is not null && await pause.IsPausedAsync(cancellationToken).ConfigureAwait(false);
        var running = await RunningAsync(cancellationToken).ConfigureAwait(false);
        var state = running is not null ? "running" : nightly is null ? "unscheduled" : paused ? "paused" : "scheduled";
        return new JobsStatus(
            Job: "ipwh.load",
            State: state,
            Schedule: settings.Nightly,
            TimeZone: settings.TimeZone.Id,
            NextFireTime: paused ? null : Local(nightly?.NextExecution),
            PreviousFireTime: Local(nightly?.LastExecution),
            Running: running,
            Node: node.Id,
            Store: SchedulerStorage.Name(settings.Store),
            Clustered: settings.Clustered);
    }

    /// <summary>
    /// Starts a load now (trigger <c>manual</c>) on whichever node picks it up first: every source, or with
    /// <paramref name="source"/> that one source re-read in full (as <c>ipwh load --full --source NAME</c>).
    /// The lease is taken here, before the job is queued, so of many requests at once exactly one is accepted.
    /// </summary>
    /// <exception cref="JobsConflictException">A load is running or queued already.</exception>
    public async Task<DateTimeOffset> RunNowAsync(string? source = null, CancellationToken cancellationToken = default)
    {
        var storage = await host.Storage.ConfigureAwait(false);
        var claim = $"{node.Id}/run-{Guid.NewGuid():N}"[..Math.Min(200, node.Id.Length + 17)];
        var (acquired, other) = await lease.TryAcquireAsync(claim, "manual", cancellationToken).ConfigureAwait(false);
        if (!acquired)
        {
            throw new JobsConflictException(
                $"已有装载正在运行（批次 {other?.BatchId ?? "准备中"}，节点 {other?.Node ?? "?"}）：请等它结束，或先取消它。");
        }
        try
        {
            var title = source is null ? LoadJob.Manual : $"{LoadJob.Manual}：{source}";
            new BackgroundJobClient(storage).Enqueue<LoadJob>(job => job.RunAsync(title, "manual", source, claim, null, CancellationToken.None));
        }
        catch
        {
            await lease.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return Local(clock.GetUtcNow().UtcDateTime)!.Value;
    }

    /// <summary>Pauses the nightly schedule: its fires do nothing until resumed; a running load goes on.</summary>
    /// <exception cref="JobsConflictException">There is no nightly schedule to pause.</exception>
    public async Task PauseAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Nightly is null)
        {
            throw new JobsConflictException("没有可暂停的夜间计划：请在 ipwh.json 中设置 schedule.nightly 并重启 ipwh serve。");
        }
        await pause.PauseAsync(node.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes the nightly schedule; when a fire was skipped while paused, one catch-up load (trigger
    /// <c>misfire</c>) runs now. The schedule itself is kept.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var storage = await host.Storage.ConfigureAwait(false);
        if (await pause.ResumeAsync(cancellationToken).ConfigureAwait(false))
        {
            new BackgroundJobClient(storage).Enqueue<LoadJob>(job => job.RunAsync(LoadJob.Nightly + "（补跑）", "misfire", null, null, null, CancellationToken.None));
        }
    }

    /// <summary>
    /// Cancels the running load, on whichever node runs it: it stops at its next safe point and publishes
    /// nothing; the published warehouse stays as it was, and the job ends cancelled, not requeued.
    /// </summary>
    /// <exception cref="JobsConflictException">No load is running.</exception>
    public async Task<RunningLoad> CancelAsync(CancellationToken cancellationToken = default)
    {
        var running = await RunningAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new JobsConflictException("当前没有正在运行的装载，无需取消。");
        // The holder's heartbeat sees the flag within a third of the lease; a load on this node stops at once.
        await lease.RequestCancelAsync(cancellationToken).ConfigureAwait(false);
        if (running.Node == node.Id)
        {
            local.Cancel();
        }
        return running with { CancelRequested = true };
    }

    private async Task<RunningLoad?> RunningAsync(CancellationToken cancellationToken)
    {
        var holder = await lease.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (holder is null)
        {
            return null;
        }
        var here = holder.Node == node.Id ? local.Current : null;
        return new RunningLoad(holder.BatchId ?? here?.BatchId, holder.Trigger, holder.Node, Local(holder.AcquiredAt.UtcDateTime)!.Value, here?.Phase, here?.Source,
            holder.CancelRequested);
    }

    private DateTimeOffset? Local(DateTime? utc) =>
        utc is { } t ? TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)), settings.TimeZone) : null;
}
