using IpWarehouse.Etl.Demo;

namespace IpWarehouse.Cli.Tests;

/// One small demo (seed 7, scale 0.02), loaded once by the real `ipwh load`, for the planning commands'
/// tests, which only read the published warehouse.
public sealed class PlanningDemo : IDisposable
{
    private readonly TempFolder folder = new();

    public PlanningDemo()
    {
        Summary = DemoGenerator.Generate(folder.Path, seed: 7, scale: 0.02, TimeProvider.System);
        var load = Ipwh.Run(folder.Path, null, "load", "--config", Summary.ConfigPath);
        if (load.ExitCode != 0)
        {
            throw new InvalidOperationException($"ipwh load of the demo failed: {load.Stdout}\n{load.Stderr}");
        }
    }

    public DemoSummary Summary { get; }

    public string Folder => folder.Path;

    internal Ipwh.Result Run(params string[] args) => Ipwh.Run(folder.Path, null, [.. args, "--config", Summary.ConfigPath]);

    /// The output of a command that must succeed.
    internal string Ok(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"ipwh {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }

    /// The JSON a command prints with --format json.
    internal System.Text.Json.JsonElement Json(params string[] args) =>
        System.Text.Json.JsonDocument.Parse(Ok([.. args, "--format", "json"])).RootElement;

    public void Dispose() => folder.Dispose();
}
