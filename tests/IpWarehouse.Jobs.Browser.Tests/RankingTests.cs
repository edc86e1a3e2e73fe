using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// 排名 and the explain dialog: the page shows what /api/rank answers, figures a reader can tell apart, only
/// years with data, long rankings as horizontal bars, its filters in the URL, and works from the keyboard.
[Collection(nameof(ServedDemo))]
public sealed class RankingTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string Ready = "#page-rank[data-ready] .chart[data-bars] canvas";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumFact]
    public async Task The_ranking_shows_the_api_rows_with_digits_that_tell_neighbours_apart()
    {
        var (page, _) = await console.Open("#rank?indicator=valid_invention_per_10k&year=2024&within=620000", Ready);
        var rows = (await demo.GetJson("api/rank?indicator=valid_invention_per_10k&year=2024&within=620000")).EnumerateArray().ToList();

        Assert.Equal(rows.Select(r => r.GetProperty("region_name").GetString()),
            (await page.Locator("#page-rank table.data tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Replace("（本地区）", "", StringComparison.Ordinal)));
        Assert.Equal(rows.Select(r => r.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture)),
            await page.Locator("#page-rank table.data tbody tr td:nth-child(1)").AllInnerTextsAsync());
        Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#page-rank .chart", "data-bars"));
        // 金昌市 2.853… and 兰州市 2.849… both print as 2.85 with two decimals: the page shows enough to tell them apart
        var values = await page.Locator("#page-rank table.data tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("位小数", await page.InnerTextAsync("#page-rank .caption"), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Only_years_with_data_are_offered_and_a_year_without_says_so()
    {
        var (page, _) = await console.Open("#rank", Ready);
        var years = await page.Locator("select[name=year] option").AllInnerTextsAsync();
        var dataYears = (await demo.GetJson("api/meta")).GetProperty("data_years").EnumerateArray().Select(y => $"{y.GetInt32()} 年").Reverse();
        Assert.Equal(dataYears, years);

        await page.GotoAsync("/#rank?indicator=patent_applications&year=2025&within=620000");
        await page.WaitForSelectorAsync("#page-rank[data-ready] .error");
        var text = await ConsolePage.VisibleText(page);
        Assert.Contains("2025 年没有数据", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#page-rank table.data").CountAsync());
        await ConsolePage.ExpectReadable(page, "#rank for 2025");
    }

    [ChromiumFact]
    public async Task The_explain_dialog_shows_value_definition_numerator_denominator_population_and_rules_in_chinese()
    {
        var (page, _) = await console.Open("#rank?indicator=valid_invention_per_10k&year=2024&within=620000", Ready);
        await page.Locator("#page-rank table.data tbody tr >> nth=0 >> .explain").ClickAsync();
        await page.WaitForSelectorAsync("#explain-body .explain-summary dd");
        var text = await page.InnerTextAsync("#explain-dialog");

        Assert.DoesNotContain("[object", text, StringComparison.Ordinal);
        foreach (var part in new[] { "数值", "定义", "分子：有效发明专利量", "分母：常住人口", "所用人口", "计数口径", "地区归属", "人口口径", "事实表", "批次" })
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
        Assert.Contains("计入的记录：共", text, StringComparison.Ordinal);
        await console.Screenshot(page, "explain");
        await ConsolePage.ExpectReadable(page, "the explain dialog");
    }

    [ChromiumFact]
    public async Task Filters_live_in_the_url_and_a_reload_shows_the_same_ranking()
    {
        var (page, _) = await console.Open("#rank", Ready);
        await page.SelectOptionAsync("select[name=indicator]", "patent_applications");
        await page.WaitForFunctionAsync("() => location.hash.includes('indicator=patent_applications') && document.querySelector('#page-rank[data-ready] canvas')");
        await page.SelectOptionAsync("select[name=within]", "620100");
        await page.WaitForFunctionAsync("() => location.hash.includes('within=620100') && document.querySelector('#page-rank[data-ready] canvas')");
        var heading = await page.InnerTextAsync("h2.page-title");
        var names = await page.Locator("#page-rank table.data tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Contains("兰州市", heading, StringComparison.Ordinal);
        Assert.Contains("专利申请量", heading, StringComparison.Ordinal);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync(Ready);
        Assert.Equal(heading, await page.InnerTextAsync("h2.page-title"));
        Assert.Equal("patent_applications", await page.InputValueAsync("select[name=indicator]"));
        Assert.Equal("620100", await page.InputValueAsync("select[name=within]"));
        Assert.Equal(names, await page.Locator("#page-rank table.data tbody tr td:nth-child(2)").AllInnerTextsAsync());
        // the home region (城关区) is highlighted in the ranking of its city
        Assert.Equal(ServedDemo.Home, await page.GetAttributeAsync("#page-rank tr.home", "data-region"));
    }

    [ChromiumFact]
    public async Task A_long_ranking_draws_horizontal_bars_with_a_line_for_every_name()
    {
        var (page, _) = await console.Open("#rank?indicator=patent_applications&year=2024&within=620000&level=county", Ready);
        var count = (await demo.GetJson("api/rank?indicator=patent_applications&year=2024&within=620000&level=county")).GetArrayLength();
        Assert.True(count > 80, "the demo ranks every county of the province");
        Assert.Equal("horizontal", await page.GetAttributeAsync("#page-rank .chart", "data-orientation"));
        var height = await page.EvaluateAsync<double>("() => document.querySelector('#page-rank .chart').getBoundingClientRect().height");
        Assert.True(height / count >= 20, $"{height:0} px for {count} bars: each name needs a line of 20 px");
        await console.Screenshot(page, "rank-counties", fullPage: true);
    }

    [ChromiumFact]
    public async Task Sorting_and_explaining_work_from_the_keyboard()
    {
        var (page, _) = await console.Open("#rank?indicator=valid_invention_per_10k&year=2024&within=620000", Ready);
        var header = page.Locator("#page-rank th >> nth=2 >> button");
        await header.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#page-rank th[aria-sort=ascending]");
        var ascending = await page.Locator("#page-rank table.data tbody tr td:nth-child(1)").AllInnerTextsAsync();
        Assert.Equal("14", ascending[0]); // the lowest value first
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('th').getAttribute('aria-sort') === 'ascending'"), "focus stays on the header");

        await page.Locator("#page-rank table.data tbody tr >> nth=0 >> .explain").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#explain-body .explain-summary");
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForFunctionAsync("() => !document.getElementById('explain-dialog').open");
    }

    [ChromiumFact]
    public async Task The_ranking_downloads_as_the_workbook_the_cli_writes()
    {
        var (page, _) = await console.Open("#rank?indicator=valid_invention_per_10k&year=2024&within=620000", Ready);
        var rows = await demo.GetJson("api/rank?indicator=valid_invention_per_10k&year=2024&within=620000");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#page-rank .downloads a:has-text('Excel')"));
        var file = Path.Combine(Path.GetTempPath(), "ipwh-rank-" + Guid.NewGuid().ToString("N")[..8] + ".xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.Equal("rank-valid_invention_per_10k-620000-2024.xlsx", download.SuggestedFilename);
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
}
