using System.Net;
using System.Text.Json.Nodes;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// Real `ipwh serve` processes on the default SQLite store: what a signal, a crowd of requests or a second
/// process does to the schedule.
public sealed class ServeSchedulerTests
{
    private static JsonObject Scheduler() => new() { ["idleWaitSeconds"] = 1, ["checkinSeconds"] = 1 };

    private static Dictionary<string, string> PauseAtLanding(int seconds) =>
        new() { ["IPWH_FAULT_PAUSE"] = "landing", ["IPWH_FAULT_PAUSE_SECONDS"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Of_twenty_run_requests_at_once_exactly_one_is_accepted_and_one_load_runs()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(scheduler: Scheduler());
        await using var node = await ServeProcess.StartAsync(warehouse.ConfigPath, PauseAtLanding(4));
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => node.Client.PostAsync("/api/jobs/run", null)));
        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Accepted));
        Assert.Equal(19, codes.Count(c => c == HttpStatusCode.Conflict));
        var refused = await answers.First(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.Contains("已有装载正在运行", refused, StringComparison.Ordinal);

        await node.WaitForOutputAsync("succeeded (manual)", TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second load, if any was queued, would have started by now
        await node.StopAsync();
        var runs = warehouse.Runs();
        Assert.True(runs.Count == 1, string.Join('\n', runs.Select(r => $"{r.BatchId} {r.Trigger} {r.Status} {r.Message}")) + "\n" + node.Output);
        var run = runs[0];
        Assert.Equal(("manual", "succeeded"), (run.Trigger, run.Status));
        Assert.Equal(1, node.Output.Split('\n').Count(l => l.Contains("Starting a load", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sigterm_mid_load_cancels_it_and_the_next_start_does_not_run_it_again()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(scheduler: Scheduler());
        await using (var node = await ServeProcess.StartAsync(warehouse.ConfigPath, PauseAtLanding(3)))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await node.Client.PostAsync("/api/jobs/run", null)).StatusCode);
            await node.WaitForOutputAsync("paused at landing", TimeSpan.FromSeconds(60));
            await node.StopAsync();
            Assert.Contains("cancelled (manual)", node.Output, StringComparison.Ordinal);
        }
        var cancelled = Assert.Single(warehouse.Runs());
        Assert.Equal("cancelled", cancelled.Status);
        Assert.Null(warehouse.PublishedBatch());

        await using (var again = await ServeProcess.StartAsync(warehouse.ConfigPath))
        {
            await Task.Delay(TimeSpan.FromSeconds(5)); // five polls of the queue: a requeued load would have started
            Assert.Null((await again.StatusAsync()).Running);
            Assert.DoesNotContain("Starting a load", again.Output, StringComparison.Ordinal);
            await again.StopAsync();
        }
        Assert.Single(warehouse.Runs());
    }

    [Fact]
    public async Task A_second_serve_on_one_sqlite_store_refuses_and_names_the_first()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(scheduler: Scheduler());
        await using var first = await ServeProcess.StartAsync(warehouse.ConfigPath);
        var node = (await first.StatusAsync()).Node;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServeProcess.StartAsync(warehouse.ConfigPath));
        Assert.Contains("已被另一个 ipwh serve 占用", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"节点 {node}", refused.Message, StringComparison.Ordinal);
        Assert.Contains(first.Url, refused.Message, StringComparison.Ordinal);

        // Once the first is gone (even by kill -9: the kernel drops its lock), a new one starts.
        first.Kill();
        await using var next = await ServeProcess.StartAsync(warehouse.ConfigPath);
        Assert.Equal("Hangfire.Storage.SQLite", (await next.StatusAsync()).Store);
    }
}
