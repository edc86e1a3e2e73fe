using System.Text.Json;

namespace IpWarehouse.Cli.Tests;

/// `ipwh index`, `ipwh expiring` and `ipwh cases` as planners run them: the real process on the loaded demo, whose
/// ipwh.json ships the example index.
public sealed class WatchCommandTests(PlanningDemo demo) : IClassFixture<PlanningDemo>
{
    private const string ExampleIndex = "强县评价（示例权重）";

    [Fact]
    public void Index_ranks_the_cities_with_dimension_scores_in_json_and_csv()
    {
        string[] args = ["index", "--name", ExampleIndex, "--year", "2024", "--within", "620000"];
        var rows = demo.Json(args).EnumerateArray().ToList();

        Assert.Equal(14, rows.Count);
        Assert.Equal(1, rows[0].GetProperty("rank").GetInt32());
        Assert.Equal(["创造质量", "运用效益", "保护环境", "优质服务"], rows[0].GetProperty("dimensions").EnumerateObject().Select(p => p.Name));
        Assert.Equal("reweight", rows[0].GetProperty("missing").GetString());
        var scores = rows.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var file = Path.Combine(demo.Folder, "index.csv");
        demo.Ok([.. args, "--format", "csv", "--out", file]);
        var csv = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("rank,region_code,region_name,score,dimension_1,dimension_2,dimension_3,dimension_4,missing_indicators",
            System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);

        var explain = demo.Json([.. args, "--explain"]).EnumerateArray().First();
        var parts = explain.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(6, parts.Count);
        Assert.Equal(explain.GetProperty("score").GetDouble(), parts.Sum(p => p.GetProperty("contribution").GetDouble()), 9);
    }

    [Fact]
    public void An_unknown_index_names_the_configured_ones()
    {
        var result = demo.Run("index", "--name", "没有的指数", "--year", "2024", "--within", "620000");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(ExampleIndex, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_lists_open_cases_and_groups_by_campaign()
    {
        var open = demo.Json("cases", "--open", "--within", "620000", "--as-of", "2024-12-31").EnumerateArray().ToList();
        Assert.NotEmpty(open);
        Assert.All(open, c => Assert.Equal(c.GetProperty("overdue").GetBoolean(), c.GetProperty("days_past_limit").GetInt32() > 0));

        var groups = demo.Json("cases", "--by", "campaign", "--within", "620000", "--as-of", "2024-12-31").EnumerateArray().ToList();
        // every open case is in exactly one group
        Assert.Equal(open.Count, groups.Sum(g => g.GetProperty("open_cases").GetInt64()));
        Assert.Contains(groups, g => g.GetProperty("group").GetString() == "铁拳");
    }

    [Fact]
    public void A_list_past_the_download_row_limit_writes_its_first_rows_and_says_so_in_chinese()
    {
        string[] args = ["expiring", "--within", "620000", "--months", "120", "--as-of", "2024-12-31", "--format", "json"];
        var all = demo.Json(args[..^2]).EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.True(all.Count > 2, $"{all.Count} rights, more than the limit");
        var text = File.ReadAllText(demo.Summary.ConfigPath);
        var at = text.IndexOf("\"warehouse\"", StringComparison.Ordinal);
        var capped = Path.Combine(Path.GetDirectoryName(demo.Summary.ConfigPath)!, "ipwh-capped.json");
        File.WriteAllText(capped, text[..at] + "\"sql\": { \"downloadRowLimit\": 2 },\n  " + text[at..]);

        var result = Ipwh.Run(demo.Folder, null, [.. args, "--config", capped]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(all.Take(2), JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().Select(r => r.GetRawText()));
        Assert.Contains("列表超过 2 行，只列出前 2 行：请选下一级地区或缩短期间。（上限为 ipwh.json 的 sql.downloadRowLimit）", result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Expiring_answers_in_every_format()
    {
        // the demo's rights are young: within ten years of 2024-12-31 the earliest utility models and trademarks end
        string[] args = ["expiring", "--within", "620000", "--months", "60", "--as-of", "2024-12-31"];
        var rows = demo.Json(args).EnumerateArray().ToList();
        Assert.All(rows, r => Assert.InRange(r.GetProperty("days_left").GetInt32(), -183, 5 * 366));
        var xlsx = Path.Combine(demo.Folder, "expiring.xlsx");
        demo.Ok([.. args, "--format", "xlsx", "--out", xlsx]);
        Assert.True(new FileInfo(xlsx).Length > 0);
    }
}
