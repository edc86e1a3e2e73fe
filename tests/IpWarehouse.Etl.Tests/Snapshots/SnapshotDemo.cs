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
        var copy = Path.Combine(target.Path, "warehouse");
        SnapshotTampering.CopyFolder(Paths.Folder, copy);
        return new WarehousePaths(copy);
    }
}
