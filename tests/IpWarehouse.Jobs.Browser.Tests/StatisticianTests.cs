using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// SQL for statisticians: example queries answer for the latest year with data, ten thousand rows draw in a
/// second a page at a time, wide results scroll in their pane, the dictionary shows every column and stays in
/// view, and refusals are said in plain words.
[Collection(nameof(ServedDemo))]
public sealed class StatisticianTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string Ready = "#page-sql[data-ready] .sql-result table tbody tr";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumFact]
    public async Task Every_example_query_returns_rows_of_the_latest_year_with_data()
    {
        var (page, _) = await console.Open("#sql", Ready);
        var latest = (await demo.GetJson("api/meta")).GetProperty("data_years").EnumerateArray().Last().GetInt32();
        var examples = await page.Locator("#page-sql select option").AllInnerTextsAsync();
        Assert.True(examples.Count >= 5);
        for (var i = 0; i < examples.Count - 1; i++)
        {
            await page.SelectOptionAsync("#page-sql select", i.ToString(CultureInfo.InvariantCulture));
            await page.WaitForFunctionAsync("() => document.querySelector('.sql-result').dataset.rows !== undefined && !document.querySelector('[role=status]').textContent.includes('正在')");
            Assert.True(int.Parse(await page.GetAttributeAsync(".sql-result", "data-rows") ?? "0", CultureInfo.InvariantCulture) > 0, $"example '{examples[i + 1]}' returns rows");
            await page.EvaluateAsync("() => delete document.querySelector('.sql-result').dataset.rows");
        }
        Assert.Contains(examples, e => e.Contains(latest.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Ten_thousand_rows_draw_within_a_second_and_scroll_inside_their_pane()
    {
        var (page, _) = await console.Open("#sql", Ready);
        await page.FillAsync("#page-sql textarea", "SELECT *, application_no AS a2, applicant_address AS a3 FROM fact_patent LIMIT 10000");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.ClickAsync("#sql-run");
        await page.WaitForFunctionAsync("() => document.querySelector('.sql-result').dataset.rows === '10000'");
        var total = clock.Elapsed;
        var drawn = await page.EvaluateAsync<double>("() => Number(document.querySelector('.sql-result').dataset.drawMs)");
        output.WriteLine($"10 000 rows: {total.TotalMilliseconds:0} ms from the click (query and transfer included), {drawn:0} ms to draw");
        await File.AppendAllTextAsync(Path.Combine(ServedDemo.Artifacts, "first-render.txt"),
            $"sql-10000-rows: {total.TotalMilliseconds:0} ms from the click, {drawn:0} ms to draw the table{Environment.NewLine}");
        Assert.True(drawn <= 1000, $"drawing 10 000 rows took {drawn:0} ms");
        Assert.Contains("共 10,000 行", await page.InnerTextAsync("#page-sql .pager"), StringComparison.Ordinal);
        Assert.Equal(200, await page.Locator("#page-sql .sql-result tbody tr").CountAsync());
        var pane = await page.EvaluateAsync<int[]>("() => { const s = document.querySelector('.sql-result .table-scroll'); return [s.scrollWidth, s.clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]; }");
        Assert.True(pane[0] > pane[1], "the wide result scrolls inside its pane");
        Assert.True(pane[2] <= pane[3], "the page itself does not scroll sideways");

        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        var top = await page.EvaluateAsync<double>("() => document.getElementById('dictionary').getBoundingClientRect().top");
        Assert.InRange(top, 0, 200); // the dictionary stays in view beside the result
        await console.Screenshot(page, "sql-10000");
    }

    [ChromiumFact]
    public async Task The_dictionary_shows_every_column_with_its_comment_and_refusals_are_plain_words()
    {
        var (page, _) = await console.Open("#sql", Ready);
        var dictionary = (await demo.GetJson("api/dictionary")).EnumerateArray().ToList();
        Assert.Equal(dictionary.Count, await page.Locator("#dictionary details").CountAsync());
        var mart = dictionary.FindIndex(t => t.GetProperty("table").GetString() == "mart_indicator");
        await page.ClickAsync($"#dictionary details >> nth={mart} >> summary");
        var shown = await page.InnerTextAsync($"#dictionary details >> nth={mart}");
        Assert.DoesNotContain("[object", shown, StringComparison.Ordinal);
        foreach (var column in dictionary[mart].GetProperty("columns").EnumerateArray())
        {
            Assert.Contains(column.GetProperty("name").GetString()!, shown, StringComparison.Ordinal);
            if (column.GetProperty("comment").GetString() is { Length: > 0 } comment)
            {
                Assert.Contains(comment.Split('\n')[0], shown, StringComparison.Ordinal);
            }
        }

        foreach (var (sql, says) in new[]
        {
            ("COPY (SELECT 1) TO 'out.csv'", "只允许查询"),
            ("SELECT * FROM read_csv('/etc/passwd')", "不允许调用表函数 read_csv"),
            ("SELECT * FROM no_such_table", "查询出错"),
        })
        {
            await page.FillAsync("#page-sql textarea", sql);
            await page.ClickAsync("#sql-run");
            await page.WaitForFunctionAsync("s => (document.querySelector('#page-sql .error') || {}).textContent?.includes(s)", says);
            Assert.Equal(0, await page.Locator("#page-sql .sql-result tbody tr").CountAsync());
        }
        await console.Screenshot(page, "sql-refused");
        await ConsolePage.ExpectReadable(page, "#sql after a refusal");
    }

    [ChromiumFact]
    public async Task The_parquet_download_of_a_query_is_the_file_the_server_writes_for_it()
    {
        const string Sql = "SELECT region_code, name, level FROM dim_region WHERE province_code = '620000' ORDER BY region_code";
        var (page, _) = await console.Open("#sql?sql=" + Uri.EscapeDataString(Sql), Ready);
        var (fileName, bytes) = await ConsolePage.Download(page, "#page-sql button:has-text('下载 Parquet')");
        Assert.Equal("query.parquet", fileName);
        using var response = await demo.Http.PostAsync(new Uri("api/sql?format=parquet", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { sql = Sql }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(await response.Content.ReadAsByteArrayAsync(), bytes);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
    }
}
