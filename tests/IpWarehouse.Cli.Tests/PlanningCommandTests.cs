using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace IpWarehouse.Cli.Tests;

/// `ipwh rank`, `indicators`, `targets`, `explain` and `violations` as planners run them: the real process
/// on a loaded demo, in every format.
public sealed class PlanningCommandTests(PlanningDemo demo) : IClassFixture<PlanningDemo>
{
    private static readonly string[] Statuses = ["achieved", "on_track", "at_risk", "off_track", "missed"];
    private static readonly string[] Final = ["achieved", "missed"];

    private string Ok(params string[] args) => demo.Ok(args);

    private JsonElement Json(params string[] args) => demo.Json(args);

    [Fact]
    public void Rank_gives_the_same_ranking_in_json_csv_and_xlsx()
    {
        string[] rank = ["rank", "--indicator", "patent_applications", "--year", "2024", "--within", "620000", "--level", "county"];
        var json = Json(rank).EnumerateArray()
            .Select(r => (Code: r.GetProperty("region_code").GetString()!, Rank: r.GetProperty("rank").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("rank").GetInt32(),
                Value: r.GetProperty("value").GetDouble()))
            .ToList();
        // every county of Gansu in the reference list, ranked in order, competition ranks
        Assert.True(json.Count >= 80, $"{json.Count} counties");
        for (var i = 1; i < json.Count; i++)
        {
            Assert.True(json[i].Value <= json[i - 1].Value);
            Assert.Equal(json[i].Value == json[i - 1].Value ? json[i - 1].Rank : i + 1, json[i].Rank);
        }

        var csv = Csv(rank).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Code: f[2], Rank: f[0] == "" ? (int?)null : int.Parse(f[0], CultureInfo.InvariantCulture), Value: double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(json, csv);

        var file = Path.Combine(demo.Folder, "rank-counties.xlsx");
        Ok([.. rank, "--format", "xlsx", "--out", file]);
        using var document = SpreadsheetDocument.Open(file, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Contains("专利申请量", Cell(rows[0], 'A'), StringComparison.Ordinal);
        Assert.Contains("数据截至", Cell(rows[1], 'A'), StringComparison.Ordinal);
        var header = rows.Single(r => Cell(r, 'A') == "排名");
        var xlsx = rows.Where(r => r.RowIndex!.Value > header.RowIndex!.Value)
            .Select(r => (Code: Cell(r, 'C'), Rank: Cell(r, 'A') == "" ? (int?)null : int.Parse(Cell(r, 'A'), CultureInfo.InvariantCulture),
                Value: double.Parse(Cell(r, 'E'), CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(json, xlsx);
    }

    [Fact]
    public void Rank_as_a_table_has_chinese_headers_units_and_arrows()
    {
        var table = Ok("rank", "--indicator", "valid_invention_per_10k", "--year", "2024", "--within", "620000");

        Assert.Contains("每万人口发明专利拥有量排名 · 甘肃省各市州 · 2024年", table, StringComparison.Ordinal);
        Assert.Contains("每万人口发明专利拥有量（件）", table, StringComparison.Ordinal);
        Assert.Contains("上年名次", table, StringComparison.Ordinal);
        Assert.Contains("兰州市", table, StringComparison.Ordinal);
        Assert.Matches("[↑↓→]", table);
        Assert.Contains("14 row(s)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_of_a_region_are_the_whole_catalogue_in_every_format()
    {
        var rows = Json("indicators", "--year", "2024", "--region", "620000", "--region", "620100").EnumerateArray().ToList();

        Assert.Equal(2 * 39, rows.Count); // the catalogue's 39 indicators
        Assert.All(rows, r => Assert.Equal(2024, r.GetProperty("year").GetInt32()));
        var applications = rows.Single(r => r.GetProperty("region_code").GetString() == "620100" && r.GetProperty("indicator").GetString() == "patent_applications");
        Assert.True(applications.GetProperty("value").GetDouble() > 0);

        var csv = Csv("indicators", "--year", "2024", "--region", "620100");
        Assert.StartsWith("region_code,region_name,indicator,indicator_name,value,unit,", csv, StringComparison.Ordinal);
        Assert.Contains("620100,兰州市,patent_applications,专利申请量," + applications.GetProperty("value").GetRawText(), csv, StringComparison.Ordinal);
        Assert.Contains("每万人口发明专利拥有量", Ok("indicators", "--year", "2024", "--region", "620100"), StringComparison.Ordinal);
        Valid(Xlsx("indicators", "--year", "2024", "--region", "620100"));
    }

    [Fact]
    public void Targets_have_a_status_for_every_target_of_the_year()
    {
        var rows = Json("targets", "--year", "2024", "--region", "620100").EnumerateArray().ToList();

        // 兰州市: growth, share, closure, per-capita vs parent, ip_enterprises; each of its 9 counties the standard four;
        // and its 十四五 filings target (2021-2025 holds 2024)
        Assert.Equal(5 + 9 * 4 + 1, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.GetProperty("status").GetString(), Statuses));
        // 2024 is over by the clock: the full-year value decides
        Assert.All(rows, r => Assert.Contains(r.GetProperty("status").GetString(), Final));
        var parent = rows.First(r => r.GetProperty("comparator").GetString() == ">parent_avg");
        Assert.Equal(JsonValueKind.Null, parent.GetProperty("target_value").ValueKind);
        Assert.Equal(JsonValueKind.Number, parent.GetProperty("parent_value").ValueKind);

        var during = Json("targets", "--year", "2024", "--region", "620000", "--as-of", "2024-06-30").EnumerateArray().ToList();
        Assert.All(during, r => Assert.Equal("ytd", r.GetProperty("period").GetString()));
        Assert.Contains(during, r => r.GetProperty("projection").ValueKind == JsonValueKind.Number);
        Assert.Contains("目标完成情况", Ok("targets", "--year", "2024", "--region", "620100"), StringComparison.Ordinal);
        Assert.StartsWith("region_code,", Csv("targets", "--year", "2024"), StringComparison.Ordinal);
        Valid(Xlsx("targets", "--year", "2024"));
    }

    [Fact]
    public void Explain_lists_the_facts_behind_a_figure()
    {
        var e = Json("explain", "--indicator", "invention_applications_per_100k", "--year", "2024", "--region", "620100").EnumerateArray().Single();

        var facts = e.GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(e.GetProperty("numerator").GetDouble(), e.GetProperty("facts_total").GetInt64());
        Assert.Equal(Math.Min(20, e.GetProperty("facts_total").GetInt64()), facts.Count);
        Assert.All(facts, f => Assert.Equal("cnipa-patents", f.GetProperty("source_name").GetString()));
        Assert.Equal("resident", e.GetProperty("population").GetProperty("population_type").GetString());
        Assert.Equal(e.GetProperty("denominator").GetDouble(), e.GetProperty("population").GetProperty("population").GetDouble());

        var table = Ok("explain", "--indicator", "invention_applications_per_100k", "--year", "2024", "--region", "620100");
        Assert.Contains("计入的事实", table, StringComparison.Ordinal);
        Assert.Contains("口径 populationType", table, StringComparison.Ordinal);
        Assert.StartsWith("地区,620100 兰州市", Csv("explain", "--indicator", "patent_applications", "--year", "2024", "--region", "620100"), StringComparison.Ordinal);
        Valid(Xlsx("explain", "--indicator", "patent_applications", "--year", "2024", "--region", "620100"));
    }

    [Fact]
    public void Violations_are_the_demos_violations_of_the_year()
    {
        foreach (var year in demo.Summary.SubsidyViolations.Select(v => v.Year).Distinct())
        {
            var text = year.ToString(CultureInfo.InvariantCulture);
            var rows = Json("violations", "--year", text).EnumerateArray()
                .Select(r => $"{r.GetProperty("payment_no").GetString()} {r.GetProperty("rule").GetString()}").Order(StringComparer.Ordinal);
            var expected = demo.Summary.SubsidyViolations.Where(v => v.Year == year).Select(v => $"{v.PaymentNo} {v.Rule}").Order(StringComparer.Ordinal);
            Assert.Equal(expected, rows);
        }
        Valid(Xlsx("violations", "--year", "2023"));
    }

    [Fact]
    public void Errors_name_the_value_and_list_what_is_available()
    {
        var indicator = demo.Run("rank", "--indicator", "patents", "--year", "2024", "--within", "620000");
        Assert.Equal(1, indicator.ExitCode);
        Assert.Contains("“patents”不是指标代码", indicator.Stderr, StringComparison.Ordinal);
        Assert.Contains("valid_invention_per_10k", indicator.Stderr, StringComparison.Ordinal);
        Assert.Equal("", indicator.Stdout);

        var year = demo.Run("indicators", "--year", "1999", "--format", "json");
        Assert.Equal(1, year.ExitCode);
        Assert.Contains("有数据的年度：", year.Stderr, StringComparison.Ordinal);
        Assert.Contains("2024", year.Stderr, StringComparison.Ordinal);

        var region = demo.Run("targets", "--year", "2024", "--region", "620199");
        Assert.Equal(1, region.ExitCode);
        Assert.Contains("是否要找：620100 兰州市", region.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_without_out_writes_a_named_file_and_says_where()
    {
        var result = demo.Run("rank", "--indicator", "invention_share", "--year", "2024", "--within", "620100", "--format", "xlsx");

        Assert.Equal(0, result.ExitCode);
        var file = Path.Combine(demo.Folder, "rank-invention_share-620100-2024.xlsx");
        Assert.Contains(file, result.Stderr, StringComparison.Ordinal);
        Valid(file);
    }

    /// Writes CSV to a file (reading stdout as text would drop the BOM), checks the BOM, returns the text after it.
    private string Csv(params string[] args)
    {
        var file = Path.Combine(demo.Folder, $"{args[0]}-{Guid.NewGuid():N}.csv");
        Ok([.. args, "--format", "csv", "--out", file]);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return new UTF8Encoding(false).GetString(bytes[3..]);
    }

    private string Xlsx(params string[] args)
    {
        var file = Path.Combine(demo.Folder, $"{args[0]}-{Guid.NewGuid():N}.xlsx");
        Ok([.. args, "--format", "xlsx", "--out", file]);
        return file;
    }

    private static void Valid(string file)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("PK", Encoding.UTF8.GetString(File.ReadAllBytes(file)[..2]));
    }

    private static string Cell(Row row, char column) =>
        row.Elements<Cell>().SingleOrDefault(c => c.CellReference == $"{column}{row.RowIndex}")?.InnerText ?? "";
}
