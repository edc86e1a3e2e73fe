using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// Several `ipwh serve` processes on one PostgreSQL job store (test.sh's cluster, a schema per test).
public sealed class ClusterTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static JsonObject Store(PostgresSchema schema, int leaseSeconds) => new()
    {
        ["store"] = "postgres",
        ["connection"] = schema.Connection,
        ["checkinSeconds"] = 1,
        ["idleWaitSeconds"] = 1,
        ["leaseSeconds"] = leaseSeconds,
    };

    [PostgresFact]
    public async Task Two_nodes_one_trigger_exactly_one_load()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var warehouse = new TinyWarehouse();
        // One fire, 20 s from now (both nodes are up by then), as a daily cron in Asia/Shanghai.
        var fire = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(20), Shanghai);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{fire.Second} {fire.Minute} {fire.Hour} * * ?");
        warehouse.Configure(nightly: cron, scheduler: Store(schema, leaseSeconds: 6));

        var nodes = await Task.WhenAll(ServeProcess.StartAsync(warehouse.ConfigPath), ServeProcess.StartAsync(warehouse.ConfigPath));
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (statusA, statusB) = (await a.StatusAsync(), await b.StatusAsync());
        Assert.True(statusA.Clustered);
        Assert.NotEqual(statusA.Node, statusB.Node);
        Assert.Equal(statusA.NextFireTime, statusB.NextFireTime);
        Assert.Equal(2L, await schema.ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state"));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await a.StatusAsync()) is var status && (status.PreviousFireTime is null || status.Running is not null))
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
    public async Task A_node_killed_mid_load_hands_the_next_fire_to_the_other()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(nightly: "0/10 * * * * ?", scheduler: Store(schema, leaseSeconds: 3));

        // A takes the first fire and stops in the middle of landing (the kill tests' fault pause).
        await using var a = await ServeProcess.StartAsync(warehouse.ConfigPath, new Dictionary<string, string> { ["IPWH_FAULT_PAUSE"] = "landing" });
        await a.WaitForOutputAsync("paused at landing", TimeSpan.FromSeconds(40));
        await using var b = await ServeProcess.StartAsync(warehouse.ConfigPath);
        var running = (await b.StatusAsync()).Running;
        Assert.NotNull(running); // B sees A's load through the lease
        Assert.NotEqual((await b.StatusAsync()).Node, running.Node);

        a.Kill();
        await b.WaitForOutputAsync("succeeded (", TimeSpan.FromSeconds(90));
        await b.StopAsync();

        var runs = warehouse.Runs();
        var interrupted = runs.Single(r => r.BatchId == running.BatchId);
        Assert.Equal("failed", interrupted.Status);
        Assert.StartsWith("interrupted", interrupted.Message, StringComparison.Ordinal);
        var taken = runs.First(r => r.Status == "succeeded");
        Assert.True(taken.StartedAt > interrupted.StartedAt);
        Assert.Equal(taken.BatchId, warehouse.PublishedBatch());
    }
}
