using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// The web keeps answering from the last publish while a load runs, and shows the new publish on the
/// next request once published.json names it (each request opens the current version by its own path:
/// DuckDB.NET would keep serving a file renamed over a path it has open, 50 rows instead of 100).
public sealed class PublishWhileServingTests
{
    [Fact]
    public async Task Pages_keep_answering_during_a_load_and_see_the_new_publish_when_it_is_complete()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(scheduler: new JsonObject { ["name"] = "t-serve-load", ["idleWaitSeconds"] = 1 });
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(8)));
        using var hold = new HoldAt("indicators");
        await using var host = await TestHost.StartAsync(config, clock, hold);

        await host.Client.PostAsync("/api/jobs/run", null);
        var first = Assert.Single(await host.WaitForRunsAsync(1));
        Assert.Equal(first.BatchId, await PublishedBatch(host));
        var before = await host.Client.GetStringAsync("/api/indicators?year=2024&region=620100");

        // Second load, held just before it builds the marts and publishes; the reader answers meanwhile.
        File.AppendAllText(Path.Combine(warehouse.Folder, "drops", "training.csv"), "E3,2024-05-01,620102,50,版权\n");
        hold.Arm();
        clock.Advance(TimeSpan.FromHours(1));
        await host.Client.PostAsync("/api/jobs/run", null);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var running = (await host.StatusAsync()).Running!;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first.BatchId, await PublishedBatch(host));
            Assert.Equal(before, await host.Client.GetStringAsync("/api/indicators?year=2024&region=620100"));
            using var sql = await host.Client.PostAsync("/api/sql", new StringContent("""{"sql":"SELECT count(*) AS n FROM fact_training"}"""));
            Assert.Equal(HttpStatusCode.OK, sql.StatusCode);
        }
        hold.Release();

        var runs = await host.WaitForRunsAsync(2);
        Assert.Equal(running.BatchId, runs[0].BatchId);
        Assert.Equal(running.BatchId, await PublishedBatch(host));
        var after = JsonDocument.Parse(await host.Client.GetStringAsync("/api/indicators?year=2024&region=620100")).RootElement;
        var training = after.EnumerateArray().Single(v => v.GetProperty("indicator").GetString() == "training_person_times");
        Assert.Equal(100, training.GetProperty("value").GetDouble()); // 30 + 20 + the new 50, all under 兰州市
    }

    private static async Task<string?> PublishedBatch(TestHost host) =>
        JsonDocument.Parse(await host.Client.GetStringAsync("/api/meta")).RootElement.GetProperty("batch_id").GetString();
}
