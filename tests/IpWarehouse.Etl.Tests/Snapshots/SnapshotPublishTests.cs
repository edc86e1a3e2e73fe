using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Tests.Snapshots;

/// The snapshot follows the publish and is verified with Parquet.Net before its manifest: a snapshot that does not
/// hold what was published fails, the publish stands, and the next load writes the snapshot.
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
    public async Task A_snapshot_that_does_not_verify_fails_after_the_publish_and_the_next_load_writes_it()
    {
        var first = await new Loader(Training("E1,2024-03-01,620102,30,专利", "E2,2024-04-01,620103,20,商标"), At(1)).RunAsync(new LoadRequest());
        Assert.Equal("succeeded", first.Status);
        Assert.Equal("written", first.SnapshotStatus);
        var paths = new WarehousePaths(Path.Combine(folder.Path, "warehouse"));

        var config = Training("E1,2024-03-01,620102,30,专利", "E2,2024-04-01,620103,20,商标", "E3,2024-05-01,620104,10,版权");
        var broken = new Loader(config, At(2))
        {
            // a writer that lost a row: DuckDB's COPY never does, which is why a second implementation checks it
            SnapshotWritten = snapshot => SnapshotTampering.Rewrite(Path.Combine(snapshot, "fact_training.parquet"), "SELECT * FROM {old} LIMIT 2"),
        };
        var second = await broken.RunAsync(new LoadRequest());

        // Published all the same: readers see the new rows; the snapshot is failed, in the report, published.json and the ledger.
        Assert.Equal("succeeded", second.Status);
        Assert.Equal("failed", second.SnapshotStatus);
        Assert.Contains("快照校验失败", second.SnapshotMessage, StringComparison.Ordinal);
        Assert.Contains("fact_training.parquet: fact_training: 行数不同 row count differs: expected 3 rows, found 2 rows", second.SnapshotMessage, StringComparison.Ordinal);
        var marker = PublishedMarker.Read(paths)!;
        Assert.Equal(second.BatchId, marker.BatchId);
        Assert.Equal("failed", marker.SnapshotStatus);
        Assert.Null(marker.Snapshot);
        Assert.Equal("failed", SnapshotLedger.Find(paths, second.BatchId)!.Status);
        Assert.Equal([first.BatchId], SnapshotFolder.All(paths).Select(s => s.ReadManifest().BatchId));

        // The next load writes its own snapshot and the failed one, from the failed batch's published version.
        var third = await new Loader(config, At(3)).RunAsync(new LoadRequest());
        Assert.Equal("written", third.SnapshotStatus);
        var snapshots = SnapshotFolder.All(paths);
        Assert.Equal([first.BatchId, second.BatchId, third.BatchId], snapshots.Select(s => s.ReadManifest().BatchId));
        Assert.Equal(3, snapshots[1].ReadManifest().Tables.Single(t => t.Name == "fact_training").Rows);
        Assert.Equal("written", SnapshotLedger.Find(paths, second.BatchId)!.Status);
        Assert.True((await SnapshotVerifier.VerifyAsync(paths, snapshots[2], deep: true)).Passed);
        Assert.True((await SnapshotVerifier.VerifyAsync(paths, snapshots[1], deep: true)).Passed);
    }
}
