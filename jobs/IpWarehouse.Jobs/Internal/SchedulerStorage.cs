using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Npgsql;

namespace IpWarehouse.Jobs.Internal;

// Hangfire's job storage for each store, with the options our guarantees need: one poll interval for queue and
// schedule (scheduler.idleWaitSeconds), and on the shared stores a sliding invisibility timeout, so a load that
// runs longer than the timeout is never fetched twice while its node lives, and one whose node died is taken over.
internal static class SchedulerStorage
{
    public static JobStorage Create(SchedulerSettings settings) => settings.Store switch
    {
        SchedulerStore.Sqlite => new SQLiteStorage(settings.HangfireDatabase!, new SQLiteStorageOptions
        {
            QueuePollInterval = settings.IdleWait,
            // One node, one worker: nothing else can fetch a load while it runs; after a kill -9 it is fetched again
            // once this has passed since the fetch (the lease makes that run a takeover).
            InvisibilityTimeout = settings.InvisibilityTimeout,
        }),
        SchedulerStore.Postgres => new PostgreSqlStorage(new NpgsqlConnectionFactory(settings.ConnectionString, PostgresOptions(settings)), PostgresOptions(settings)),
        SchedulerStore.SqlServer => new SqlServerStorage(settings.ConnectionString, new SqlServerStorageOptions
        {
            QueuePollInterval = settings.IdleWait,
            SlidingInvisibilityTimeout = settings.InvisibilityTimeout,
            PrepareSchemaIfNecessary = true,
            SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Store, "Not a job store."),
    };

    /// What <c>/api/jobs</c> shows as <c>store</c>: the Hangfire storage by its package name.
    public static string Name(SchedulerStore store) => store switch
    {
        SchedulerStore.Sqlite => "Hangfire.Storage.SQLite",
        SchedulerStore.Postgres => "Hangfire.PostgreSql",
        _ => "Hangfire.SqlServer",
    };

    // Hangfire's tables go into the first schema of the connection's Search Path (default: hangfire).
    internal static PostgreSqlStorageOptions PostgresOptions(SchedulerSettings settings) => new()
    {
        QueuePollInterval = settings.IdleWait,
        InvisibilityTimeout = settings.InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        PrepareSchemaIfNecessary = true,
        SchemaName = new NpgsqlConnectionStringBuilder(settings.ConnectionString).SearchPath?.Split(',')[0].Trim() is { Length: > 0 } schema ? schema : "hangfire",
    };

    /// The storage's own upkeep (expiry, counters, the sliding timeout's heartbeat), for a server that adds its
    /// schedulers itself (see <see cref="SchedulerHostedService"/>).
    public static IEnumerable<IBackgroundProcess> Processes(JobStorage storage)
    {
        if (storage.HasFeature(Hangfire.Storage.JobStorageFeatures.ProcessesInsteadOfComponents))
        {
            return storage.GetStorageWideProcesses();
        }
#pragma warning disable CS0618 // the SQLite and PostgreSQL storages still offer components
        return [.. storage.GetComponents().Select(c => (IBackgroundProcess)new ComponentProcess(c))];
#pragma warning restore CS0618
    }

#pragma warning disable CS0618
    private sealed class ComponentProcess(IServerComponent component) : IBackgroundProcess
    {
        public void Execute(BackgroundProcessContext context) => component.Execute(context.StoppingToken);

        public override string ToString() => component.ToString() ?? component.GetType().Name;
    }
#pragma warning restore CS0618
}
