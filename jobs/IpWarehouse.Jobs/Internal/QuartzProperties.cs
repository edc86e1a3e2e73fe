using System.Collections.Specialized;
using System.Globalization;

namespace IpWarehouse.Jobs.Internal;

// Quartz's configuration for our persistent store: AdoJobStore (JobStoreTX) on the job store's
// database, our JSON serializer, clustering on PostgreSQL and SQL Server only.
internal static class QuartzProperties
{
    public const string DataSource = "ipwh";

    public static NameValueCollection For(SchedulerSettings settings, string? instanceId)
    {
        static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = settings.Name,
            // AUTO: host name + start ticks, unique per node; clustered nodes must differ.
            ["quartz.scheduler.instanceId"] = instanceId ?? "AUTO",
            ["quartz.scheduler.idleWaitTime"] = Milliseconds(settings.IdleWait),
            ["quartz.threadPool.maxConcurrency"] = "3",
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = StoreConnections.QuartzDelegate(settings.Store),
            ["quartz.jobStore.dataSource"] = DataSource,
            ["quartz.jobStore.tablePrefix"] = "QRTZ_",
            // Job data as strings: stored as a flat JSON object by JsonObjectSerializer.
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.misfireThreshold"] = Milliseconds(settings.MisfireThreshold),
            ["quartz.jobStore.clustered"] = settings.Clustered ? "true" : "false",
            ["quartz.jobStore.clusterCheckinInterval"] = Milliseconds(settings.CheckinInterval),
            ["quartz.dataSource.ipwh.connectionString"] = settings.ConnectionString,
            ["quartz.dataSource.ipwh.provider"] = StoreConnections.QuartzProvider(settings.Store),
            ["quartz.serializer.type"] = typeof(JsonObjectSerializer).AssemblyQualifiedName!,
        };
    }
}
