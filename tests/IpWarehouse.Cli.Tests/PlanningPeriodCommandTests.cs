using System.Text.Json;

namespace IpWarehouse.Cli.Tests;

/// Ranges of years, plan-period targets, `ipwh reconcile` and `ipwh regions history` as planners run them: the real
/// process on the loaded demo.
public sealed class PlanningPeriodCommandTests(PlanningDemo demo) : IClassFixture<PlanningDemo>
{
    private static readonly string[] ValueSources = ["computed", "official"];

    private string Ok(params string[] args) => demo.Ok(args);

    private JsonElement Json(params string[] args) => demo.Json(args);

    [Fact]
    public void A_range_ranks_the_totals_of_its_years()
    {
        string[] years = ["--indicator", "patent_applications", "--within", "620000"];
        var range = Json(["rank", .. years, "--from-year", "2022", "--to-year", "2024"]).EnumerateArray()
            .ToDictionary(r => r.GetProperty("region_code").GetString()!, r => r.GetProperty("value").GetDouble());
        var sums = new Dictionary<string, double>();
        foreach (var year in new[] { "2022", "2023", "2024" })
        {
            foreach (var row in Json(["rank", .. years, "--year", year]).EnumerateArray())
            {
                var code = row.GetProperty("region_code").GetString()!;
                sums[code] = sums.GetValueOrDefault(code) + row.GetProperty("value").GetDouble();
            }
        }
        // a flow over a range is the sum of its years (a count has nothing to round)
        Assert.Equal(sums.OrderBy(p => p.Key), range.OrderBy(p => p.Key));
        var first = Json(["rank", .. years, "--from-year", "2022", "--to-year", "2024"])[0];
        Assert.Equal(("2022-2024", 2024), (first.GetProperty("period").GetString(), first.GetProperty("year").GetInt32()));

        var table = Ok(["rank", .. years, "--from-year", "2022", "--to-year", "2024"]);
        Assert.Contains("专利申请量排名 · 甘肃省各市州 · 2022—2024年", table, StringComparison.Ordinal);
        Assert.Contains("上一时段名次", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_ranges_are_refused_with_the_fix()
    {
        var backwards = demo.Run("rank", "--indicator", "patent_applications", "--within", "620000", "--from-year", "2024", "--to-year", "2022");
        Assert.Equal(1, backwards.ExitCode);
        Assert.Contains("--from-year 2024 晚于 --to-year 2022", backwards.Stderr, StringComparison.Ordinal);
        var none = demo.Run("indicators", "--region", "620000");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("--from-year 2021 --to-year 2023", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_targets_show_this_year_the_path_and_the_total()
    {
        var plan = Json("targets", "--year", "2024", "--region", "620000").EnumerateArray()
            .Where(r => r.GetProperty("plan_period").ValueKind == JsonValueKind.String).ToList();
        Assert.Contains(plan, r => r.GetProperty("indicator").GetString() == "patent_applications" && r.GetProperty("region_code").GetString() == "620000");
        Assert.All(plan, r =>
        {
            Assert.Equal("2021-2025", r.GetProperty("plan_period").GetString());
            Assert.Contains(r.GetProperty("value_source").GetString(), ValueSources);
        });
        var table = Ok("targets", "--year", "2024", "--region", "620000");
        Assert.Contains("十四五", table, StringComparison.Ordinal);
        Assert.Contains("今年目标", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_lists_each_official_figure_with_a_status_in_every_format()
    {
        var rows = Json("reconcile", "--year", "2024").EnumerateArray().ToList();
        var statuses = rows.Select(r => r.GetProperty("status").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "match", "differs", "no_local", "no_official" }, statuses);
        var differs = rows.Where(r => r.GetProperty("status").GetString() == "differs").ToList();
        Assert.Equal(["620800", "622900"], differs.Select(r => r.GetProperty("region_code").GetString()));
        Assert.All(differs, r => Assert.Equal(JsonValueKind.Object, r.GetProperty("explanation").ValueKind));

        var csv = Ok("reconcile", "--year", "2024", "--within", "622900", "--format", "csv");
        Assert.StartsWith("region_code,region_name,indicator", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("偏差", csv, StringComparison.Ordinal);
        var table = Ok("reconcile", "--year", "2024", "--within", "622900", "--tolerance", "100");
        Assert.Contains("偏差 0，", table, StringComparison.Ordinal); // -57 % is within a tolerance of 100 %
    }

    [Fact]
    public void Regions_history_tells_what_became_of_a_code()
    {
        // no configuration needed: the history ships with the program
        var table = Regions("regions", "history", "620824").Stdout;
        Assert.Contains("已撤销，现由 620881 华亭市 承继", table, StringComparison.Ordinal);
        Assert.Contains("撤县设市", table, StringComparison.Ordinal);
        var json = JsonDocument.Parse(Regions("regions", "history", "452100", "--format", "json").Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["450100", "451400"], json.Select(r => r.GetProperty("new_code").GetString()));
        Assert.All(json, r => Assert.Equal("拆分", r.GetProperty("reason").GetString()));
        var unknown = Ipwh.Run(demo.Folder, null, "regions", "history", "629999");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("1980 至 2023 年的行政区划代码表中都没有“629999”", unknown.Stderr, StringComparison.Ordinal);
    }

    private Ipwh.Result Regions(params string[] args)
    {
        var result = Ipwh.Run(demo.Folder, null, args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result;
    }
}
