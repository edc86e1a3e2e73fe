using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Demo;

/// One small demo (scale 0.05) generated once for the tests that only read it.
public sealed class DemoFixture : IDisposable
{
    public const int Seed = 7;
    public const double Scale = 0.05;

    private readonly TempFolder folder = new();

    public DemoFixture()
    {
        Summary = DemoGenerator.Generate(folder.Path, Seed, Scale, FixedClock.Default);
    }

    public DemoSummary Summary { get; }

    public string Folder => folder.Path;

    public string PathOf(string relative) => Path.Combine(folder.Path, relative);

    public IEnumerable<DemoFile> FilesOf(string kind) => Summary.Files.Where(f => f.Kind == kind);

    public void Dispose() => folder.Dispose();
}
