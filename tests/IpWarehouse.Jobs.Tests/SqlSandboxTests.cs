using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using IpWarehouse.Etl.Sandbox;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// The statisticians' SQL console under attack (issue 13): queries run in worker processes with limits, the
/// allow-list refuses side effects, and the server answers on whatever a query does.
public sealed class SqlSandboxTests(DemoApi demo) : IClassFixture<DemoApi>
{
    [Fact]
    public async Task Side_effecting_table_functions_are_refused_by_name_and_the_server_keeps_answering()
    {
        for (var i = 0; i < 2; i++)
        {
            using var logging = await PostSql("SELECT * FROM enable_logging(storage='file', storage_path='logs')");
            Assert.Equal(HttpStatusCode.BadRequest, logging.StatusCode);
            Assert.Contains("enable_logging", await Error(logging), StringComparison.Ordinal);
        }
        foreach (var sql in new[] { "SELECT message FROM duckdb_logs", "FROM checkpoint()", "SELECT * FROM duckdb_settings()" })
        {
            using var refused = await PostSql(sql);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("不允许", await Error(refused), StringComparison.Ordinal);
        }
        using var meta = await demo.Host.Client.GetAsync("/api/meta");
        Assert.Equal(HttpStatusCode.OK, meta.StatusCode);
    }

    [Fact]
    public async Task Histogram_and_the_catalogue_render()
    {
        using var histogram = await PostSql("SELECT histogram(patent_type) AS h FROM fact_patent");
        var body = await histogram.Content.ReadAsStringAsync();
        Assert.True(histogram.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(body).RootElement[0].GetProperty("h").ValueKind);

        using var tables = await PostSql("FROM duckdb_tables()");
        body = await tables.Content.ReadAsStringAsync();
        Assert.True(tables.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains(JsonDocument.Parse(body).RootElement.EnumerateArray(), t => t.GetProperty("table_name").GetString() == "fact_patent");
    }

    [Fact]
    public async Task A_body_of_invalid_utf8_is_a_400_in_json()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"sql\": \"SELECT 'x'\"}");
        bytes[14] = 0xC3; // a lead byte followed by a quote
        using var response = await demo.Host.Client.PostAsync("/api/sql", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await Error(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_statements_are_refused_saying_so()
    {
        using var response = await PostSql("SELECT 1; SELECT 2");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("holds 2 statements", await Error(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_answer_is_cut_at_the_byte_limit_with_a_header_that_names_it_and_a_download_carries_more_rows()
    {
        using var wide = await PostSql("SELECT repeat('x', 30000) AS x FROM range(10000)");
        var body = await wide.Content.ReadAsStringAsync();
        Assert.True(wide.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("16000000", wide.Headers.GetValues("X-Ipwh-Bytes-Truncated-At").Single());
        Assert.False(wide.Headers.Contains("X-Ipwh-Rows-Truncated-At"));
        var rows = JsonDocument.Parse(body).RootElement.GetArrayLength();
        Assert.InRange(rows, 400, 540); // 16 MB of rows of 30 000 bytes
        Assert.True(Encoding.UTF8.GetByteCount(body) <= 16_000_000);

        using var csv = await demo.Host.Client.PostAsync("/api/sql?format=csv", Json(new { sql = "SELECT * FROM range(20000)" }));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.False(csv.Headers.Contains("X-Ipwh-Rows-Truncated-At"));
        Assert.Equal(20_001, (await csv.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task A_query_that_outgrows_its_memory_costs_only_itself()
    {
        var watch = Stopwatch.StartNew();
        using var response = await PostSql("SELECT list(range(100000000)) AS l");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("memory", (await Error(response)).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(35), $"ended after {watch.Elapsed}");
        using var next = await PostSql("SELECT 42 AS answer");
        Assert.Equal("[\n  {\n    \"answer\": 42\n  }\n]", (await next.Content.ReadAsStringAsync()).Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_worker_that_crashes_costs_one_query_with_a_message_and_is_replaced()
    {
        using var sandbox = new SqlSandbox(new SandboxSettings { Workers = 1 }, new WorkerCommand("sh", ["-c", "read line; kill -SEGV $$"]));
        for (var i = 0; i < 2; i++)
        {
            var outcome = await sandbox.RunAsync(Request());
            Assert.Equal(500, outcome.Status);
            Assert.Contains("意外退出", outcome.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_hung_worker_is_killed_at_its_limit_and_grace()
    {
        using var sandbox = new SqlSandbox(new SandboxSettings { Workers = 1 }, new WorkerCommand("sh", ["-c", "read line; exec sleep 120"]));
        var watch = Stopwatch.StartNew();
        var outcome = await sandbox.RunAsync(Request() with { TimeLimitSeconds = 1 });
        Assert.Equal(400, outcome.Status);
        Assert.Contains("was killed", outcome.Error, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task Queries_past_the_workers_and_the_queue_are_refused_in_chinese()
    {
        using var sandbox = new SqlSandbox(new SandboxSettings { Workers = 1, Queue = 1 }, new WorkerCommand("sh", ["-c", "read line; exec sleep 120"]));
        var running = sandbox.RunAsync(Request() with { TimeLimitSeconds = 1 });
        var waiting = sandbox.RunAsync(Request() with { TimeLimitSeconds = 1 });
        var error = await Assert.ThrowsAsync<SandboxBusyException>(() => sandbox.RunAsync(Request()));
        Assert.Contains("查询太多，请稍后再试", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, (await running).Status);
        Assert.Equal(400, (await waiting).Status);
    }

    private static SqlRequest Request() => new()
    {
        Warehouse = Path.GetTempPath(), Sql = "SELECT 1", Format = "json", MemoryLimit = "1GB", TempLimit = "1GB",
    };

    private Task<HttpResponseMessage> PostSql(string sql) => demo.Host.Client.PostAsync("/api/sql", Json(new { sql }));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<string> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
}
