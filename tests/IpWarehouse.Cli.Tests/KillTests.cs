using System.Text.Json;
using IpWarehouse.Etl.Demo;

namespace IpWarehouse.Cli.Tests;

/// kill -9 at each step of a load: the last published warehouse stays readable and correct, and the
/// next `ipwh load` succeeds with no manual cleanup (DESIGN.md, "Publish is atomic"). Killed once
/// published.json names the new version ("link", and the snapshot that follows the publish: "snapshot",
/// "manifest"), that version is what readers see, and the next load finishes the rest (the ipwh.duckdb link,
/// the history, the snapshot).
public sealed class KillTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly DemoSummary demo;

    public KillTests()
    {
        demo = DemoGenerator.Generate(folder.Path, seed: 11, scale: 0.01, TimeProvider.System);
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("landing", false, false)]
    [InlineData("integrate", false, false)]
    [InlineData("commit", false, false)]
    [InlineData("publish", true, false)]
    [InlineData("rename", true, false)]
    [InlineData("link", true, true)]
    [InlineData("snapshot", true, true)]
    [InlineData("manifest", true, true)]
    public void Killed_at_a_step_the_published_warehouse_survives_and_the_next_load_recovers(string step, bool committed, bool switched)
    {
        var first = Run("load");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var publishedBatch = PublishedBatch();
        var before = Sql("SELECT count(*) AS n, coalesce(bit_xor(hash(p)), 0) AS h FROM fact_patent AS p");

        using (var victim = Ipwh.Start(folder.Path, new Dictionary<string, string> { ["IPWH_FAULT_PAUSE"] = step },
                   "load", "--full", "--config", demo.ConfigPath))
        {
            WaitForPause(victim, step);
            victim.Kill();
            victim.WaitForExit();
        }

        // The published warehouse is the one from before, readable and unchanged; or, once published.json
        // named the killed load's version, that complete version (the same demo data loaded again).
        Assert.Equal(switched, publishedBatch != PublishedBatch());
        Assert.Equal(before, Sql("SELECT count(*) AS n, coalesce(bit_xor(hash(p)), 0) AS h FROM fact_patent AS p"));

        // The next load needs no cleanup.
        var next = Run("load");
        Assert.True(next.ExitCode == 0, $"the load after a kill at {step} failed: {next.Stdout}\n{next.Stderr}");
        var runs = JsonDocument.Parse(Run("runs", "--format", "json").Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, runs.Count);
        var killed = runs[1];
        Assert.Equal(committed ? "succeeded" : "failed", killed.GetProperty("status").GetString());
        if (!committed)
        {
            Assert.Contains("interrupted", killed.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(runs[0].GetProperty("batch_id").GetString(), PublishedBatch());
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "warehouse", "published"), ".publishing-*"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(folder.Path, "warehouse", "snapshots"), ".tmp-*"));

        // Published before the kill or by the next load, the killed load's snapshot is written by the next load.
        Assert.All(runs.Where(r => r.GetProperty("status").GetString() == "succeeded"),
            r => Assert.Equal("written", r.GetProperty("snapshot_status").GetString()));
        Assert.Equal("written", JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "warehouse", "published.json")))
            .RootElement.GetProperty("snapshot_status").GetString());
        Assert.Equal(runs.Count(r => r.GetProperty("status").GetString() == "succeeded"),
            Directory.GetDirectories(Path.Combine(folder.Path, "warehouse", "snapshots")).Length);

        // The path statisticians open links to the current version; retention (1 older version) left two.
        var link = new FileInfo(Path.Combine(folder.Path, "warehouse", "ipwh.duckdb"));
        Assert.Equal(Path.Combine("published", PublishedBatch() + ".duckdb"), link.LinkTarget);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder.Path, "warehouse", "published"), "*.duckdb").Length);
    }

    [Fact]
    public void A_snapshot_killed_after_its_publish_is_pending_and_snapshots_write_writes_it()
    {
        using (var victim = Ipwh.Start(folder.Path, new Dictionary<string, string> { ["IPWH_FAULT_PAUSE"] = "manifest" },
                   "load", "--config", demo.ConfigPath))
        {
            WaitForPause(victim, "manifest");
            victim.Kill();
            victim.WaitForExit();
        }
        // Published: readers see it; its snapshot is pending in published.json, ipwh runs and ipwh snapshots list.
        var batch = PublishedBatch()!;
        var run = JsonDocument.Parse(Run("runs", "--format", "json").Stdout).RootElement[0];
        Assert.Equal(batch, run.GetProperty("batch_id").GetString());
        Assert.Equal("pending", run.GetProperty("snapshot_status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("snapshot_finished_at").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, run.GetProperty("published_at").ValueKind);
        Assert.Contains("待写 pending", Run("snapshots", "list").Stdout, StringComparison.Ordinal);
        Assert.Contains("\"n\"", Sql("SELECT count(*) AS n FROM fact_patent"), StringComparison.Ordinal);

        var write = Run("snapshots", "write", batch);
        Assert.True(write.ExitCode == 0, write.Stderr);
        Assert.Contains("快照已写入 snapshot written", write.Stdout, StringComparison.Ordinal);
        var written = JsonDocument.Parse(Run("runs", "--format", "json").Stdout).RootElement[0];
        Assert.Equal("written", written.GetProperty("snapshot_status").GetString());
        Assert.NotEqual(JsonValueKind.Null, written.GetProperty("snapshot_finished_at").ValueKind);
        Assert.Equal(0, Run("snapshots", "verify", "--deep").ExitCode);

        var pin = Run("snapshots", "pin", batch, "--note", "2024年度考核上报");
        Assert.True(pin.ExitCode == 0, pin.Stderr);
        var listed = JsonDocument.Parse(Run("snapshots", "list", "--format", "json").Stdout).RootElement[0];
        Assert.True(listed.GetProperty("pinned").GetBoolean());
        Assert.Equal("2024年度考核上报", listed.GetProperty("note").GetString());
        Assert.Contains("nothing to remove", Run("snapshots", "prune").Stdout, StringComparison.Ordinal);
        var unknown = Run("snapshots", "write", "19990101T000000-0000");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No publish of batch 19990101T000000-0000", unknown.Stderr, StringComparison.Ordinal);
    }

    private Ipwh.Result Run(params string[] args) => Ipwh.Run(folder.Path, null, [.. args, "--config", demo.ConfigPath]);

    private string Sql(string query)
    {
        var result = Run("sql", query, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    private string? PublishedBatch()
    {
        var marker = Path.Combine(folder.Path, "warehouse", "published.json");
        return JsonDocument.Parse(File.ReadAllText(marker)).RootElement.GetProperty("batch_id").GetString();
    }

    internal static void WaitForPause(System.Diagnostics.Process process, string step)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var seen = new List<string>();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            var line = process.StandardError.ReadLine();
            if (line is null)
            {
                break;
            }
            seen.Add(line);
            if (line.Contains($"paused at {step}", StringComparison.Ordinal))
            {
                return;
            }
        }
        throw new InvalidOperationException($"the load never paused at {step}; it said:\n{string.Join("\n", seen)}");
    }
}
