using IpWarehouse.Etl;
using Microsoft.Extensions.Logging;
using Quartz;

namespace IpWarehouse.Jobs.Internal;

// The Quartz job behind every trigger (nightly, missed night, run now). Quartz keeps one job from
// overlapping itself on the whole cluster ([DisallowConcurrentExecution] with a clustered store); the
// runner's lease makes any fire that slips past that a logged no-op.
[DisallowConcurrentExecution]
internal sealed partial class LoadJob(LoadRunner runner, SchedulerSettings settings, ILogger<LoadJob> logger) : IJob
{
    public const string TriggerKey = "trigger";

    /// The one source a run-now re-reads in full; absent or empty for every source.
    public const string SourceKey = "source";

    public async Task Execute(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trigger = Kind(context, settings.MisfireThreshold);
        var holder = $"{context.Scheduler.SchedulerInstanceId}/{context.FireInstanceId}";
        try
        {
            var source = context.Trigger.JobDataMap.TryGetValue(SourceKey, out var value) && value is string { Length: > 0 } name ? name : null;
            await runner.RunAsync(trigger, holder, context.CancellationToken, source).ConfigureAwait(false);
        }
        catch (EtlException e)
        {
            LogFailed(trigger, e.Message);
            throw new JobExecutionException(e.Message, e, refireImmediately: false);
        }
    }

    // manual: run now (its trigger says so); misfire: Quartz fired a night missed while no node was up,
    // later than the misfire threshold (ScheduledFireTimeUtc keeps the missed time); else the schedule.
    internal static string Kind(IJobExecutionContext context, TimeSpan misfireThreshold)
    {
        if (context.Trigger.JobDataMap.TryGetValue(TriggerKey, out var kind) && kind is string text)
        {
            return text;
        }
        return context.ScheduledFireTimeUtc is { } scheduled && context.FireTimeUtc - scheduled > misfireThreshold ? "misfire" : "schedule";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Trigger} load failed: {Message}")]
    private partial void LogFailed(string trigger, string message);
}
