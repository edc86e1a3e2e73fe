using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// 目标 for the leadership and 违规资助: counts by status, filters by status, indicator and a region tree with
/// search (all in the URL), the plan document, the parent's value, and the CLI's files as downloads.
[Collection(nameof(ServedDemo))]
public sealed class TargetsTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string Ready = "#page-targets[data-ready] table.data tbody tr";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumFact]
    public async Task Counts_by_status_filter_the_table_and_the_filter_survives_a_reload()
    {
        var (page, _) = await console.Open("#targets?year=2024", Ready);
        // the annual view: the targets of the year itself (the plan-period ones have their own view)
        var rows = (await demo.GetJson("api/targets?year=2024")).EnumerateArray().Where(r => r.GetProperty("plan_period").ValueKind == JsonValueKind.Null).ToList();
        var missed = rows.Count(r => r.GetProperty("status").GetString() == "missed");
        Assert.Contains($"{missed}\n未达成", await page.InnerTextAsync("#page-targets .cards"), StringComparison.Ordinal);
        Assert.Equal(rows.Count, await page.Locator("#page-targets table.data tbody tr").CountAsync());

        await page.ClickAsync("#page-targets button.card:has-text('未达成')");
        await page.WaitForFunctionAsync("() => location.hash.includes('status=missed') && document.querySelector('#page-targets[data-ready]')");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(Ready);
        var statuses = await page.Locator("#page-targets table.data tbody tr td:nth-child(8)").AllInnerTextsAsync();
        Assert.Equal(missed, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("未达成", s));
        Assert.Equal("true", await page.GetAttributeAsync("#page-targets button.card:has-text('未达成')", "aria-pressed"));
    }

    [ChromiumFact]
    public async Task The_region_tree_finds_a_county_and_shows_its_targets_with_documents_and_the_parent_value()
    {
        var (page, _) = await console.Open("#targets?year=2024", Ready);
        await page.FillAsync("#page-targets .tree input[type=search]", "城关");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => location.hash.includes('q=') && document.querySelector('#page-targets[data-ready]')");
        await page.ClickAsync("#page-targets .tree button:has-text('城关区')");
        await page.WaitForFunctionAsync($"() => location.hash.includes('region={ServedDemo.Home}') && document.querySelector('#page-targets[data-ready] table.data tbody tr')");
        var rows = (await demo.GetJson($"api/targets?year=2024&region={ServedDemo.Home}")).EnumerateArray()
            .Where(r => r.GetProperty("plan_period").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(rows.Count, await page.Locator("#page-targets table.data tbody tr").CountAsync());
        var text = await page.InnerTextAsync("#page-targets table.data");
        foreach (var row in rows)
        {
            Assert.Contains(row.GetProperty("source_document").GetString()!, text, StringComparison.Ordinal);
        }
        var aboveParent = rows.FindIndex(r => r.GetProperty("comparator").GetString() == ">parent_avg");
        Assert.True(aboveParent >= 0, "the demo sets 城关区 a target above its city");
        var cells = await page.Locator($"#page-targets table.data tbody tr >> nth={aboveParent} >> td").AllInnerTextsAsync();
        Assert.Equal("高于上级本级值", cells[2]);
        Assert.Equal(rows[aboveParent].GetProperty("parent_value").GetDouble().ToString("0.00", CultureInfo.InvariantCulture) + " 件", cells[4]);
        Assert.Equal(1, await page.Locator($"#page-targets table.data tbody tr >> nth={aboveParent} >> .progress.parent").CountAsync());
        await console.Screenshot(page, "targets-county");
    }

    [ChromiumFact]
    public async Task The_targets_download_is_the_file_ipwh_targets_writes()
    {
        var (page, _) = await console.Open($"#targets?year=2024&region={ServedDemo.Home}", Ready);
        var (fileName, bytes) = await ConsolePage.Download(page, "#page-targets .downloads a:has-text('CSV')");
        Assert.Equal($"targets-2024-{ServedDemo.Home}.csv", fileName);
        var expected = await demo.GetText($"api/targets?year=2024&region={ServedDemo.Home}&format=csv");
        Assert.Equal(expected.TrimStart('\uFEFF'), Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
    }

    [ChromiumFact]
    public async Task Violations_show_the_rule_broken_and_the_payment_and_filter_by_rule()
    {
        var (page, firstRender) = await console.Open("#violations?year=2023", "#page-violations[data-ready] table.data tbody tr");
        var rows = (await demo.GetJson("api/violations?year=2023")).EnumerateArray().ToList();
        Assert.Equal(rows.Count, await page.Locator("#page-violations table.data tbody tr").CountAsync());
        var first = await page.Locator("#page-violations table.data tbody tr >> nth=0 >> td").AllInnerTextsAsync();
        Assert.Equal(rows[0].GetProperty("payment_no").GetString(), first[1]);
        Assert.Equal(rows[0].GetProperty("detail").GetString(), first[5]);
        Assert.Equal(rows[0].GetProperty("paid_amount").GetDouble().ToString("N2", CultureInfo.InvariantCulture), first[6]);
        var rule = rows[0].GetProperty("rule").GetString()!;
        await page.SelectOptionAsync("select[name=rule]", rule);
        await page.WaitForFunctionAsync($"() => location.hash.includes('rule={rule}') && document.querySelector('#page-violations[data-ready]')");
        Assert.Equal(rows.Count(r => r.GetProperty("rule").GetString() == rule), await page.Locator("#page-violations table.data tbody tr").CountAsync());
        Assert.Equal(["下载 CSV", "下载 Excel", "下载 Parquet"], await page.Locator("#page-violations .downloads a").AllInnerTextsAsync());
        await console.Screenshot(page, "violations", firstRender);
    }
}
