using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Tests.Snapshots;

/// A small demo (seed 7, scale 0.02) loaded once, so its publish wrote and verified a snapshot with year
/// partitions. Each test works on its own copy of the warehouse folder, which it may tamper with.
public sealed class SnapshotDemo : IAsyncLifetime, IDisposable
{
    private readonly TempFolder folder = new();

    public WarehousePaths Paths { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var summary = DemoGenerator.Generate(folder.Path, seed: 7, scale: 0.02, FixedClock.Default);
        var loader = new Loader(ConfigLoader.Load(summary.ConfigPath), FixedClock.Default);
        var report = await loader.RunAsync(new LoadRequest { Trigger = "demo" });
        Assert.Equal("succeeded", report.Status);
        Paths = loader.Paths;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => folder.Dispose();

    /// A copy of the loaded warehouse folder (published file, marker, snapshot) in <paramref name="target"/>.
    public WarehousePaths CopyTo(TempFolder target)
    {
        foreach (var file in Directory.EnumerateFiles(Paths.Folder, "*", SearchOption.AllDirectories))
        {
            var copy = target.File(Path.Combine("warehouse", Path.GetRelativePath(Paths.Folder, file)));
            File.Copy(file, copy);
        }
        return new WarehousePaths(Path.Combine(target.Path, "warehouse"));
    }

    /// Rewrites a snapshot file with DuckDB from a query over its old content (<c>{old}</c>), keeping the old file's
    /// key/value metadata unless <paramref name="keepMetadata"/> is false: what a broken writer or a careless hand leaves.
    public static void Rewrite(string file, string query, bool keepMetadata = true)
    {
        var old = file + ".old";
        File.Move(file, old);
        using (var duckDb = new StagingWarehouse())
        {
            var pairs = duckDb.Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{old}')").Select(kv => $"{kv[0]}: '{kv[1]}'");
            var metadata = keepMetadata ? $", KV_METADATA {{{string.Join(", ", pairs)}}}" : "";
            var source = $"read_parquet('{old}', hive_partitioning = false)";
            duckDb.Scalar($"COPY ({query.Replace("{old}", source, StringComparison.Ordinal)}) TO '{file}' (FORMAT parquet{metadata})");
        }
        File.Delete(old);
    }
}
