using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// Issue 16 on the console: the targets page's 十四五 view (今年情况 / 今年目标 / 总目标, progress against the path,
/// the status in colour) and ranges of years on the ranking page, showing what the API answers.
[Collection(nameof(ServedDemo))]
public sealed class PlanPeriodTests(ServedDemo demo, ITestOutputHelper output)
{
    // Judged at the end of 2024, inside the plan: the demo's 十四五 plan is then on track, at risk and off track.
    private const string PlanQuery = "year=2024&asOf=2024-12-31";
    private const string PlanReady = "#page-targets[data-ready] table.data tbody tr";
    private const string RankReady = "#page-rank[data-ready] .chart[data-bars] canvas";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumTheory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task The_plan_view_shows_this_year_the_path_the_total_and_the_progress_against_the_path(int width)
    {
        var (page, firstRender) = await console.Open($"#targets?{PlanQuery}&view=plan", PlanReady, width);
        var rows = (await demo.GetJson($"api/targets?{PlanQuery}")).EnumerateArray()
            .Where(r => r.GetProperty("plan_period").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(rows);
        Assert.Contains("十四五规划目标 · 2024 年进度", await page.InnerTextAsync("h2.page-title"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#page-targets .view-switch button:has-text('十四五规划目标')", "aria-pressed"));

        var shown = page.Locator("#page-targets table.data tbody tr");
        Assert.Equal(rows.Count, await shown.CountAsync());
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var unit = row.GetProperty("unit").GetString();
            var cells = await shown.Nth(i).Locator("td").AllInnerTextsAsync();
            Assert.Equal("十四五（2021—2025）", cells[2].Replace("\n", "", StringComparison.Ordinal));
            Assert.StartsWith(ConsolePage.Figure(ConsolePage.Number(row, "year_value"), unit), cells[3], StringComparison.Ordinal);
            Assert.Equal(ConsolePage.Figure(ConsolePage.Number(row, "year_target"), unit), cells[4]);
            Assert.Equal($"不低于 {ConsolePage.Figure(ConsolePage.Number(row, "target_value"), unit)}", cells[5]);
            Assert.Contains($"完成序时进度 {ConsolePage.Figure(ConsolePage.Number(row, "progress"), "%", 1)}", cells[6], StringComparison.Ordinal);
            var status = row.GetProperty("status").GetString()!;
            Assert.Equal(Status[status], cells[7]);
            Assert.Equal(1, await shown.Nth(i).Locator($".status.{status}").CountAsync());
            Assert.Equal(1, await shown.Nth(i).Locator($".progress.plan.{status}").CountAsync());
            Assert.Equal(row.GetProperty("source_document").GetString(), cells[8]);
        }
        // the statuses the demo's plan is in at the end of 2024, each counted on top
        var statuses = rows.Select(r => r.GetProperty("status").GetString()!).ToHashSet();
        Assert.Superset(new HashSet<string> { "on_track", "at_risk", "off_track" }, statuses);
        var cards = await page.InnerTextAsync("#page-targets .cards");
        foreach (var (code, label) in Status)
        {
            Assert.Contains($"{rows.Count(r => r.GetProperty("status").GetString() == code)}\n{label}", cards, StringComparison.Ordinal);
        }
        await console.Screenshot(page, $"targets-plan-{width}", firstRender);
        await ConsolePage.ExpectReadable(page, $"the 十四五 view at {width} px");
    }

    [ChromiumFact]
    public async Task The_plan_view_and_its_status_filter_live_in_the_url()
    {
        var (page, _) = await console.Open($"#targets?{PlanQuery}", PlanReady);
        await page.ClickAsync("#page-targets .view-switch button:has-text('十四五规划目标')");
        await page.WaitForFunctionAsync("() => location.hash.includes('view=plan') && document.querySelector('#page-targets[data-ready] .progress.plan')");
        await page.ClickAsync("#page-targets button.card:has-text('有风险')");
        await page.WaitForFunctionAsync("() => location.hash.includes('status=at_risk') && document.querySelector('#page-targets[data-ready]')");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(PlanReady);
        var atRisk = (await demo.GetJson($"api/targets?{PlanQuery}")).EnumerateArray()
            .Count(r => r.GetProperty("plan_period").ValueKind != JsonValueKind.Null && r.GetProperty("status").GetString() == "at_risk");
        Assert.True(atRisk > 0, "the demo has a plan target at risk at the end of 2024");
        var statuses = await page.Locator("#page-targets table.data tbody tr td:nth-child(8)").AllInnerTextsAsync();
        Assert.Equal(atRisk, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("有风险", s));

        await page.ClickAsync("#page-targets .view-switch button:has-text('年度目标')");
        await page.WaitForFunctionAsync("() => !location.hash.includes('view=plan') && document.querySelector('#page-targets[data-ready] table.data')");
        Assert.Equal(0, await page.Locator("#page-targets .progress.plan").CountAsync());
    }

    [ChromiumTheory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task A_range_of_years_ranks_the_totals_the_api_answers_and_explains_the_range(int width)
    {
        const string Query = "indicator=case_closure_rate&within=620000";
        var (page, _) = await console.Open($"#rank?{Query}&year=2024&fromYear=2022", RankReady, width);
        var rows = (await demo.GetJson($"api/rank?{Query}&fromYear=2022&toYear=2024")).EnumerateArray().ToList();
        Assert.Contains("2022—2024 年结案率排名", await page.InnerTextAsync("h2.page-title"), StringComparison.Ordinal);
        Assert.Contains("2022—2024 年合计", await page.InnerTextAsync("#page-rank .caption"), StringComparison.Ordinal);
        Assert.Equal("上一时段名次", (await page.Locator("#page-rank table.data thead th").AllInnerTextsAsync())[3].Trim());
        Assert.Equal(0, await page.Locator("#page-rank input[name=asOf]").CountAsync()); // a range is whole years

        var digits = (await page.Locator("#page-rank table.data tbody tr td:nth-child(3)").AllInnerTextsAsync())[0].Split('.').ElementAtOrDefault(1)?.Length ?? 0;
        var cells = page.Locator("#page-rank table.data tbody tr");
        for (var i = 0; i < rows.Count; i++)
        {
            var texts = await cells.Nth(i).Locator("td").AllInnerTextsAsync();
            Assert.Equal(rows[i].GetProperty("rank").ToString(), texts[0]);
            Assert.Equal(ConsolePage.Figure(ConsolePage.Number(rows[i], "value"), null, digits), texts[2]);
            Assert.Equal(rows[i].GetProperty("previous_rank").ToString(), texts[3]);
        }
        await console.Screenshot(page, $"rank-range-{width}");
        await ConsolePage.ExpectReadable(page, $"#rank 2022—2024 at {width} px");

        await cells.Nth(0).Locator(".explain").ClickAsync();
        await page.WaitForSelectorAsync("#explain-body .explain-summary dd");
        var name = rows[0].GetProperty("region_name").GetString();
        Assert.Equal($"{name} 2022—2024 年结案率的数据来源", await page.InnerTextAsync("#explain-title"));
        Assert.Contains("2022-01-01 至 2024-12-31", await page.InnerTextAsync("#explain-body"), StringComparison.Ordinal);
        await ConsolePage.ExpectReadable(page, $"the explain dialog of a range at {width} px");
    }

    [ChromiumFact]
    public async Task Choosing_a_first_year_puts_the_range_in_the_url_and_one_without_data_says_so()
    {
        var (page, _) = await console.Open("#rank?indicator=patent_applications&year=2024&within=620000", RankReady);
        var offered = await page.Locator("select[name=fromYear] option").AllInnerTextsAsync();
        var dataYears = (await demo.GetJson("api/meta")).GetProperty("data_years").EnumerateArray().Select(y => y.GetInt32()).Where(y => y < 2024);
        Assert.Equal(["仅所选年度", .. dataYears.Reverse().Select(y => $"{y} 年起")], offered);
        await page.SelectOptionAsync("select[name=fromYear]", "2022");
        await page.WaitForFunctionAsync("() => location.hash.includes('fromYear=2022') && document.querySelector('#page-rank[data-ready] canvas')");
        var total = (await demo.GetJson("api/rank?indicator=patent_applications&fromYear=2022&toYear=2024&within=620000")).EnumerateArray()
            .Sum(r => r.GetProperty("value").GetDouble());
        var yearly = 0.0;
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            yearly += (await demo.GetJson($"api/rank?indicator=patent_applications&year={year}&within=620000")).EnumerateArray().Sum(r => r.GetProperty("value").GetDouble());
        }
        Assert.Equal(yearly, total); // a range's count is the sum of its years

        await page.GotoAsync("/#rank?indicator=patent_applications&year=2025&fromYear=2022&within=620000");
        await page.WaitForSelectorAsync("#page-rank[data-ready] .error");
        Assert.Contains("2025 年没有数据", await ConsolePage.VisibleText(page), StringComparison.Ordinal);
        await ConsolePage.ExpectReadable(page, "#rank 2022—2025");
    }

    private static readonly Dictionary<string, string> Status = new(StringComparer.Ordinal)
    {
        ["achieved"] = "已达成", ["on_track"] = "进度正常", ["at_risk"] = "有风险", ["off_track"] = "进度滞后", ["missed"] = "未达成",
    };
}
