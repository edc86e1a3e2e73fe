using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Sources;

/// Real loads of CSV files whose records do not fit their header (SOURCES.md, bad_row_shape): the record
/// is quarantined with its line range instead of being padded, cut or swallowed, and rows read still
/// equal rows accepted plus rows quarantined.
public sealed class CsvShapeLoadTests : IDisposable
{
    private const string Header = "活动编号,日期,行政区划代码,人次,主题,主办单位";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_row_missing_a_field_is_quarantined_and_does_not_overwrite_the_published_value()
    {
        folder.Write("drops/training.csv", $"{Header}\nT1,2024-03-01,620102,30,专利导航,市局\nT2,2024-03-02,620102,20,商标品牌,市局\n");
        var loader = Loader();
        Assert.Equal("succeeded", (await loader.RunAsync(new LoadRequest())).Status);

        // T1 lost its topic: today its organiser's name would load as the topic.
        folder.Write("drops/training.csv", $"{Header}\nT1,2024-03-01,620102,30,市局\nT2,2024-03-02,620102,25,商标品牌,市局,多余\nT3,2024-03-03,620102,10,维权,市局\n");
        var report = await loader.RunAsync(new LoadRequest());
        Assert.Equal("succeeded", report.Status);

        using var work = DuckDbFactory.Open(loader.Paths.WorkDatabase);
        Assert.Equal([["T1", "专利导航"], ["T2", "商标品牌"], ["T3", "维权"]],
            Rows(work, "SELECT event_id, topic FROM fact_training ORDER BY event_id"));
        Assert.Equal([["20"]], Rows(work, "SELECT person_times FROM fact_training WHERE event_id = 'T2'"));
        var rejects = Rows(work, "SELECT source_row, column_name, reason, raw_value, message FROM etl_reject ORDER BY source_row");
        Assert.Equal(2, rejects.Count);
        Assert.Equal<string?[]>(["2", "_row", "bad_row_shape", "T1,2024-03-01,620102,30,市局"], rejects[0][..4]);
        Assert.Contains("5 fields, header has 6, line 2", rejects[0][4]);
        Assert.Contains("第 2 行有 5 个字段，表头有 6 个", rejects[0][4]);
        Assert.Equal<string?[]>(["3", "_row", "bad_row_shape"], rejects[1][..3]);
        Assert.Contains("7 fields, header has 6, line 3", rejects[1][4]);
        Assert.Equal([["2", "2", "0"], ["3", "1", "2"]],
            Rows(work, "SELECT rows_read, rows_accepted, rows_quarantined FROM etl_source_run ORDER BY rows_read"));
    }

    [Fact]
    public async Task Stray_quotes_that_swallow_lines_quarantine_the_record_with_its_line_range()
    {
        // A quote before the date on line 6 and after the date on line 10: lines 6-10 read as one
        // record whose date spans lines (its field count happens to be right).
        var lines = new List<string> { "活动编号,日期,行政区划代码,人次,主题" };
        for (var i = 2; i <= 12; i++)
        {
            lines.Add(i switch
            {
                6 => $"T{i},\"2024-03-0{i % 10}",
                10 => $"T{i},2024-03-10\",620102,{i},主题{i}",
                _ => $"T{i},2024-03-{i:00},620102,{i},主题{i}",
            });
        }
        folder.Write("drops/training.csv", string.Join("\n", lines) + "\n");
        var loader = Loader();
        var report = await loader.RunAsync(new LoadRequest());
        Assert.Equal("succeeded", report.Status);

        using var work = DuckDbFactory.Open(loader.Paths.WorkDatabase);
        var rejects = Rows(work, "SELECT source_row, column_name, reason, message FROM etl_reject");
        Assert.Single(rejects);
        Assert.Equal<string?[]>(["6", "event_date", "bad_row_shape"], rejects[0][..3]);
        Assert.Contains("record spans lines 6–10", rejects[0][3]);
        Assert.Contains("第 6–10 行被读成一条记录", rejects[0][3]);
        Assert.Equal([["7", "6", "1"]], Rows(work, "SELECT rows_read, rows_accepted, rows_quarantined FROM etl_source_run"));
    }

    [Fact]
    public async Task Free_text_spanning_lines_loads_and_the_run_says_so()
    {
        folder.Write("drops/training.csv", "活动编号,日期,行政区划代码,人次,主题\nT1,2024-03-01,620102,30,\"专利导航\n第二期\"\nT2,2024-03-02,620102,20,商标\n");
        var loader = Loader();
        var report = await loader.RunAsync(new LoadRequest());
        Assert.Equal("succeeded", report.Status);

        using var work = DuckDbFactory.Open(loader.Paths.WorkDatabase);
        Assert.Equal([["T1", "专利导航\n第二期"], ["T2", "商标"]], Rows(work, "SELECT event_id, topic FROM fact_training ORDER BY event_id"));
        var message = Assert.Single(Rows(work, "SELECT message FROM etl_source_run"))[0];
        Assert.Contains("1 行的自由文本跨行（topic，首见第 2 行）", message);
        Assert.Contains("1 row(s) with free-text cells spanning lines", message);
    }

    private Loader Loader()
    {
        var config = folder.Write("ipwh.json", """
            {
              "warehouse": "warehouse",
              "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "drops/training.csv" } ]
            }
            """);
        return new Loader(ConfigLoader.Load(config), FixedClock.Default);
    }

    private static List<string?[]> Rows(DuckDB.NET.Data.DuckDBConnection work, string sql) => Schema.SchemaDatabase.Rows(work, sql);
}
