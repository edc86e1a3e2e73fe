using System.Text.Json;
using IpWarehouse.Etl;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Jobs;

/// <summary>
/// The <c>scheduler</c> section of ipwh.json. Every key is optional:
/// <code>
/// "scheduler": {
///   "store": "sqlite",                // sqlite (default) | postgres | sqlserver: Hangfire's job storage
///   "connection": "Host=…;Database=…", // postgres/sqlserver; sqlite defaults to warehouse/scheduler/ (ipwh.db and hangfire.db)
///   "name": "ipwh",                   // the start of each node's Hangfire server name
///   "checkinSeconds": 15,             // server heartbeat; a node silent for 4 times longer is removed from the dashboard's servers
///   "idleWaitSeconds": 5,             // how often an idle node looks for due loads (queue and schedule polling)
///   "misfireThresholdSeconds": 60,    // a nightly fire later than this is labelled misfire in ipwh runs
///   "leaseSeconds": 60,               // the load lease lapses this long after its holder stops renewing it
///   "invisibilityTimeoutSeconds": 300, // postgres/sqlserver: a load whose node stops renewing it this long is taken over
///   "retry": { "attempts": 4, "firstDelaySeconds": 30, "maxDelaySeconds": 600 }
/// }
/// </code>
/// </summary>
public sealed record SchedulerSettings
{
    /// <summary>The job store.</summary>
    public SchedulerStore Store { get; init; } = SchedulerStore.Sqlite;

    /// <summary>The ADO.NET connection string of the store (Hangfire's tables and ours, the load lease and the pause).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>SQLite only: Hangfire's own database file (hangfire.db beside ours).</summary>
    public string? HangfireDatabase { get; init; }

    /// <summary>The start of each node's Hangfire server name.</summary>
    public string Name { get; init; } = "ipwh";

    /// <summary>True for PostgreSQL and SQL Server: several nodes may share the store.</summary>
    public bool Clustered => Store != SchedulerStore.Sqlite;

    /// <summary>How often a node checks in with the cluster.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an idle node waits before looking for due triggers again.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a fetched load stays invisible to other nodes after its node stops renewing it (PostgreSQL, SQL Server).</summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A fire later than this counts as missed.</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the load lease lasts without renewal; the holder renews it every third of this.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of sources that fail transiently.</summary>
    public SourceRetryPolicy Retry { get; init; } = new();

    /// <summary>The nightly cron expression (ipwh.json <c>schedule.nightly</c>), or null for no nightly load.</summary>
    public string? Nightly { get; init; }

    /// <summary><see cref="Nightly"/> parsed (<see cref="NightlySchedule.Parse(IpwhConfig)"/>).</summary>
    public Cronos.CronExpression? NightlyCron { get; init; }

    /// <summary>The time zone the cron expression is read in (ipwh.json <c>timeZone</c>).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Reads the section; a bad value is a <see cref="ConfigException"/> naming the field and the fix.</summary>
    public static SchedulerSettings FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = new Section(config, "scheduler",
            ["store", "connection", "name", "checkinSeconds", "idleWaitSeconds", "misfireThresholdSeconds", "leaseSeconds", "invisibilityTimeoutSeconds", "retry"]);
        var store = section.String("store")?.ToUpperInvariant() switch
        {
            null or "SQLITE" => SchedulerStore.Sqlite,
            "POSTGRES" or "POSTGRESQL" => SchedulerStore.Postgres,
            "SQLSERVER" => SchedulerStore.SqlServer,
            _ => throw section.Error("store", $"'{section.String("store")}' is not a job store", "Use sqlite (default), postgres or sqlserver"),
        };
        var connection = section.String("connection");
        string? hangfire = null;
        if (store == SchedulerStore.Sqlite)
        {
            connection ??= $"Data Source={Path.Combine(config.Warehouse, "scheduler", "ipwh.db")}";
            var ours = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            if (string.IsNullOrWhiteSpace(ours) || ours == ":memory:")
            {
                throw section.Error("connection", "must name a SQLite file", "Write \"Data Source=warehouse/scheduler/ipwh.db\" or leave it out");
            }
            hangfire = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ours))!, "hangfire.db");
        }
        else if (string.IsNullOrWhiteSpace(connection))
        {
            throw section.Error("connection", $"is required when store is {store.ToString().ToLowerInvariant()}",
                "Give the job store's connection string, e.g. \"Host=db;Database=ipwh_scheduler;Username=ipwh;Password=${IPWH_SCHEDULER_PASSWORD}\"");
        }
        var nightly = NightlySchedule.Parse(config);
        var retry = new Section(config, "scheduler.retry", ["attempts", "firstDelaySeconds", "maxDelaySeconds"], section.Object("retry"));
        return new SchedulerSettings
        {
            Store = store,
            ConnectionString = connection,
            HangfireDatabase = hangfire,
            Name = section.String("name") ?? "ipwh",
            CheckinInterval = section.Seconds("checkinSeconds") ?? TimeSpan.FromSeconds(15),
            IdleWait = section.Seconds("idleWaitSeconds") ?? TimeSpan.FromSeconds(5),
            InvisibilityTimeout = section.Seconds("invisibilityTimeoutSeconds") ?? TimeSpan.FromMinutes(5),
            MisfireThreshold = section.Seconds("misfireThresholdSeconds") ?? TimeSpan.FromSeconds(60),
            LeaseDuration = section.Seconds("leaseSeconds") ?? TimeSpan.FromSeconds(60),
            Retry = new SourceRetryPolicy
            {
                MaxAttempts = (int?)retry.Number("attempts") ?? 4,
                FirstDelay = retry.Seconds("firstDelaySeconds") ?? TimeSpan.FromSeconds(30),
                MaxDelay = retry.Seconds("maxDelaySeconds") ?? TimeSpan.FromMinutes(10),
            },
            Nightly = config.Schedule.Nightly,
            NightlyCron = nightly,
            TimeZone = config.TimeZone,
        };
    }

    /// Reads one object section of ipwh.json, failing on unknown keys so a misspelt setting never
    /// silently falls back to its default.
    private sealed class Section
    {
        private readonly IpwhConfig config;
        private readonly string path;
        private readonly JsonElement? element;
        private readonly string[] known;

        internal Section(IpwhConfig config, string path, string[] known, JsonElement? element = null)
        {
            this.config = config;
            this.path = path;
            this.known = known;
            this.element = element ?? config.Section(path);
            if (this.element is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null } bad)
            {
                throw Error(null, $"must be an object, not {bad.ValueKind}", $"Write \"{path}\": {{ … }}");
            }
        }

        private JsonElement? Get(string key)
        {
            if (element is not { ValueKind: JsonValueKind.Object } value)
            {
                return null;
            }
            foreach (var property in value.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error(property.Name, "is not a setting" + ConfigKeys.DidYouMean(property.Name, known),
                        $"The keys of {path} are {string.Join(", ", known)}");
                }
            }
            return value.TryGetProperty(key, out var found) && found.ValueKind != JsonValueKind.Null ? found : null;
        }

        internal JsonElement? Object(string key) => Get(key);

        internal string? String(string key) => Get(key) is not { } value ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw Error(key, $"must be a string, not {value.ValueKind}", $"Write {key} in double quotes");

        internal double? Number(string key) => Get(key) is not { } value ? null
            : value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0 ? value.GetDouble()
            : throw Error(key, $"must be a positive number, not {value}", $"Write {key} as a number such as 30");

        internal TimeSpan? Seconds(string key) => Number(key) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

        internal ConfigException Error(string? key, string problem, string fix)
        {
            var field = key is null ? path : path + "." + key;
            return new ConfigException($"{config.ConfigPath}: field '{field}': {problem}. {fix}.") { ConfigPath = config.ConfigPath, Field = field };
        }
    }
}
