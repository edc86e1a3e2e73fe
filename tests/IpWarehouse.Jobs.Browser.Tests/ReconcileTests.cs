using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// 对账: the official figures beside ours as /api/reconcile answers them, counts by status, each 偏差 opening what in
/// our data explains it (in Chinese), year, region and tolerance in the URL, and the CLI's files as downloads.
[Collection(nameof(ServedDemo))]
public sealed class ReconcileTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string Query = "year=2024&within=620000";
    private const string Ready = "#page-reconcile[data-ready] table.data tbody tr";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumTheory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task The_page_shows_the_official_figures_beside_ours_with_the_api_values_and_statuses(int width)
    {
        var (page, firstRender) = await console.Open($"#reconcile?{Query}", Ready, width);
        var rows = (await demo.GetJson($"api/reconcile?{Query}")).EnumerateArray().ToList();
        var official = rows.Where(r => r.GetProperty("status").GetString() != "no_official").ToList();
        Assert.Equal("甘肃省 2024 年官方公布数核对", await page.InnerTextAsync("h2.page-title"));

        var cards = await page.InnerTextAsync("#page-reconcile .cards");
        Assert.Contains($"{official.Count}\n项官方数", cards, StringComparison.Ordinal);
        foreach (var (code, label) in Status)
        {
            Assert.Contains($"{rows.Count(r => r.GetProperty("status").GetString() == code)}\n{label}", cards, StringComparison.Ordinal);
        }

        var shown = page.Locator("#page-reconcile table.data > tbody > tr");
        Assert.Equal(official.Count, await shown.CountAsync());
        for (var i = 0; i < official.Count; i++)
        {
            var row = official[i];
            var unit = row.GetProperty("unit").GetString();
            var cells = await shown.Nth(i).Locator("> td").AllInnerTextsAsync();
            Assert.Equal(row.GetProperty("region_name").GetString(), cells[0].Replace("（本地区）", "", StringComparison.Ordinal));
            Assert.Equal(row.GetProperty("indicator_name").GetString(), cells[1]);
            Assert.Equal(row.GetProperty("period").GetString() == "year" ? "全年" : row.GetProperty("period").GetString()!.Replace('-', '—'), cells[2]);
            Assert.Equal(ConsolePage.Figure(ConsolePage.Number(row, "official"), unit), cells[3]);
            Assert.Equal(ConsolePage.Figure(ConsolePage.Number(row, "ours"), unit), cells[4]);
            Assert.Equal(ConsolePage.Signed(ConsolePage.Number(row, "difference"), unit), cells[5]);
            Assert.Equal(ConsolePage.Signed(ConsolePage.Number(row, "difference_pct"), "%", 2), cells[6]);
            var status = row.GetProperty("status").GetString()!;
            Assert.Equal(Status[status], cells[7]);
            Assert.Equal(1, await shown.Nth(i).Locator($".status.{status}").CountAsync());
            Assert.StartsWith(row.GetProperty("source_document").GetString()!, cells[8], StringComparison.Ordinal);
            Assert.Equal(status == "differs" ? "展开说明" : "", cells[9]);
        }
        Assert.Contains($"没有官方数的 {rows.Count - official.Count} 项指标未列出", await page.InnerTextAsync("#page-reconcile .caption"), StringComparison.Ordinal);
        await console.Screenshot(page, $"reconcile-{width}", firstRender);
        await ConsolePage.ExpectReadable(page, $"#reconcile at {width} px");
    }

    [ChromiumTheory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task Each_difference_opens_its_explanation_in_chinese(int width)
    {
        var (page, _) = await console.Open($"#reconcile?{Query}&status=differs", Ready, width);
        var rows = (await demo.GetJson($"api/reconcile?{Query}")).EnumerateArray().Where(r => r.GetProperty("status").GetString() == "differs").ToList();
        Assert.Equal(2, rows.Count); // the demo's two deliberate 偏差: 平凉市 (a retired code) and 临夏州 (quarantined rows)
        var toggles = page.Locator("#page-reconcile button.detail-toggle");
        for (var i = 0; i < rows.Count; i++)
        {
            await toggles.Nth(i).ClickAsync();
        }
        var details = page.Locator("#page-reconcile tr.detail");
        Assert.Equal(rows.Count, await details.CountAsync());
        Assert.Equal(["收起说明", "收起说明"], await toggles.AllInnerTextsAsync());
        for (var i = 0; i < rows.Count; i++)
        {
            var e = rows[i].GetProperty("explanation");
            var text = await details.Nth(i).InnerTextAsync();
            Assert.Contains(e.GetProperty("summary").GetString()!, text, StringComparison.Ordinal);
            Assert.Contains($"事实的地区归属（共 {ConsolePage.Figure(e.GetProperty("facts").GetDouble())} 条）", text, StringComparison.Ordinal);
            foreach (var share in e.GetProperty("attribution").EnumerateArray())
            {
                Assert.Contains($"{Attribution[share.GetProperty("method").GetString()!]}\t{ConsolePage.Figure(share.GetProperty("facts").GetDouble())}\t" +
                    ConsolePage.Figure(share.GetProperty("share").GetDouble(), "%", 1), text, StringComparison.Ordinal);
            }
            foreach (var reason in e.GetProperty("quarantined").EnumerateArray())
            {
                Assert.Contains($"{Reason[reason.GetProperty("reason").GetString()!]}：{reason.GetProperty("rows").GetInt32()} 行", text, StringComparison.Ordinal);
            }
            var succeeded = e.GetProperty("succeeded_facts").GetInt32();
            Assert.Contains(succeeded > 0
                ? $"{succeeded} 条事实以已撤销代码 {string.Join("、", e.GetProperty("given_codes").EnumerateArray().Select(c => c.GetString()))} 报送"
                : "没有以已撤销代码报送的事实", text, StringComparison.Ordinal);
            Assert.Contains("计数口径", text, StringComparison.Ordinal);
            Assert.Contains("地区归属：计入第一申请人/注册人所在地区", text, StringComparison.Ordinal);
        }
        var all = await ConsolePage.VisibleText(page);
        Assert.Contains("校验位错误：4 行", all, StringComparison.Ordinal); // 临夏州's four rows with a wrong check character
        Assert.Contains("3 条事实以已撤销代码 620824 报送", all, StringComparison.Ordinal); // 平凉市's filings under 华亭县's old code
        await console.Screenshot(page, $"reconcile-explained-{width}", fullPage: true);
        await ConsolePage.ExpectReadable(page, $"#reconcile with its explanations at {width} px");

        await toggles.Nth(0).ClickAsync();
        Assert.Equal(rows.Count - 1, await details.CountAsync());
    }

    [ChromiumFact]
    public async Task Year_region_and_tolerance_live_in_the_url()
    {
        var (page, _) = await console.Open($"#reconcile?{Query}", Ready);
        await page.FillAsync("#page-reconcile input[name=tolerance]", "5");
        await page.DispatchEventAsync("#page-reconcile input[name=tolerance]", "change");
        await page.WaitForFunctionAsync("() => location.hash.includes('tolerance=5') && document.querySelector('#page-reconcile[data-ready] table.data tbody tr')");
        await page.SelectOptionAsync("#page-reconcile select[name=within]", "622900");
        await page.WaitForFunctionAsync("() => location.hash.includes('within=622900') && document.querySelector('#page-reconcile[data-ready] table.data tbody tr')");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(Ready);
        Assert.Equal("622900", await page.InputValueAsync("#page-reconcile select[name=within]"));
        Assert.Equal("5", await page.InputValueAsync("#page-reconcile input[name=tolerance]"));
        // 临夏州 is 3.9 % below its bulletin: within 5 % it matches
        var rows = (await demo.GetJson("api/reconcile?year=2024&within=622900&tolerance=5")).EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() != "no_official").ToList();
        Assert.All(rows, r => Assert.Equal("match", r.GetProperty("status").GetString()));
        var statuses = await page.Locator("#page-reconcile table.data tbody tr td:nth-child(8)").AllInnerTextsAsync();
        Assert.Equal(rows.Select(_ => "一致"), statuses);
        Assert.Contains("±5 %", await page.InnerTextAsync("#page-reconcile .caption"), StringComparison.Ordinal);
    }

    [ChromiumTheory]
    [InlineData("CSV", "csv")]
    [InlineData("Excel", "xlsx")]
    [InlineData("Parquet", "parquet")]
    public async Task The_downloads_are_the_files_ipwh_reconcile_writes(string label, string format)
    {
        var (page, _) = await console.Open("#reconcile?year=2024&within=622900&tolerance=1", Ready);
        var (fileName, bytes) = await ConsolePage.Download(page, $"#page-reconcile .downloads a:has-text('{label}')");
        Assert.Equal($"reconcile-2024-622900.{format}", fileName);
        // the API's file is the CLI's, byte for byte (ParquetApiTests, ApiTests)
        var expected = await demo.GetBytes($"api/reconcile?year=2024&within=622900&tolerance=1&format={format}");
        if (format == "xlsx")
        {
            Assert.Equal(SheetText(expected), SheetText(bytes)); // a zip's entries carry the time they were written
        }
        else
        {
            Assert.Equal(expected, bytes);
        }
        if (format == "csv")
        {
            Assert.Contains("临夏回族自治州", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    private static readonly Dictionary<string, string> Status = new(StringComparer.Ordinal)
    {
        ["match"] = "一致", ["differs"] = "偏差", ["no_local"] = "无本地数", ["no_official"] = "无官方数",
    };

    private static readonly Dictionary<string, string> Attribution = new(StringComparer.Ordinal)
    {
        ["code"] = "按区划代码", ["code_succeeded"] = "按已撤销代码的继承代码", ["address"] = "按申请人地址", ["credit_code"] = "按统一社会信用代码",
    };

    private static readonly Dictionary<string, string> Reason = new(StringComparer.Ordinal)
    {
        ["bad_check_digit"] = "校验位错误", ["unknown_region"] = "行政区划代码不存在", ["bad_date"] = "日期无法识别或超出范围",
    };

    private static string SheetText(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var part = document.WorkbookPart!;
        return (part.SharedStringTablePart?.SharedStringTable.InnerText ?? string.Empty) + string.Join('\n', part.WorksheetParts.Select(w => w.Worksheet.InnerText));
    }
}
