using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using IpWarehouse.Etl.Tests.Warehouse;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// Every route of the web API on the real host against a demo warehouse: the same answers as the CLI for
/// the same question (byte for byte), 400 with {"error": …} for bad parameters, the SQL refusals.
public sealed class ApiTests(DemoApi demo) : IClassFixture<DemoApi>
{
    public static TheoryData<string, string[]> SameQuestions => new()
    {
        { "/api/rank?indicator=valid_invention_per_10k&year=2024&within=620000", ["rank", "--indicator", "valid_invention_per_10k", "--year", "2024", "--within", "620000"] },
        { "/api/rank?indicator=patent_applications&year=2024&within=620000&level=county", ["rank", "--indicator", "patent_applications", "--year", "2024", "--within", "620000", "--level", "county"] },
        { "/api/rank?indicator=case_closure_rate&year=2024&within=620000&asOf=2024-06-30", ["rank", "--indicator", "case_closure_rate", "--year", "2024", "--within", "620000", "--as-of", "2024-06-30"] },
        { "/api/indicators?year=2023&region=620100&region=620200", ["indicators", "--year", "2023", "--region", "620100", "--region", "620200"] },
        { "/api/targets?year=2023", ["targets", "--year", "2023"] },
        { "/api/targets?year=2023&region=620100", ["targets", "--year", "2023", "--region", "620100"] },
        { "/api/explain?indicator=valid_invention_per_10k&year=2024&region=620100", ["explain", "--indicator", "valid_invention_per_10k", "--year", "2024", "--region", "620100"] },
        { "/api/violations?year=2023", ["violations", "--year", "2023"] },
        { "/api/rank?indicator=patent_applications&fromYear=2022&toYear=2024&within=620000", ["rank", "--indicator", "patent_applications", "--from-year", "2022", "--to-year", "2024", "--within", "620000"] },
        { "/api/indicators?fromYear=2022&toYear=2024&region=620100", ["indicators", "--from-year", "2022", "--to-year", "2024", "--region", "620100"] },
        { "/api/reconcile?year=2024", ["reconcile", "--year", "2024"] },
        { "/api/reconcile?year=2024&within=622900&tolerance=1", ["reconcile", "--year", "2024", "--within", "622900", "--tolerance", "1"] },
        { "/api/rejects", ["rejects"] },
        { "/api/trend?indicator=valid_invention_per_10k&region=620102", ["trend", "--indicator", "valid_invention_per_10k", "--region", "620102"] },
        { "/api/profile?region=620100&year=2024", ["profile", "--region", "620100", "--year", "2024"] },
    };

    [Theory]
    [MemberData(nameof(SameQuestions))]
    public async Task The_api_answers_exactly_what_the_cli_prints(string path, string[] cli)
    {
        var api = await GetText(path);
        var printed = demo.Ipwh([.. cli, "--format", "json"]);
        Assert.True(printed.ExitCode == 0, printed.Stderr);
        Assert.Equal(printed.Stdout.Trim(), api.Trim());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(api).RootElement.ValueKind);
    }

    [Fact]
    public async Task The_csv_and_xlsx_downloads_are_the_files_the_cli_writes()
    {
        const string Query = "indicator=valid_invention_per_10k&year=2024&within=620000";
        string[] cli = ["rank", "--indicator", "valid_invention_per_10k", "--year", "2024", "--within", "620000"];

        using var csvResponse = await demo.Host.Client.GetAsync($"/api/rank?{Query}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csvFile = Path.Combine(demo.Folder, "rank.csv");
        Assert.Equal(0, demo.Ipwh([.. cli, "--format", "csv", "--out", csvFile]).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(csvFile, Encoding.UTF8), Encoding.UTF8.GetString(csvBytes).TrimStart('\uFEFF'));

        using var xlsxResponse = await demo.Host.Client.GetAsync($"/api/rank?{Query}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Contains("rank-valid_invention_per_10k-620000-2024.xlsx", xlsxResponse.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var apiFile = Path.Combine(demo.Folder, "api.xlsx");
        await File.WriteAllBytesAsync(apiFile, await xlsxResponse.Content.ReadAsByteArrayAsync());
        var cliFile = Path.Combine(demo.Folder, "cli.xlsx");
        Assert.Equal(0, demo.Ipwh([.. cli, "--format", "xlsx", "--out", cliFile]).ExitCode);
        Assert.Equal(SheetText(cliFile), SheetText(apiFile));
    }

    [Theory]
    [InlineData("/api/rank?indicator=no_such_code&year=2024&within=620000", "valid_invention_per_10k")]
    [InlineData("/api/rank?year=2024&within=620000", "缺少参数 indicator")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=twenty&within=620000", "不是年份")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=1990&within=620000", "2024")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=2024&within=629999", "629999")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=2024&within=620000&level=village", "village")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=2024&within=620000&asOf=30.06.2024", "yyyy-MM-dd")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=2024&within=620000&format=pdf", "format=pdf")]
    [InlineData("/api/indicators", "缺少参数 year")]
    [InlineData("/api/targets?year=2024&region=999999", "999999")]
    [InlineData("/api/explain?indicator=patent_applications&year=2024", "缺少参数 region")]
    [InlineData("/api/violations?year=", "缺少参数 year")]
    [InlineData("/api/runs?limit=-1", "limit")]
    [InlineData("/api/rank?indicator=patent_applications&year=2025&within=620000", "2025 年没有数据")]
    [InlineData("/api/trend?indicator=valid_invention_per_10k", "缺少参数 region")]
    [InlineData("/api/trend?indicator=nope&region=620102", "“nope”不是指标代码")]
    [InlineData("/api/profile?region=620102", "缺少参数 year")]
    [InlineData("/api/profile?region=620199&year=2024", "是否要找：620100 兰州市")]
    [InlineData("/api/map?indicator=patent_applications&year=2024&within=620102", "其下没有县区可排名")]
    [InlineData("/api/map?indicator=patent_applications&year=2024", "缺少参数 within")]
    [InlineData("/api/rank?indicator=patent_applications&fromYear=2024&toYear=2022&within=620000", "晚于 --to-year")]
    [InlineData("/api/rank?indicator=patent_applications&fromYear=x&toYear=2024&within=620000", "fromYear=x 不是年份")]
    [InlineData("/api/indicators?year=2023&toYear=2024", "不一致")]
    [InlineData("/api/reconcile?year=2024&tolerance=lots", "tolerance=lots")]
    [InlineData("/api/reconcile?year=2024&tolerance=200", "不在 0 到 100")]
    [InlineData("/api/rank?indicator=patent_applications&fromYear=2022&toYear=2025&within=620000", "2025 年没有数据")]
    public async Task Bad_parameters_get_400_and_an_error_that_says_what_is_wrong(string path, string says)
    {
        using var response = await demo.Host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} → {(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
        Assert.Contains(says, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_gives_each_prefecture_its_shape_and_the_region_tree_nests_the_demo()
    {
        var rows = JsonDocument.Parse(await GetText("/api/map?indicator=patent_applications&year=2024&within=620000")).RootElement.EnumerateArray().ToList();
        Assert.Equal(14, rows.Count);
        Assert.All(rows, r => Assert.Equal("gan1_su4.json", r.GetProperty("map_file").GetString()));
        Assert.Equal("兰州", rows.Single(r => r.GetProperty("region_code").GetString() == "620100").GetProperty("shape_name").GetString());
        var rank = JsonDocument.Parse(await GetText("/api/rank?indicator=patent_applications&year=2024&within=620000")).RootElement.EnumerateArray();
        Assert.Equal(rank.Select(r => (r.GetProperty("region_code").GetString(), r.GetProperty("rank").GetInt32())),
            rows.Select(r => (r.GetProperty("region_code").GetString(), r.GetProperty("rank").GetInt32())));

        var tree = JsonDocument.Parse(await GetText("/api/regions")).RootElement;
        var gansu = Assert.Single(tree.EnumerateArray());
        Assert.Equal("620000", gansu.GetProperty("code").GetString());
        Assert.Equal(14, gansu.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Static_files_are_compressed_and_revalidated_with_an_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/echarts.min.js");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await demo.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compressed < 500_000, $"ECharts (1.1 MB) went over the wire as {compressed} bytes");
        Assert.Contains("max-age=86400", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/lib/echarts.min.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await demo.Host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.ParseAdd("gzip");
        using var index = await demo.Host.Client.SendAsync(page);
        Assert.Equal("gzip", Assert.Single(index.Content.Headers.ContentEncoding));
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.NotNull(index.Headers.ETag);
    }

    [Theory]
    [InlineData("COPY (SELECT 1) TO 'out.csv'", "只允许查询")]
    [InlineData("ATTACH 'other.duckdb'", "只允许查询")]
    [InlineData("INSTALL httpfs", "只允许查询")]
    [InlineData("LOAD httpfs", "只允许查询")]
    [InlineData("SET threads = 1", "只允许查询")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "不允许调用表函数 read_csv")]
    [InlineData("SELECT * FROM '/etc/passwd.csv'", "不允许从 SQL 读写文件")]
    [InlineData("SELECT * FROM no_such_table", "no_such_table")]
    public async Task Sql_that_is_not_a_query_or_touches_files_is_refused_with_400(string sql, string says)
    {
        using var response = await PostSql(sql);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_sql_is_a_400_with_an_example()
    {
        using var response = await demo.Host.Client.PostAsync("/api/sql", new StringContent("{\"query\": 1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("{\"sql\"", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_answers_as_ipwh_sql_does_and_a_large_result_is_cut_at_the_row_limit_with_a_header()
    {
        const string Sql = "SELECT region_code, patent_type, count(*) AS n FROM fact_patent GROUP BY ALL ORDER BY ALL";
        using var response = await PostSql(Sql);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var printed = demo.Ipwh("sql", "--format", "json", Sql);
        Assert.Equal(printed.Stdout.Trim(), (await response.Content.ReadAsStringAsync()).Trim());

        using var large = await PostSql("SELECT * FROM range(10005)");
        Assert.Equal("10000", large.Headers.GetValues("X-Ipwh-Rows-Truncated-At").Single());
        Assert.Equal(10_000, JsonDocument.Parse(await large.Content.ReadAsStringAsync()).RootElement.GetArrayLength());

        using var csv = await demo.Host.Client.PostAsync("/api/sql?format=csv", new StringContent(JsonSerializer.Serialize(new { sql = "SELECT 1 AS a, '甘肃' AS b" }), Encoding.UTF8, "application/json"));
        Assert.Equal("\uFEFFa,b\n1,甘肃\n", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Every_DuckDB_type_renders_in_api_sql_and_in_ipwh_sql_alike()
    {
        using var response = await PostSql(TypeCases.Query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var row = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        foreach (var (column, _, json, _) in TypeCases.All)
        {
            Assert.True(json == row.GetProperty(column).GetRawText(), $"{column}: expected {json}, got {row.GetProperty(column).GetRawText()}");
        }

        using var csvResponse = await demo.Host.Client.PostAsync("/api/sql?format=csv",
            new StringContent(JsonSerializer.Serialize(new { sql = TypeCases.Query }), Encoding.UTF8, "application/json"));
        var csv = TypeCases.ParseCsv(Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(TypeCases.All.Select(c => c.Text), csv[1]);

        // The real ipwh process: the same JSON and CSV, and a table that draws every column.
        var printedJson = demo.Ipwh("sql", "--format", "json", TypeCases.Query);
        Assert.True(printedJson.ExitCode == 0, printedJson.Stderr);
        Assert.Equal(body.Trim(), printedJson.Stdout.Trim());
        var printedCsv = demo.Ipwh("sql", "--format", "csv", TypeCases.Query);
        Assert.True(printedCsv.ExitCode == 0, printedCsv.Stderr);
        Assert.Equal(csv, TypeCases.ParseCsv(printedCsv.Stdout.TrimStart('\uFEFF')));
        var table = demo.Ipwh("sql", TypeCases.Query);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("1 row(s)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_and_dictionary_describe_the_published_warehouse()
    {
        var meta = JsonDocument.Parse(await GetText("/api/meta")).RootElement;
        var marker = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(demo.Folder, "demo", "warehouse", "published.json"))).RootElement;
        Assert.Equal(marker.GetProperty("batch_id").GetString(), meta.GetProperty("batch_id").GetString());
        Assert.Equal(39, meta.GetProperty("indicators").GetArrayLength());
        Assert.Equal(2024, meta.GetProperty("data_years").EnumerateArray().Last().GetInt32());
        var regions = meta.GetProperty("regions").EnumerateArray().ToList();
        Assert.Contains(regions, r => r.GetProperty("code").GetString() == "620000" && r.GetProperty("name").GetString() == "甘肃省");
        Assert.All(regions, r => Assert.StartsWith("62", r.GetProperty("code").GetString(), StringComparison.Ordinal));

        var dictionary = JsonDocument.Parse(await GetText("/api/dictionary")).RootElement.EnumerateArray().ToList();
        var mart = dictionary.Single(t => t.GetProperty("table").GetString() == "mart_indicator");
        Assert.False(string.IsNullOrWhiteSpace(mart.GetProperty("comment").GetString()));
        Assert.All(mart.GetProperty("columns").EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("comment").GetString())));
    }

    [Fact]
    public async Task The_console_pages_and_echarts_are_served_from_the_build_without_a_cdn()
    {
        var index = await GetText("/");
        Assert.Contains("lang=\"zh-CN\"", index, StringComparison.Ordinal);
        Assert.Contains("知识产权指标仓库", index, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", index, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", index, StringComparison.Ordinal);
        Assert.Contains("{ id: 'rank', title: '排名'", await GetText("/js/pages.js"), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"FeatureCollection\"", await GetText("/geo/gan1_su4.json"), StringComparison.Ordinal);
        var echarts = await GetText("/lib/echarts.min.js");
        Assert.Contains("echarts", echarts[..Math.Min(4000, echarts.Length)], StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> GetText(string path)
    {
        using var response = await demo.Host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return body;
    }

    private Task<HttpResponseMessage> PostSql(string sql) =>
        demo.Host.Client.PostAsync("/api/sql", new StringContent(JsonSerializer.Serialize(new { sql }), Encoding.UTF8, "application/json"));

    private static string SheetText(string file)
    {
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
        var errors = new OpenXmlValidator().Validate(workbook).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var part = workbook.WorkbookPart!;
        return (part.SharedStringTablePart?.SharedStringTable.InnerText ?? string.Empty) +
               string.Join('\n', part.WorksheetParts.Select(w => w.Worksheet.InnerText));
    }
}
