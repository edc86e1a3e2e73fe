using IpWarehouse.Etl;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using Microsoft.Extensions.Logging;

namespace IpWarehouse.Jobs.Internal;

// One scheduled or manual load: take the cluster-wide lease (or log a no-op), run the loader with the
// scheduler's retry policy, renew the lease while it runs and watch it for a cancel request from any
// node, then let go. Cancellation is a normal outcome and is logged as information.
internal sealed partial class LoadRunner(
    IpwhConfig config,
    SchedulerSettings settings,
    LoadLease lease,
    LocalLoad local,
    TimeProvider clock,
    JobsHostOptions options,
    ILogger<LoadRunner> logger)
{
    public async Task<LoadReport?> RunAsync(string trigger, string holder, CancellationToken cancellationToken, string? source = null, string? claim = null)
    {
        var (acquired, other) = await lease.TryAcquireAsync(holder, trigger, cancellationToken, claim).ConfigureAwait(false);
        if (!acquired)
        {
            LogSkipped(trigger, other?.Node ?? "?", other?.BatchId ?? "(starting)", other?.ExpiresAt);
            return null;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(holder, stop, heartbeatStop.Token);
        try
        {
            await local.WorkDatabase.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                local.Start(trigger, clock.GetUtcNow(), stop);
                LogStarting(trigger, holder);
                var progress = new Progress(this, holder);
                var report = await RunLoaderAsync(trigger, source, progress, stop.Token).ConfigureAwait(false);
                LogFinished(report.BatchId, report.Status, trigger, (report.FinishedAt - report.StartedAt).TotalSeconds, report.Message ?? "");
                return report;
            }
            finally
            {
                local.Finish();
                local.WorkDatabase.Release();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            LogCancelledBeforeStart(trigger);
            return null;
        }
        finally
        {
            await heartbeatStop.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            await lease.ReleaseAsync(holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // One source asked for by name is re-read in full, as `ipwh load --full --source NAME`.
    private async Task<LoadReport> RunLoaderAsync(string trigger, string? source, IProgress<LoadProgress> progress, CancellationToken cancellationToken)
    {
        var request = new LoadRequest { Trigger = trigger, Retry = settings.Retry, Full = source is not null, Sources = source is null ? [] : [source] };
        // `ipwh runs` (another process) may hold the working database for a moment: wait, do not fail the night.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await new Loader(config, clock).RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (LoadException e) when (e.IsTransient && e.BatchId is null && attempt < 5)
            {
                LogBusy(e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Renews the lease every third of its duration; a cancel request from any node, or losing the lease,
    // stops the load at its next safe point.
    private async Task HeartbeatAsync(string holder, CancellationTokenSource load, CancellationToken stop)
    {
        var interval = settings.LeaseDuration / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop).ConfigureAwait(false);
                var (held, cancel) = await lease.RenewAsync(holder, stop).ConfigureAwait(false);
                if (!held)
                {
                    LogLeaseLost(holder);
                    await load.CancelAsync().ConfigureAwait(false);
                    return;
                }
                if (cancel && !load.IsCancellationRequested)
                {
                    LogCancelRequested(local.Current?.BatchId ?? "(starting)");
                    await load.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException e)
            {
                // the job store is briefly unreachable: keep loading, the lease has two more intervals
                LogRenewFailed(e.Message);
            }
        }
    }

    private void OnProgress(string holder, LoadProgress value)
    {
        local.Report(value);
        if (value.Phase == "start" && value.BatchId is { } batch)
        {
            try
            {
                // Other nodes show the running batch from the lease; progress arrives on the loader's thread.
                lease.SetBatchAsync(holder, batch, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (System.Data.Common.DbException e)
            {
                LogRenewFailed(e.Message);
            }
        }
        if (value.Phase is "start" or "landed" or "failed" or "retrying" or "done" or "recovery")
        {
            LogProgress(value.Source ?? "batch", value.Phase, value.Detail);
        }
        options.Progress?.Report(value);
    }

    // Reports on the loader's own thread (System.Progress would post to the thread pool), so a test's
    // observer can hold the load at a known step.
    private sealed class Progress(LoadRunner runner, string holder) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => runner.OnProgress(holder, value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped this {Trigger} fire: a load is already running on node {Node} (batch {BatchId}, lease until {ExpiresAt:o}).")]
    private partial void LogSkipped(string trigger, string node, string batchId, DateTimeOffset? expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting a load ({Trigger}) as {Holder}.")]
    private partial void LogStarting(string trigger, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Load {BatchId} {Status} ({Trigger}) in {Seconds:F1} s. {Message}")]
    private partial void LogFinished(string batchId, string status, string trigger, double seconds, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Trigger} load was cancelled before it started; nothing was published.")]
    private partial void LogCancelledBeforeStart(string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warehouse is busy ({Message}); attempt {Attempt}, waiting.")]
    private partial void LogBusy(string message, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The load lease of {Holder} lapsed and is no longer ours: stopping this load so that two never run at once.")]
    private partial void LogLeaseLost(string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel requested for batch {BatchId}: stopping at the next safe point; nothing of it will be published.")]
    private partial void LogCancelRequested(string batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the load lease: {Message}")]
    private partial void LogRenewFailed(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: {Phase}: {Detail}")]
    private partial void LogProgress(string source, string phase, string detail);
}
