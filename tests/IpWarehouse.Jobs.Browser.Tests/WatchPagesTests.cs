using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// 评价指数, 即将到期 and 未结案件 (issue 17): each page shows, in Chinese, what /api/index, /api/expiring and /api/cases
/// answer for the same parameters, the index with one radar chart per region.
[Collection(nameof(ServedDemo))]
public sealed class WatchPagesTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string ExampleIndex = "强县评价（示例权重）";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumFact]
    public async Task The_index_page_ranks_the_cities_with_their_scores_and_a_radar_each()
    {
        var query = $"name={Uri.EscapeDataString(ExampleIndex)}&year=2024&within=620000";
        var (page, firstRender) = await console.Open($"#index?{query}", "#page-index[data-ready] .chart.radar canvas");
        var rows = (await demo.GetJson($"api/index?{query}")).EnumerateArray().ToList();

        Assert.Equal($"{ExampleIndex} · 甘肃省 · 2024 年", await page.InnerTextAsync("h2.page-title"));
        var table = page.Locator("#page-index table.data").First.Locator("> tbody > tr");
        Assert.Equal(rows.Count, await table.CountAsync());
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = await table.Nth(i).Locator("> td").AllInnerTextsAsync();
            Assert.Equal(rows[i].GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
            Assert.StartsWith(rows[i].GetProperty("region_name").GetString()!, cells[1], StringComparison.Ordinal);
            Assert.Equal(ConsolePage.Figure(ConsolePage.Number(rows[i], "score"), null, 2), cells[2]);
            Assert.Equal(ConsolePage.Figure(rows[i].GetProperty("dimensions").GetProperty("创造质量").GetDouble(), null, 2), cells[3]);
        }
        Assert.Equal(rows.Count, await page.Locator("#page-index .chart.radar canvas").CountAsync());
        Assert.Contains("各地区维度得分", await ConsolePage.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("计算明细", await ConsolePage.VisibleText(page), StringComparison.Ordinal);
        await console.Screenshot(page, "index", firstRender, fullPage: true);
        await ConsolePage.ExpectReadable(page, "#index");
    }

    [ChromiumFact]
    public async Task The_expiring_page_lists_what_the_api_lists()
    {
        const string Query = "within=622901&months=60&asOf=2024-12-31";
        var (page, firstRender) = await console.Open($"#expiring?{Query}", "#page-expiring[data-ready] table.data tbody tr");
        var rows = (await demo.GetJson($"api/expiring?{Query}")).EnumerateArray().ToList();

        Assert.Equal("临夏市 60 个月内到期的专利和商标", await page.InnerTextAsync("h2.page-title"));
        Assert.Contains($"共 {rows.Count} 件", await page.InnerTextAsync("#page-expiring .caption"), StringComparison.Ordinal);
        var first = await page.Locator("#page-expiring table.data > tbody > tr").First.Locator("> td").AllInnerTextsAsync();
        Assert.Equal(rows[0].GetProperty("expiry_date").GetString(), first[0]);
        Assert.Equal(rows[0].GetProperty("number").GetString(), first[3]);
        Assert.Equal(rows[0].GetProperty("kind").GetString() == "patents" ? "专利" : "商标", first[2]);
        await console.Screenshot(page, "expiring", firstRender);
        await ConsolePage.ExpectReadable(page, "#expiring");
    }

    [ChromiumFact]
    public async Task The_expiring_page_says_in_chinese_that_a_long_list_was_cut_and_how_to_narrow_it()
    {
        // 甘肃 over 120 months: some 83 000 rights, past the page's default limit of 10 000 rows (sql.rowLimit)
        const string Query = "within=620000&months=120&asOf=2024-12-31";
        var (page, _) = await console.Open($"#expiring?{Query}", "#page-expiring[data-ready] table.data tbody tr");
        using var response = await demo.Http.GetAsync(new Uri($"api/expiring?{Query}", UriKind.Relative));

        Assert.Equal("10000", response.Headers.GetValues("X-Ipwh-Rows-Truncated-At").Single());
        Assert.Equal("结果超过 10000 行，只返回前 10000 行。请选下一级地区或缩短期间；要全部的行，请下载 CSV 或 Parquet 文件（下载的上限大得多）。",
            await page.InnerTextAsync("#page-expiring .notice"));
        Assert.StartsWith("列出 10000 件：", await page.InnerTextAsync("#page-expiring .caption"), StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync("#page-expiring .notice"));
    }

    [ChromiumFact]
    public async Task The_cases_page_counts_open_and_overdue_cases_by_campaign()
    {
        const string Query = "within=620000&asOf=2024-12-31";
        var (page, firstRender) = await console.Open($"#cases?{Query}&by=campaign", "#page-cases[data-ready] table.data tbody tr");
        var open = (await demo.GetJson($"api/cases?{Query}")).EnumerateArray().ToList();
        var groups = (await demo.GetJson($"api/cases?{Query}&by=campaign")).EnumerateArray().ToList();

        Assert.Equal("甘肃省 未结与超期案件", await page.InnerTextAsync("h2.page-title"));
        var cards = await page.InnerTextAsync("#page-cases .cards");
        Assert.Contains($"{open.Count}\n件未结", cards, StringComparison.Ordinal);
        Assert.Contains($"{open.Count(c => c.GetProperty("overdue").GetBoolean())}\n件超期", cards, StringComparison.Ordinal);
        var byCampaign = page.Locator("#page-cases table.data").First.Locator("> tbody > tr");
        Assert.Equal(groups.Count, await byCampaign.CountAsync());
        Assert.Contains("按专项行动", await ConsolePage.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("铁拳", await page.Locator("#page-cases table.data").First.InnerTextAsync(), StringComparison.Ordinal);
        await console.Screenshot(page, "cases", firstRender);
        await ConsolePage.ExpectReadable(page, "#cases");
    }
}
