using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// The four pages of the console in chromium against `ipwh serve` on the demo warehouse. Every check
/// compares what the page shows with what the API answers for the same question.
[Collection(nameof(ServedDemo))]
public sealed class PageTests(ServedDemo demo, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Ranking_page_draws_one_bar_per_ranked_region_and_redraws_for_another_indicator()
    {
        var (page, firstRender) = await Open("#rank", "#rank-chart[data-bars]");
        await Screenshot(page, "rank", firstRender);

        await ExpectPageMatchesApi(page);
        var caption = await page.TextContentAsync("#rank-caption");

        await page.SelectOptionAsync("#rank-indicator", "patent_applications");
        await page.WaitForFunctionAsync("c => document.getElementById('rank-caption').textContent !== c", caption);
        Assert.Contains("专利申请量", await page.TextContentAsync("#rank-caption"), StringComparison.Ordinal);
        await ExpectPageMatchesApi(page);
    }

    [ChromiumFact]
    public async Task The_ranking_downloads_as_a_valid_workbook_with_every_region()
    {
        var (page, _) = await Open("#rank", "#rank-chart[data-bars]");
        var rows = await ApiRank(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#rank-xlsx"));
        var file = Path.Combine(Path.GetTempPath(), "ipwh-rank-" + Guid.NewGuid().ToString("N")[..8] + ".xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
            var errors = new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
            var text = string.Join('\n', workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? string.Empty,
                string.Join('\n', workbook.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText)));
            foreach (var row in rows.EnumerateArray())
            {
                Assert.Contains(row.GetProperty("region_name").GetString()!, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [ChromiumFact]
    public async Task The_sql_page_runs_a_query_and_shows_refusals_in_plain_words()
    {
        var (page, firstRender) = await Open("#sql", "#dictionary details");
        var tables = await page.Locator("#dictionary details").CountAsync();
        Assert.Equal((await demo.GetJson("api/dictionary")).GetArrayLength(), tables);

        await page.FillAsync("#sql-text", "SELECT region_code, count(*) AS n FROM fact_patent GROUP BY region_code ORDER BY region_code");
        await page.ClickAsync("#sql-run");
        await page.WaitForSelectorAsync("#sql-table tbody tr");
        var expected = await demo.Http.PostAsync(new Uri("api/sql", UriKind.Relative),
            new StringContent("""{"sql":"SELECT region_code, count(*) AS n FROM fact_patent GROUP BY region_code ORDER BY region_code"}""",
                System.Text.Encoding.UTF8, "application/json"));
        var apiRows = JsonDocument.Parse(await expected.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(apiRows.GetArrayLength(), await page.Locator("#sql-table tbody tr").CountAsync());
        Assert.Equal(apiRows[0].GetProperty("region_code").GetString(), await page.Locator("#sql-table tbody tr >> nth=0 >> td >> nth=0").TextContentAsync());
        await Screenshot(page, "sql", firstRender);

        foreach (var (sql, says) in new[]
        {
            ("COPY (SELECT 1) TO 'out.csv'", "只允许查询"),
            ("SELECT * FROM read_csv('/etc/passwd')", "不允许从 SQL 读写文件"),
            ("ATTACH 'other.duckdb'", "只允许查询"),
            ("SET threads = 1", "只允许查询"),
        })
        {
            await page.FillAsync("#sql-text", sql);
            await page.ClickAsync("#sql-run");
            var error = page.Locator("#sql-error");
            await error.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            await page.WaitForFunctionAsync("s => document.getElementById('sql-error').textContent.includes(s)", says);
            Assert.Equal(0, await page.Locator("#sql-table tbody tr").CountAsync());
        }
        await Screenshot(page, "sql-refused", firstRender: null);
    }

    [ChromiumFact]
    public async Task Targets_and_runs_pages_show_the_same_rows_as_the_api()
    {
        var (targets, targetsRender) = await Open("#targets", "#targets-table tbody tr");
        var year = await targets.InputValueAsync("#targets-year");
        var apiTargets = await demo.GetJson($"api/targets?year={year}");
        Assert.Equal(apiTargets.GetArrayLength(), await targets.Locator("#targets-table tbody tr").CountAsync());
        await Screenshot(targets, "targets", targetsRender);

        var (runs, runsRender) = await Open("#runs", "#runs-table tbody tr");
        var apiRuns = await demo.GetJson("api/runs");
        var batch = apiRuns[0].GetProperty("batch_id").GetString()!;
        Assert.Equal(batch, await runs.Locator("#runs-table tbody tr >> nth=0 >> td >> nth=0").TextContentAsync());
        await runs.ClickAsync("#runs-table tbody tr >> nth=0");
        await runs.WaitForSelectorAsync("#rejects-table tbody tr");
        var apiRejects = await demo.GetJson($"api/rejects?batch={Uri.EscapeDataString(batch)}");
        Assert.True(apiRejects.GetArrayLength() > 0, "the demo quarantines dirty rows in its first load");
        Assert.Equal(apiRejects.GetArrayLength(), await runs.Locator("#rejects-table tbody tr").CountAsync());
        await Screenshot(runs, "runs", runsRender);
    }

    private async Task ExpectPageMatchesApi(IPage page)
    {
        var rows = await ApiRank(page);
        var ranked = rows.EnumerateArray().Count(r => r.GetProperty("value").ValueKind != JsonValueKind.Null);
        Assert.True(ranked > 1, "the demo ranks several regions");
        await page.WaitForFunctionAsync("n => document.getElementById('rank-chart').dataset.bars === String(n)", ranked);
        var names = await page.Locator("#rank-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(rows.EnumerateArray().Select(r => r.GetProperty("region_name").GetString()), names);
        var ranks = await page.Locator("#rank-table tbody tr td:nth-child(1)").AllTextContentsAsync();
        Assert.Equal(rows.EnumerateArray().Select(r => r.GetProperty("rank").ValueKind == JsonValueKind.Null
            ? "—" : r.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture)), ranks);
    }

    private async Task<JsonElement> ApiRank(IPage page)
    {
        var indicator = await page.InputValueAsync("#rank-indicator");
        var year = await page.InputValueAsync("#rank-year");
        var within = await page.InputValueAsync("#rank-within");
        return await demo.GetJson($"api/rank?indicator={indicator}&year={year}&within={within}");
    }

    private async Task<(IPage Page, TimeSpan FirstRender)> Open(string hash, string readySelector)
    {
        var page = await demo.OpenPage();
        var clock = Stopwatch.StartNew(); // from navigation to the data on screen
        await page.GotoAsync("/" + hash);
        await page.WaitForSelectorAsync(readySelector);
        return (page, clock.Elapsed);
    }

    private async Task Screenshot(IPage page, string name, TimeSpan? firstRender)
    {
        var path = Path.Combine(ServedDemo.Artifacts, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        var line = firstRender is { } render
            ? $"{name}: first render {render.TotalMilliseconds:0} ms (navigation to data on screen), screenshot {path}"
            : $"{name}: screenshot {path}";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(ServedDemo.Artifacts, "first-render.txt"), line + Environment.NewLine);
    }
}
