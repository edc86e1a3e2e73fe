using IpWarehouse.Etl.Configuration;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// A small demo warehouse (`ipwh demo --scale 0.05`, made once for the class) served by the real host on an
/// in-memory server with a fake clock, so the API can be compared with the CLI on the same publish.
public sealed class DemoApi : IAsyncLifetime, IDisposable
{
    private readonly TempFolder folder = new();

    public TestHost Host { get; private set; } = null!;

    public IpwhConfig Config { get; private set; } = null!;

    public string ConfigPath => Path.Combine(folder.Path, "demo", "ipwh.json");

    public string Folder => folder.Path;

    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        var demo = ServeProcess.Ipwh(folder.Path, "demo", "--dir", "demo", "--scale", "0.05");
        Assert.True(demo.ExitCode == 0, $"ipwh demo failed ({demo.ExitCode}):\n{demo.Stdout}\n{demo.Stderr}");
        Config = ConfigLoader.Load(ConfigPath);
        Host = await TestHost.StartAsync(Config, Clock);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        Dispose();
    }

    public void Dispose() => folder.Dispose();

    /// Runs `ipwh` with the demo's configuration.
    public ServeProcess.Result Ipwh(params string[] args) => ServeProcess.Ipwh(folder.Path, [.. args, "--config", ConfigPath]);
}
