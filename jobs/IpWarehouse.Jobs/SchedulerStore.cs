namespace IpWarehouse.Jobs;

/// <summary>Where Quartz keeps its jobs, triggers and cluster state (ipwh.json <c>scheduler.store</c>).</summary>
public enum SchedulerStore
{
    /// <summary>A SQLite file in the warehouse folder: one node (Quartz refuses clustering on SQLite). The default.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: clustered, several <c>ipwh serve</c> nodes share one schedule.</summary>
    Postgres,

    /// <summary>SQL Server through Microsoft.Data.SqlClient: clustered like PostgreSQL. Not testable on our machines.</summary>
    SqlServer,
}
