using System.Text.Json.Nodes;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Warehouse;
using IpWarehouse.Jobs.Tests.Infrastructure;
using Npgsql;

namespace IpWarehouse.Jobs.Tests;

/// Retries of transient source failures in a real load, and what a source that still fails leaves behind.
public sealed class RetryLoadTests
{
    private static readonly DateTimeOffset Night = new(2025, 3, 10, 17, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_source_that_keeps_failing_is_marked_failed_the_rest_publish_and_its_old_data_shows_stale()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.EventsDatabase();
        var sqlite = TinyWarehouse.EventsSource();
        var first = await new Loader(warehouse.Configure(moreSources: sqlite), new FakeClock(Night)).RunAsync(new LoadRequest());
        Assert.Equal("succeeded", first.Status);

        // The next night the department's database has moved to a server that refuses connections.
        var refused = new JsonObject
        {
            ["name"] = "events-db", ["kind"] = "training", ["connector"] = "postgres",
            ["connection"] = $"Host=127.0.0.1;Port={ServeProcess.FreePort()};Username=ipwh;Database=events;Timeout=5", ["table"] = "events",
        };
        var clock = new FakeClock(Night.AddHours(24));
        var retry = new SourceRetryPolicy { MaxAttempts = 3, FirstDelay = TimeSpan.FromSeconds(30), Clock = clock, Random = () => 0 };
        var second = await new Loader(warehouse.Configure(moreSources: refused), clock).RunAsync(new LoadRequest { Retry = retry, Trigger = "schedule" });

        Assert.Equal("partial", second.Status);
        Assert.NotNull(second.PublishedDatabase);
        var failed = second.Sources.Single(s => s.Name == "events-db");
        Assert.Equal("failed", failed.Status);
        Assert.Contains("cannot connect", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("(gave up after 3 attempts)", failed.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)], clock.Waits);
        Assert.Equal("succeeded", second.Sources.Single(s => s.Name == "training").Status);

        // Its last good data stays published, and the history says how old it is.
        using (var published = WarehouseConnections.OpenPublished(warehouse.Paths))
        using (var count = published.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM fact_training WHERE source_name = 'events-db'";
            Assert.Equal(2L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
        var runs = warehouse.Runs();
        var stale = runs[0].Sources.Single(s => s.Name == "events-db");
        Assert.True(stale.IsStale);
        Assert.Equal(first.StartedAt.UtcDateTime, stale.StaleDataAsOf);
        // the first load started at Night, the second 24 h later (its clock moved on only during the retry waits)
        Assert.Equal(TimeSpan.FromHours(24), stale.StaleAge(runs[0].StartedAt));
        Assert.False(runs[0].Sources.Single(s => s.Name == "training").IsStale);
        Assert.False(runs[1].Sources.Single(s => s.Name == "events-db").IsStale);

        var json = ServeProcess.Ipwh(warehouse.Folder, "runs", "--config", warehouse.ConfigPath, "--format", "json");
        Assert.Contains("\"stale\": true", json.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"stale_age_hours\": 24", json.Stdout, StringComparison.Ordinal);
        var table = ServeProcess.Ipwh(warehouse.Folder, "runs", "--config", warehouse.ConfigPath);
        Assert.Contains("events-db failed: 0 / 0 / 0", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("陈旧 stale: data as of 2025-03-10 17:30 UTC (24.0 h old)", table.Stdout, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_locked_postgres_table_is_retried_after_the_backoff_and_then_loads()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var warehouse = new TinyWarehouse();
        await using var holder = new NpgsqlConnection(schema.Connection);
        await holder.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE events (event_id text, event_date text, region_code text, person_times int); " +
            "INSERT INTO events VALUES ('P1', '2024-05-01', '620102', 12), ('P2', '2024-06-01', '620104', 8), ('P3', '2024-07-01', '620105', 5)", holder))
        {
            await create.ExecuteNonQueryAsync();
        }
        // Another program holds the table: the source's queries give up after 300 ms with lock_not_available (55P03).
        var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE events IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }
        var source = new JsonObject
        {
            ["name"] = "events-pg", ["kind"] = "training", ["connector"] = "postgres",
            ["connection"] = schema.Connection + ";Options=-c lock_timeout=300", ["table"] = "events",
        };
        IpwhConfig config = warehouse.Configure(moreSources: source);
        var clock = new FakeClock(Night);
        // The other program lets go while the loader waits for its first retry.
        clock.OnWait = _ => transaction.Commit();
        var progress = new List<LoadProgress>();
        var report = await new Loader(config, clock).RunAsync(
            new LoadRequest { Retry = new SourceRetryPolicy { MaxAttempts = 3, FirstDelay = TimeSpan.FromSeconds(40), Clock = clock, Random = () => 0.25 } },
            new ListProgress(progress));

        Assert.Equal("succeeded", report.Status);
        var loaded = report.Sources.Single(s => s.Name == "events-pg");
        Assert.Equal((3L, 3L), (loaded.RowsRead, loaded.RowsAccepted));
        // nominal 40 s; jitter 0.25 takes off 3/8: 25 s
        Assert.Equal([TimeSpan.FromSeconds(25)], clock.Waits);
        var retrying = Assert.Single(progress, p => p.Phase == "retrying");
        Assert.Equal("events-pg", retrying.Source);
        Assert.Contains("attempt 1 failed", retrying.Detail, StringComparison.Ordinal);
    }

    private sealed class ListProgress(List<LoadProgress> list) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => list.Add(value);
    }
}
