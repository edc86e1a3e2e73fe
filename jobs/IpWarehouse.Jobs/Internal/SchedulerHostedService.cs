using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpWarehouse.Jobs.Internal;

// Starts Hangfire on the store: our tables first (lease, pause), the SQLite store's one-process lock, the nightly
// recurring job in line with ipwh.json, and one worker. Its schedulers read the time from our clock (a fake one
// in tests). On shutdown it stops the worker, which cancels a running load at its next safe point (a publish under
// way is finished, never cut); the load ends cancelled and is not rerun at the next start.
internal sealed partial class SchedulerHostedService(
    SchedulerSettings settings,
    ServerSettings server,
    SchedulerNode node,
    LocalLoad local,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILogger<SchedulerHostedService> logger) : IHostedService, IDisposable
{
    public const string NightlyId = "ipwh.nightly";

    private readonly TaskCompletionSource<JobStorage> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BackgroundJobServer? jobServer;
    private ServeLock? serveLock;

    public Task<JobStorage> Storage => started.Task;

    private readonly string storageName = SchedulerStorage.Name(settings.Store);

    public Func<DateTime> Now => () => clock.GetUtcNow().UtcDateTime;

    /// Takes the SQLite store's lock, creates our tables and opens Hangfire's storage: before the host listens, so a
    /// second `ipwh serve` on one SQLite store, or a store that cannot be reached, fails at start with the reason.
    public JobStorage Open()
    {
        if (started.Task.IsCompletedSuccessfully)
        {
            return started.Task.Result;
        }
        try
        {
            if (settings.Store == SchedulerStore.Sqlite)
            {
                serveLock = ServeLock.Take(Path.GetDirectoryName(settings.HangfireDatabase)!, node.Id, server.Urls, clock);
            }
            JobStoreSchema.ApplyAsync(settings).GetAwaiter().GetResult();
            var storage = CreateStorageAsync(CancellationToken.None).GetAwaiter().GetResult();
            started.TrySetResult(storage);
            return storage;
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            serveLock?.Dispose();
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = Open();
        var filters = JobFilterProviders.Providers;
        EnsureSchedule(new RecurringJobManager(storage, filters, new DefaultTimeZoneResolver(), Now));
        var options = new BackgroundJobServerOptions
        {
            ServerName = node.Id,
            // One load at a time per node; the lease keeps it to one on the whole cluster.
            WorkerCount = 1,
            // The schedulers are added below with our clock; the storage's upkeep with them.
            IsLightweightServer = true,
            SchedulePollingInterval = settings.IdleWait,
            HeartbeatInterval = settings.CheckinInterval,
            ServerTimeout = settings.CheckinInterval * 4,
            ServerCheckInterval = settings.CheckinInterval,
            StopTimeout = TimeSpan.Zero,
            ShutdownTimeout = TimeSpan.FromMinutes(5),
            Activator = new AspNetCoreJobActivator(scopes),
            FilterProvider = filters,
        };
        IBackgroundProcess[] processes =
        [
            new DelayedJobScheduler(settings.IdleWait),
            new RecurringJobScheduler(new BackgroundJobFactory(filters), settings.IdleWait, new DefaultTimeZoneResolver(), Now),
            .. SchedulerStorage.Processes(storage),
        ];
        jobServer = new BackgroundJobServer(options, storage, processes);
        LogStarted(storageName, settings.Clustered, node.Id, settings.Nightly, settings.TimeZone.Id);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (jobServer is null)
        {
            return;
        }
        if (local.Current is not null)
        {
            LogStopping();
        }
        jobServer.SendStop();
        await jobServer.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        Dispose();
    }

    public void Dispose()
    {
        jobServer?.Dispose();
        jobServer = null;
        if (started.Task.IsCompletedSuccessfully)
        {
            (started.Task.Result as IDisposable)?.Dispose();
        }
        serveLock?.Dispose();
        serveLock = null;
    }

    // Two nodes starting on an empty PostgreSQL schema at once: one schema install was seen failing once and
    // succeeding on retry, so the storage is created again a few times before start fails.
    private async Task<JobStorage> CreateStorageAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return SchedulerStorage.Create(settings);
            }
            catch (Exception e) when (settings.Clustered && attempt < 5 && e is not OperationCanceledException)
            {
                LogInstallRetry(attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The recurring job is written at every start; Hangfire keeps its next execution when the cron and time zone
    // are unchanged, so a night missed while down runs once at start (Relaxed), never as a backlog.
    private void EnsureSchedule(RecurringJobManager manager)
    {
        if (settings.Nightly is not { } cron)
        {
            manager.RemoveIfExists(NightlyId);
            return;
        }
        manager.AddOrUpdate<LoadJob>(NightlyId, job => job.RunAsync(LoadJob.Nightly, "schedule", null, null, null, CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = settings.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started: Hangfire on {Store}, clustered {Clustered}, node {Node}, nightly {Cron} in {TimeZone}.")]
    private partial void LogStarted(string store, bool clustered, string node, string? cron, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: cancelling the running load and waiting for a safe point (a publish under way is finished).")]
    private partial void LogStopping();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the scheduler's tables failed (attempt {Attempt}): {Message}; trying again.")]
    private partial void LogInstallRetry(int attempt, string message);
}
