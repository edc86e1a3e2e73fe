namespace IpWarehouse.Jobs;

/// <summary>Where Hangfire keeps its jobs, the nightly recurring job and its servers, and we the lease and the pause (ipwh.json <c>scheduler.store</c>).</summary>
public enum SchedulerStore
{
    /// <summary>Hangfire.Storage.SQLite in the warehouse folder: one node (a second <c>ipwh serve</c> on it refuses to start). The default.</summary>
    Sqlite,

    /// <summary>Hangfire.PostgreSql (PostgreSQL, KingbaseES, openGauss): clustered, several <c>ipwh serve</c> nodes share one schedule.</summary>
    Postgres,

    /// <summary>Hangfire.SqlServer over Microsoft.Data.SqlClient: clustered like PostgreSQL. Not testable on our machines.</summary>
    SqlServer,
}
