using System.Diagnostics;
using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Cli.Tests;

/// What another process holding a DuckDB file means here: a load holds the working database (readers are told
/// it is locked and fall back to the published version), a reader holds a published version (it is not removed).
public sealed class LockTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly DemoSummary demo;
    private readonly WarehousePaths paths;

    public LockTests()
    {
        demo = DemoGenerator.Generate(folder.Path, seed: 5, scale: 0.01, TimeProvider.System);
        paths = new WarehousePaths(Path.Combine(folder.Path, "warehouse"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_load_in_another_process_holds_the_working_database_and_readers_are_told_so()
    {
        var first = Ipwh.Run(folder.Path, null, "load", "--config", demo.ConfigPath);
        Assert.True(first.ExitCode == 0, first.Stderr);

        using var load = Ipwh.Start(folder.Path, new Dictionary<string, string> { ["IPWH_FAULT_PAUSE"] = "integrate" }, "load", "--config", demo.ConfigPath);
        try
        {
            KillTests.WaitForPause(load, "integrate");

            var error = Assert.Throws<DatabaseLockedException>(() => DuckDbFactory.Open(paths.WorkDatabase, new DuckDbOptions { ReadOnly = true }));
            Assert.Contains("The warehouse is locked by another process", error.Message, StringComparison.Ordinal);
            Assert.Contains(paths.WorkDatabase, error.Message, StringComparison.Ordinal);
            Assert.True(error.IsTransient);

            using (WarehouseConnections.OpenHistory(paths, out var fromPublishedCopy))
            {
                Assert.True(fromPublishedCopy);
            }
            var second = Ipwh.Run(folder.Path, null, "load", "--config", demo.ConfigPath);
            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("Another load is running", second.Stderr + second.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            load.Kill(entireProcessTree: true);
            load.WaitForExit();
        }
    }

    [Fact]
    public void A_published_version_that_another_process_reads_is_not_removed()
    {
        var first = Ipwh.Run(folder.Path, null, "load", "--config", demo.ConfigPath);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var version = PublishedMarker.Read(paths)!.DatabasePath(paths);

        // A statistician's long query holds the version open (read-only) in its own process.
        using var reader = Ipwh.Start(folder.Path, null, "sql", "--config", demo.ConfigPath,
            "SELECT count(*) FROM range(100000000000) a, range(100000) b WHERE a.range * b.range % 7 = 3");
        try
        {
            WaitUntilOpen(reader, version);
            Assert.False(DuckDbFactory.DeleteUnlessHeld(version));
            Assert.True(File.Exists(version));
        }
        finally
        {
            reader.Kill(entireProcessTree: true);
            reader.WaitForExit();
            var watch = Stopwatch.StartNew();
            while (Holders(version).Count > 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(100); // the worker process (a grandchild of the ipwh script) ends a moment after ipwh sql
            }
        }
        Assert.True(DuckDbFactory.DeleteUnlessHeld(version), $"still held by: {string.Join("; ", Holders(version))}");
        Assert.False(File.Exists(version));
    }

    /// Every process of this machine with <paramref name="file"/> open, as "pid: command line" (their descriptors in /proc).
    private static List<string> Holders(string file) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsDigit))
            .Where(pid =>
            {
                try
                {
                    return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(pid => $"{pid}: {ReadCommandLine(pid!)}")];

    private static string ReadCommandLine(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(ended)";
        }
    }

    /// Until <paramref name="process"/> or its worker process (ipwh sql-worker) has <paramref name="file"/> open (their descriptors in /proc).
    private static void WaitUntilOpen(Process process, string file)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            var open = WithChildren(process.Id)
                .SelectMany(pid => Directory.Exists($"/proc/{pid}/fd") ? Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd") : [])
                .Select(fd => new FileInfo(fd).LinkTarget)
                .Any(target => target == file);
            if (open)
            {
                return;
            }
            if (process.HasExited)
            {
                Assert.Fail($"ipwh sql ended before it opened {file}: {process.StandardError.ReadToEnd()}");
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"ipwh sql did not open {file} within a minute");
    }

    /// <paramref name="pid"/> and its descendants, from /proc.
    private static IEnumerable<int> WithChildren(int pid)
    {
        yield return pid;
        foreach (var task in Directory.Exists($"/proc/{pid}/task") ? Directory.EnumerateDirectories($"/proc/{pid}/task") : [])
        {
            var children = File.Exists(Path.Combine(task, "children")) ? File.ReadAllText(Path.Combine(task, "children")) : "";
            foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var descendant in WithChildren(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture)))
                {
                    yield return descendant;
                }
            }
        }
    }
}
