using System.Text.Json;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Cli.Tests;

/// `ipwh snapshots verify` as a statistician runs it on the demo's snapshot: it passes as published, says so in
/// Chinese and English, and a tampered copy fails with a non-zero exit and the file, table and counts named.
[Collection(AnswerDemo.Name)]
public sealed class SnapshotsCommandTests(PlanningDemo demo)
{
    [Fact]
    public void The_latest_snapshot_verifies_by_footer_and_by_every_value()
    {
        var table = demo.Run("snapshots", "verify");
        Assert.True(table.ExitCode == 0, table.Stdout + table.Stderr);
        Assert.Contains("对照 compared with: 已发布仓库 the published warehouse", table.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ fact_patent\s+│ \d+\s+│ [\d,]+ / [\d,]+\s+│ 26\s+│ 通过 ok", table.Stdout);
        Assert.Matches(@"快照校验通过 / snapshot verified: \d+ tables, \d+ files, [\d,]+ rows, batch metadata in every file", table.Stdout);

        var deep = demo.Run("snapshots", "verify", "--deep", "--format", "json");
        Assert.True(deep.ExitCode == 0, deep.Stdout + deep.Stderr);
        var json = JsonDocument.Parse(deep.Stdout).RootElement;
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Empty(json.GetProperty("problems").EnumerateArray());
        var columns = json.GetProperty("columns").EnumerateArray().ToList();
        Assert.True(columns.Count > 200, $"{columns.Count} columns compared");
        Assert.All(columns, c => Assert.True(c.GetProperty("equal").GetBoolean(), c.ToString()));
        Assert.All(json.GetProperty("tables").EnumerateArray(), t => Assert.Equal(t.GetProperty("expected_rows").GetInt64(), t.GetProperty("rows").GetInt64()));
    }

    [Fact]
    public void A_snapshot_with_a_row_missing_fails_with_a_nonzero_exit_and_says_where()
    {
        using var copy = new TempFolder();
        SnapshotTampering.CopyFolder(demo.Folder, copy.Path);
        var config = Path.Combine(copy.Path, Path.GetRelativePath(demo.Folder, demo.Summary.ConfigPath));
        var snapshot = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(config)!, "warehouse", "snapshots")).Single();
        SnapshotTampering.Rewrite(Path.Combine(snapshot, "dim_region.parquet"), "SELECT * FROM {old} LIMIT (SELECT count(*) - 1 FROM {old})");

        var table = Ipwh.Run(copy.Path, null, "snapshots", "verify", Path.GetFileName(snapshot), "--config", config);
        Assert.Equal(1, table.ExitCode);
        Assert.Contains("✗ dim_region.parquet: dim_region: 行数不同 row count differs: expected ", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("快照校验失败 / snapshot verification FAILED: 1 problem(s)", table.Stdout, StringComparison.Ordinal);

        var json = Ipwh.Run(copy.Path, null, "snapshots", "verify", "--format", "json", "--config", config);
        Assert.Equal(1, json.ExitCode);
        var problem = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("row_count", problem.GetProperty("check").GetString());
        Assert.Equal("dim_region", problem.GetProperty("table").GetString());
    }

    [Fact]
    public void An_unknown_snapshot_is_an_error_that_lists_the_snapshots()
    {
        var result = demo.Run("snapshots", "verify", "1999-01-01");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("没有与 1999-01-01 对应的快照 / No snapshot matches '1999-01-01'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
