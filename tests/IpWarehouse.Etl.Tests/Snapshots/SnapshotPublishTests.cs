using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Tests.Snapshots;

/// Every publish verifies its snapshot with Parquet.Net before writing its manifest: a snapshot that does not
/// hold what was published fails the publish, and readers keep the previous one.
public sealed class SnapshotPublishTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private IpwhConfig Training(params string[] events)
    {
        folder.Write("drops/training.csv", "event_id,event_date,region_code,person_times,topic\n" + string.Join("\n", events) + "\n");
        var path = folder.Write("ipwh.json", """
            { "warehouse": "warehouse", "timeZone": "Asia/Shanghai",
              "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "drops/training.csv" } ] }
            """);
        return ConfigLoader.Load(path, _ => null);
    }

    private static FixedClock At(int hour) => new(new DateTimeOffset(2025, 3, 15, hour, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_snapshot_that_does_not_verify_fails_the_publish_and_the_previous_publish_stays()
    {
        var first = await new Loader(Training("E1,2024-03-01,620102,30,专利", "E2,2024-04-01,620103,20,商标"), At(1)).RunAsync(new LoadRequest());
        Assert.Equal("succeeded", first.Status);
        var paths = new WarehousePaths(Path.Combine(folder.Path, "warehouse"));
        var marker = File.ReadAllText(paths.PublishedMarker);
        var published = File.ReadAllBytes(paths.PublishedDatabase);

        var config = Training("E1,2024-03-01,620102,30,专利", "E2,2024-04-01,620103,20,商标", "E3,2024-05-01,620104,10,版权");
        var broken = new Loader(config, At(2))
        {
            // a writer that lost a row: DuckDB's COPY never does, which is why a second implementation checks it
            SnapshotWritten = snapshot => SnapshotTampering.Rewrite(Path.Combine(snapshot, "fact_training.parquet"), "SELECT * FROM {old} LIMIT 2"),
        };
        var error = await Assert.ThrowsAsync<SnapshotException>(() => broken.RunAsync(new LoadRequest()));

        Assert.Contains("快照校验失败，本次未发布", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was published and the previous publish stays", error.Message, StringComparison.Ordinal);
        Assert.Contains("fact_training.parquet: fact_training: 行数不同 row count differs: expected 3 rows, found 2 rows", error.Message, StringComparison.Ordinal);
        Assert.Equal("fact_training.parquet", error.File);
        Assert.Equal(marker, File.ReadAllText(paths.PublishedMarker));
        Assert.Equal(published, File.ReadAllBytes(paths.PublishedDatabase));
        Assert.Equal([first.BatchId], SnapshotFolder.All(paths).Select(s => s.ReadManifest().BatchId));

        // The batch is committed: the next load publishes it (its snapshot verifies now), then its own.
        var third = await new Loader(config, At(3)).RunAsync(new LoadRequest());
        Assert.Equal("succeeded", third.Status);
        var snapshots = SnapshotFolder.All(paths);
        Assert.Equal(3, snapshots.Count);
        Assert.Equal(error.BatchId, snapshots[1].ReadManifest().BatchId);
        Assert.Equal(3, snapshots[1].ReadManifest().Tables.Single(t => t.Name == "fact_training").Rows);
        Assert.True((await SnapshotVerifier.VerifyAsync(paths, snapshots[2], deep: true)).Passed);
    }
}
