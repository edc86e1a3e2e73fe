namespace IpWarehouse.Jobs;

/// <summary>The nightly load as <c>GET /api/jobs</c> and <c>ipwh jobs list</c> show it.</summary>
/// <param name="Job">The job (<c>ipwh.load</c>).</param>
/// <param name="State"><c>scheduled</c>, <c>paused</c>, <c>running</c> or <c>unscheduled</c> (no <c>schedule.nightly</c>).</param>
/// <param name="Schedule">The cron expression of <c>schedule.nightly</c>, or null.</param>
/// <param name="TimeZone">The time zone it is read in.</param>
/// <param name="NextFireTime">The next nightly fire in that time zone, or null when paused or unscheduled.</param>
/// <param name="PreviousFireTime">The last nightly fire, or null.</param>
/// <param name="Running">The load running now on any node, or null.</param>
/// <param name="Node">This node's id (its Hangfire server name).</param>
/// <param name="Store">The Hangfire storage: <c>Hangfire.Storage.SQLite</c>, <c>Hangfire.PostgreSql</c> or <c>Hangfire.SqlServer</c>.</param>
/// <param name="Clustered">Whether several nodes share the store.</param>
public sealed record JobsStatus(
    string Job,
    string State,
    string? Schedule,
    string TimeZone,
    DateTimeOffset? NextFireTime,
    DateTimeOffset? PreviousFireTime,
    RunningLoad? Running,
    string Node,
    string Store,
    bool Clustered);

/// <summary>A load under way.</summary>
/// <param name="BatchId">Its batch, once it has one.</param>
/// <param name="Trigger">schedule, misfire, takeover or manual.</param>
/// <param name="Node">The node running it.</param>
/// <param name="StartedAt">When it took the lease.</param>
/// <param name="Phase">Its current phase (landing, validating, …) when it runs on this node; null elsewhere.</param>
/// <param name="Source">The source it is working on, when known.</param>
/// <param name="CancelRequested">True once a cancel was asked for.</param>
public sealed record RunningLoad(string? BatchId, string? Trigger, string Node, DateTimeOffset StartedAt, string? Phase, string? Source, bool CancelRequested);
