using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// Several `ipwh serve` processes on one PostgreSQL job store (test.sh's cluster, a schema per test).
public sealed class ClusterTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static JsonObject Store(PostgresSchema schema, int leaseSeconds, int invisibilitySeconds = 30) => new()
    {
        ["store"] = "postgres",
        ["connection"] = schema.Connection,
        ["checkinSeconds"] = 1,
        ["idleWaitSeconds"] = 1,
        ["leaseSeconds"] = leaseSeconds,
        ["invisibilityTimeoutSeconds"] = invisibilitySeconds,
    };

    private static Dictionary<string, string> PauseAtLanding(int seconds) =>
        new() { ["IPWH_FAULT_PAUSE"] = "landing", ["IPWH_FAULT_PAUSE_SECONDS"] = seconds.ToString(CultureInfo.InvariantCulture) };

    private static int Count(string output, string text) => output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    [PostgresFact]
    public async Task Two_nodes_one_trigger_exactly_one_load()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var warehouse = new TinyWarehouse();
        // One fire, 20 s from now (both nodes are up by then), as a daily cron in Asia/Shanghai.
        var fire = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(20), Shanghai);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{fire.Second} {fire.Minute} {fire.Hour} * * ?");
        // Both start at once on an empty schema: both install Hangfire's tables and come up.
        warehouse.Configure(nightly: cron, scheduler: Store(schema, leaseSeconds: 6));

        var nodes = await Task.WhenAll(ServeProcess.StartAsync(warehouse.ConfigPath), ServeProcess.StartAsync(warehouse.ConfigPath));
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (statusA, statusB) = (await a.StatusAsync(), await b.StatusAsync());
        Assert.True(statusA.Clustered);
        Assert.NotEqual(statusA.Node, statusB.Node);
        Assert.Equal(statusA.NextFireTime, statusB.NextFireTime);
        Assert.Equal("Hangfire.PostgreSql", statusA.Store);
        Assert.Equal(2L, await schema.ScalarAsync<long>($"SELECT count(*) FROM {schema.Name}.server"));

        // The fire enqueues the load (previous fire time set) a moment before a worker takes it: wait for its run.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await a.StatusAsync()) is var status && (status.PreviousFireTime is null || status.Running is not null
            || !(a.Output + b.Output).Contains("succeeded (schedule)", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"A:\n{a.Output}\nB:\n{b.Output}");
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second load, if any, would have started by now

        var runs = (await a.Client.GetFromJsonAsync<List<ApiRun>>("/api/runs", TestHost.Json))!;
        var run = Assert.Single(runs);
        Assert.Equal(("succeeded", "schedule"), (run.Status, run.Trigger));
        var starts = (a.Output + "\n" + b.Output).Split('\n').Count(l => l.Contains("Starting a load", StringComparison.Ordinal));
        Assert.Equal(1, starts);
    }

    [PostgresFact]
    public async Task A_node_killed_mid_load_is_taken_over_once_by_the_other_and_published_once()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(scheduler: Store(schema, leaseSeconds: 3, invisibilitySeconds: 4));

        // A takes a run-now and stops in the middle of landing (the kill tests' fault pause).
        await using var a = await ServeProcess.StartAsync(warehouse.ConfigPath, PauseAtLanding(120));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await a.Client.PostAsync("/api/jobs/run", null)).StatusCode);
        await a.WaitForOutputAsync("paused at landing", TimeSpan.FromSeconds(40));
        await using var b = await ServeProcess.StartAsync(warehouse.ConfigPath);
        var running = (await b.StatusAsync()).Running;
        Assert.NotNull(running); // B sees A's load through the lease
        Assert.NotEqual((await b.StatusAsync()).Node, running.Node);

        a.Kill();
        await b.WaitForOutputAsync("succeeded (takeover)", TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(5)); // a second takeover, if any, would have started by now
        await b.StopAsync();
        Assert.Equal(1, Count(b.Output, "Starting a load"));
        Assert.Equal(1, Count(b.Output, "Taking over the"));

        var runs = warehouse.Runs();
        var interrupted = runs.Single(r => r.BatchId == running.BatchId);
        Assert.Equal("failed", interrupted.Status);
        Assert.StartsWith("interrupted", interrupted.Message, StringComparison.Ordinal);
        var taken = Assert.Single(runs, r => r.Status == "succeeded");
        Assert.Equal("takeover", taken.Trigger);
        Assert.True(taken.StartedAt > interrupted.StartedAt);
        Assert.Equal(taken.BatchId, warehouse.PublishedBatch());
        Assert.Single(Directory.GetFiles(warehouse.Paths.PublishedFolder, "*.duckdb"));
    }

    [PostgresFact]
    public async Task A_load_longer_than_the_invisibility_timeout_is_not_fetched_twice()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(scheduler: Store(schema, leaseSeconds: 60, invisibilitySeconds: 2));
        var nodes = await Task.WhenAll(ServeProcess.StartAsync(warehouse.ConfigPath, PauseAtLanding(12)), ServeProcess.StartAsync(warehouse.ConfigPath, PauseAtLanding(12)));
        await using var a = nodes[0];
        await using var b = nodes[1];
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await a.Client.PostAsync("/api/jobs/run", null)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!(a.Output + b.Output).Contains("succeeded (manual)", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"A:\n{a.Output}\nB:\n{b.Output}");
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Task.WhenAll(a.StopAsync(), b.StopAsync());
        var output = a.Output + "\n" + b.Output;
        Assert.Equal(1, Count(output, "paused at landing")); // 12 s of landing, six invisibility timeouts: fetched once
        Assert.Equal(1, Count(output, "Starting a load"));
        Assert.Equal(0, Count(output, "Taking over the"));
        Assert.Equal(0, Count(output, "Skipped this"));
        var run = Assert.Single(warehouse.Runs());
        Assert.Equal(("manual", "succeeded"), (run.Trigger, run.Status));
    }
}
