namespace IpWarehouse.Cli.Tests;

/// What an operator sees of a CSV file with rows of the wrong shape: `ipwh load` and `ipwh runs` say that
/// free-text cells span lines, `ipwh rejects` shows the bad_row_shape rows with their line range.
public sealed class CsvShapeCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_runs_and_rejects_show_the_shape_problems()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "drops"));
        File.WriteAllText(Path.Combine(folder.Path, "drops", "training.csv"),
            "活动编号,日期,行政区划代码,人次,主题,主办单位\n" +
            "T1,2024-03-01,620102,30,市局\n" +                     // 2: a field missing
            "T2,2024-03-02,620102,25,\"商标品牌\n培育\",市局\n" +    // 3-4: free text over two lines
            "T3,2024-03-03,\"620102,10,维权,市局\n" +              // 5-6: a stray quote swallows line 6
            "T4,2024-03-04,620102\",12,专利导航,市局\n" +
            "T5,2024-03-05,620102,40,地理标志,市局\n");
        var config = Path.Combine(folder.Path, "ipwh.json");
        File.WriteAllText(config, """
            { "warehouse": "warehouse", "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "drops/training.csv" } ] }
            """);

        var load = Ipwh.Run(folder.Path, null, "load", "--config", config);
        Assert.True(load.ExitCode == 0, load.Stdout + load.Stderr);
        Assert.Contains("1 row(s) with free-text cells spanning lines, first on line 3", Flat(load.Stdout), StringComparison.Ordinal);

        var runs = Ipwh.Run(folder.Path, null, "runs", "--config", config);
        Assert.Contains("training succeeded: 4 / 2 / 2", runs.Stdout, StringComparison.Ordinal);
        Assert.Contains("free-text cells spanning lines", Flat(runs.Stdout), StringComparison.Ordinal);

        var rejects = Ipwh.Run(folder.Path, null, "rejects", "--config", config, "--format", "csv");
        Assert.Contains("5 fields, header has 6, line 2", rejects.Stdout, StringComparison.Ordinal);
        Assert.Contains("record spans lines 5–6, line break in region_code", rejects.Stdout, StringComparison.Ordinal);
    }

    /// Table cells wrap: join the text of a terminal table back into one line per cell run.
    private static string Flat(string table) =>
        string.Join(" ", table.Split('\n').Select(l => string.Join(" ", l.Split('│').Select(c => c.Trim()).Where(c => c.Length > 0))));
}
