using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// 运行 for operators: the schedule in words, buttons enabled only when they make sense and confirmed before
/// they act, run rows operable from the keyboard, the quarantined rows with their messages, filterable and
/// downloadable.
[Collection(nameof(ServedDemo))]
public sealed class OperatorTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string Ready = "#page-runs[data-ready] table.data tbody tr[data-batch]";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumFact]
    public async Task The_schedule_reads_in_words_and_only_sensible_buttons_are_enabled_and_confirmed()
    {
        var (page, _) = await console.Open("#runs", Ready);
        var card = await page.InnerTextAsync("#job-state");
        Assert.Contains("计划：每天 01:30（北京时间）", card, StringComparison.Ordinal);
        Assert.Contains("节点：单机", card, StringComparison.Ordinal);
        Assert.True(await page.IsEnabledAsync("button[data-job=run]"));
        Assert.True(await page.IsEnabledAsync("button[data-job=pause]"));
        Assert.False(await page.IsEnabledAsync("button[data-job=resume]"), "nothing is paused");
        Assert.False(await page.IsEnabledAsync("button[data-job=cancel]"), "nothing is running");

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.DismissAsync();
        };
        var before = (await demo.GetJson("api/runs")).GetArrayLength();
        await page.ClickAsync("button[data-job=run]");
        Assert.Contains("完整装载", asked, StringComparison.Ordinal);
        await page.ClickAsync("button[data-job=source]");
        Assert.Contains("ipwh load --full --source cnipa-patents", asked, StringComparison.Ordinal);
        Assert.Equal("scheduled", (await demo.GetJson("api/jobs")).GetProperty("state").GetString());
        Assert.Equal(before, (await demo.GetJson("api/runs")).GetArrayLength());
    }

    [ChromiumFact]
    public async Task A_run_row_opens_from_the_keyboard_and_its_quarantined_rows_filter_and_download_with_messages()
    {
        var (page, _) = await console.Open("#runs", Ready);
        var runs = await demo.GetJson("api/runs");
        var batch = runs[0].GetProperty("batch_id").GetString()!;
        await page.Locator("#page-runs tr[data-batch] >> nth=0").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => location.hash.includes('batch={batch}') && document.querySelector('#page-runs[data-ready] h3 + form')");
        var rejects = (await demo.GetJson($"api/rejects?batch={Uri.EscapeDataString(batch)}")).EnumerateArray().ToList();
        Assert.True(rejects.Count > 0, "the demo quarantines dirty rows in its first load");
        Assert.Contains($"{rejects.Count} 行", await page.InnerTextAsync("#page-runs h3:has-text('隔离数据')"), StringComparison.Ordinal);
        var messages = await page.Locator("#page-runs table.data:has(th:has-text('原值')) tbody tr td:nth-child(7)").AllInnerTextsAsync();
        Assert.Equal(rejects.Take(200).Select(r => r.GetProperty("message").GetString()), messages);
        Assert.All(messages, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m)); // the reasons are sentences in Chinese

        await page.SelectOptionAsync("#page-runs h3 + form select >> nth=1", "bad_date");
        await page.WaitForFunctionAsync("() => location.hash.includes('reason=bad_date') && document.querySelector('#page-runs[data-ready] h3 + form')");
        var badDates = rejects.Where(r => r.GetProperty("reason").GetString() == "bad_date").ToList();
        Assert.Equal(badDates.Count, await page.Locator("#page-runs table.data:has(th:has-text('原值')) tbody tr").CountAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#page-runs h3 + form button:has-text('下载 CSV')"));
        var file = Path.Combine(Path.GetTempPath(), "ipwh-rejects-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        await download.SaveAsAsync(file);
        try
        {
            var lines = (await File.ReadAllLinesAsync(file, Encoding.UTF8)).ToList();
            Assert.Equal("数据源,文件,行,列,原值,原因,说明", lines[0].TrimStart('\uFEFF'));
            Assert.Equal(badDates.Count, lines.Count - 1);
            Assert.All(badDates, r => Assert.Contains(lines, l => l.Contains(r.GetProperty("message").GetString()!, StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(file);
        }
        await console.Screenshot(page, "runs-rejects", fullPage: true);
        await ConsolePage.ExpectReadable(page, "#runs with quarantined rows");
    }
}
