using System.Net;
using System.Text;
using System.Text.Json;

namespace IpWarehouse.Jobs.Tests;

/// `format=parquet` on the web routes: the file the CLI writes for the same question, byte for byte, with the
/// Parquet media type and a file name; read back with Parquet.Net and DuckDB it has the types and the labels.
public sealed class ParquetApiTests(DemoApi demo) : IClassFixture<DemoApi>
{
    public static TheoryData<string, string[], string> SameQuestions => new()
    {
        { "/api/rank?indicator=valid_invention_per_10k&year=2024&within=620000", ["rank", "--indicator", "valid_invention_per_10k", "--year", "2024", "--within", "620000"], "rank-valid_invention_per_10k-620000-2024.parquet" },
        { "/api/indicators?year=2023&region=620100", ["indicators", "--year", "2023", "--region", "620100"], "indicators-2023.parquet" },
        { "/api/targets?year=2023", ["targets", "--year", "2023"], "targets-2023.parquet" },
        { "/api/explain?indicator=patent_applications&year=2024&region=620100", ["explain", "--indicator", "patent_applications", "--year", "2024", "--region", "620100"], "explain-patent_applications-620100-2024.parquet" },
        { "/api/violations?year=2023", ["violations", "--year", "2023"], "violations-2023.parquet" },
        { "/api/rejects", ["rejects"], "rejects.parquet" },
        { "/api/trend?indicator=valid_invention_per_10k&region=620102", ["trend", "--indicator", "valid_invention_per_10k", "--region", "620102"], "trend-valid_invention_per_10k-620102.parquet" },
        { "/api/profile?region=620100&year=2024", ["profile", "--region", "620100", "--year", "2024"], "profile-620100-2024.parquet" },
        { "/api/reconcile?year=2024&within=622900&tolerance=1", ["reconcile", "--year", "2024", "--within", "622900", "--tolerance", "1"], "reconcile-2024-622900.parquet" },
        { "/api/rank?indicator=case_closure_rate&fromYear=2022&toYear=2024&within=620000", ["rank", "--indicator", "case_closure_rate", "--from-year", "2022", "--to-year", "2024", "--within", "620000"], "rank-case_closure_rate-620000-2022-2024.parquet" },
        { "/api/indicators?fromYear=2022&toYear=2024&region=620100", ["indicators", "--from-year", "2022", "--to-year", "2024", "--region", "620100"], "indicators-2022-2024.parquet" },
        { "/api/explain?indicator=patent_applications&fromYear=2022&toYear=2024&region=620100", ["explain", "--indicator", "patent_applications", "--from-year", "2022", "--to-year", "2024", "--region", "620100"], "explain-patent_applications-620100-2022-2024.parquet" },
    };

    [Theory]
    [MemberData(nameof(SameQuestions))]
    public async Task The_parquet_download_is_the_file_the_cli_writes(string path, string[] cli, string fileName)
    {
        using var response = await demo.Host.Client.GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}format=parquet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fileName, response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);

        var file = Path.Combine(demo.Folder, $"cli-{Guid.NewGuid():N}.parquet");
        var printed = demo.Ipwh([.. cli, "--format", "parquet", "--out", file]);
        Assert.True(printed.ExitCode == 0, printed.Stderr);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        var rangeExplain = cli[0] == "explain" && cli.Contains("--from-year");
        if (cli[0] != "targets" && !rangeExplain)
        {
            Assert.Equal(await File.ReadAllBytesAsync(file), bytes);
            return;
        }
        // A target report's title names the day it was judged on, and a range's breakdown (computed on the spot, not read
        // from the mart) the time it was computed: the server's clock is fixed, the CLI's is not.
        var (web, printedFile) = (await ParquetFile.ReadAsync(new MemoryStream(bytes)), await ParquetFile.ReadAsync(file));
        Assert.Equal(printedFile.Rows, web.Rows);
        Assert.Equal(printedFile.Columns.Select(c => (c.Name, c.Field.ClrType, c.Label)), web.Columns.Select(c => (c.Name, c.Field.ClrType, c.Label)));
        Assert.Equal(printedFile.Metadata["ipwh.columns"], web.Metadata["ipwh.columns"]);
        if (rangeExplain)
        {
            Assert.Equal(printedFile.Metadata["ipwh.title"], web.Metadata["ipwh.title"]);
            Assert.Equal(WithoutComputedAt(printedFile.Metadata["ipwh.summary"]), WithoutComputedAt(web.Metadata["ipwh.summary"]));
            Assert.Contains("计算时间", web.Metadata["ipwh.summary"], StringComparison.Ordinal);
            return;
        }
        Assert.StartsWith("目标完成情况 · 2023年 · 判断日 2026-11-21", web.Metadata["ipwh.title"], StringComparison.Ordinal);
    }

    private static List<string> WithoutComputedAt(string summary) =>
        [.. JsonDocument.Parse(summary).RootElement.EnumerateArray()
            .Where(f => f.GetProperty("label").GetString() != "计算时间")
            .Select(f => $"{f.GetProperty("label").GetString()}={f.GetProperty("value").GetString()}")];

    [Fact]
    public async Task A_query_in_parquet_is_what_ipwh_sql_writes_labelled_typed_and_cut_at_the_download_row_limit()
    {
        const string Sql = "SELECT region_code, name, valid_from, is_current FROM dim_region WHERE province_code = '620000' ORDER BY region_code";
        using var response = await PostSql(Sql);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("query.parquet", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var file = Path.Combine(demo.Folder, $"sql-{Guid.NewGuid():N}.parquet");
        Assert.Equal(0, demo.Ipwh("sql", "--format", "parquet", "--out", file, Sql).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(file), bytes);

        var parquet = await ParquetFile.ReadAsync(new MemoryStream(bytes));
        Assert.Equal("名称", parquet["name"].Label);
        Assert.Contains("兰州市", parquet.Values("name"));
        using var duckDb = new StagingWarehouse();
        var types = duckDb.Rows($"DESCRIBE SELECT * FROM read_parquet('{file}')").Select(r => $"{r[0]} {r[1]}");
        Assert.Equal(["region_code VARCHAR", "name VARCHAR", "valid_from DATE", "is_current BOOLEAN"], types);

        // A download carries more rows than the console's page (10 000), and stops at the download limit.
        using var more = await PostSql("SELECT * FROM range(10005)");
        Assert.False(more.Headers.Contains("X-Ipwh-Rows-Truncated-At"));
        Assert.Equal(10_005, (await ParquetFile.ReadAsync(await more.Content.ReadAsStreamAsync())).Rows.Count);
        using var large = await PostSql("SELECT * FROM range(1000005)");
        Assert.Equal("1000000", large.Headers.GetValues("X-Ipwh-Rows-Truncated-At").Single());
        Assert.Equal(1_000_000, (await ParquetFile.ReadAsync(await large.Content.ReadAsStreamAsync())).Rows.Count);
    }

    [Theory]
    [InlineData("/api/rejects?format=xlsx", "format=xlsx")]
    [InlineData("/api/rank?indicator=valid_invention_per_10k&year=2024&within=620000&format=parquets", "parquet")]
    public async Task An_unknown_format_is_a_400_that_offers_parquet(string path, string says)
    {
        using var response = await demo.Host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostSql(string sql) =>
        demo.Host.Client.PostAsync("/api/sql?format=parquet", new StringContent(JsonSerializer.Serialize(new { sql }), Encoding.UTF8, "application/json"));
}
