using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl;

namespace IpWarehouse.Jobs.Internal;

// Starts Quartz on the persistent store after creating or migrating its tables, keeps the nightly
// trigger in line with ipwh.json, and on shutdown cancels a running load and waits for it to reach a
// safe point (the loader's next cancellation check; a publish under way is finished, never cut).
internal sealed partial class SchedulerHostedService(
    SchedulerSettings settings,
    ServiceJobFactory jobFactory,
    TimeProvider clock,
    JobsHostOptions options,
    ILoggerFactory loggerFactory,
    ILogger<SchedulerHostedService> logger) : IHostedService
{
    private readonly TaskCompletionSource<IScheduler> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IScheduler> Scheduler => started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Quartz reads the time through its own static clock; ours is the injected one (a fake in tests).
            SystemTime.UtcNow = () => clock.GetUtcNow();
            SystemTime.Now = () => clock.GetLocalNow();
            Quartz.Logging.LogContext.SetCurrentLogProvider(loggerFactory);

            await JobStoreSchema.ApplyAsync(settings, cancellationToken).ConfigureAwait(false);
            var factory = new StdSchedulerFactory(QuartzProperties.For(settings, options.InstanceId));
            var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
            scheduler.JobFactory = jobFactory;
            await EnsureScheduleAsync(scheduler, cancellationToken).ConfigureAwait(false);
            await scheduler.Start(cancellationToken).ConfigureAwait(false);
            LogStarted(settings.Store, settings.Clustered, scheduler.SchedulerInstanceId, settings.Nightly, settings.TimeZone.Id);
            started.TrySetResult(scheduler);
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!started.Task.IsCompletedSuccessfully)
        {
            return;
        }
        var scheduler = started.Task.Result;
        var running = await scheduler.GetCurrentlyExecutingJobs(cancellationToken).ConfigureAwait(false);
        if (running.Count > 0)
        {
            LogStopping(running.Count);
            await scheduler.Interrupt(JobKeys.Load, cancellationToken).ConfigureAwait(false);
        }
        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
    }

    // The job is durable and (re)written at every start; the nightly trigger is left alone when ipwh.json
    // still says the same, so its next fire time, and with it a night missed while down, survives restarts.
    private async Task EnsureScheduleAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<LoadJob>()
            .WithIdentity(JobKeys.Load)
            .WithDescription("ipwh load: every source of ipwh.json, then publish")
            .StoreDurably()
            .Build();
        await scheduler.AddJob(job, replace: true, storeNonDurableWhileAwaitingScheduling: true, cancellationToken).ConfigureAwait(false);

        var existing = await scheduler.GetTrigger(JobKeys.Nightly, cancellationToken).ConfigureAwait(false) as ICronTrigger;
        if (settings.Nightly is not { } cron)
        {
            if (existing is not null)
            {
                await scheduler.UnscheduleJob(JobKeys.Nightly, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        if (existing is not null && existing.CronExpressionString == cron && existing.TimeZone.Id == settings.TimeZone.Id)
        {
            return;
        }
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKeys.Nightly)
            .ForJob(JobKeys.Load)
            .WithDescription($"nightly load: {cron} in {settings.TimeZone.Id}")
            // A night missed while no node was up runs once at start, never as a backlog.
            .WithCronSchedule(cron, b => b.InTimeZone(settings.TimeZone).WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        if (existing is null)
        {
            try
            {
                await scheduler.ScheduleJob(trigger, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // another node of the cluster scheduled it a moment ago
            }
        }
        else
        {
            await scheduler.RescheduleJob(JobKeys.Nightly, trigger, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started: store {Store}, clustered {Clustered}, node {Node}, nightly {Cron} in {TimeZone}.")]
    private partial void LogStarted(SchedulerStore store, bool clustered, string node, string? cron, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: cancelling {Count} running load(s) and waiting for a safe point (a publish under way is finished).")]
    private partial void LogStopping(int count);
}
