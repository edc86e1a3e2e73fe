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

    [ChromiumFact]
    public async Task The_runs_page_links_hangfire_s_dashboard_in_chinese_and_read_only_without_the_operator_token()
    {
        var (page, _) = await console.Open("#runs", Ready);
        var link = page.Locator("#dashboard-link");
        Assert.Equal("调度面板（Hangfire）", await link.InnerTextAsync());
        var dashboard = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await dashboard.WaitForSelectorAsync("#realtimeGraph");
        Assert.EndsWith("/hangfire", dashboard.Url, StringComparison.Ordinal);
        var home = await dashboard.InnerTextAsync("body");
        foreach (var label in new[] { "IpWarehouse 装载调度", "仪表盘", "作业", "周期性作业", "服务器", "返回应用" })
        {
            Assert.Contains(label, home, StringComparison.Ordinal);
        }

        await dashboard.GotoAsync("/hangfire/recurring");
        var recurring = await dashboard.InnerTextAsync("body");
        Assert.Contains("夜间加载（schedule）", recurring, StringComparison.Ordinal); // the job by its name, next to ipwh runs' trigger
        Assert.Contains("ipwh.nightly", recurring, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", recurring, StringComparison.Ordinal);
        Assert.Matches("(小时|分钟|天)(内|后)", recurring); // the next execution in words, in Chinese (moment.js zh-cn)
        // Read-only: no trigger or delete buttons, and a command posted anyway is refused; nothing runs.
        Assert.Equal(0, await dashboard.Locator("button.js-jobs-list-command").CountAsync());
        var before = (await demo.GetJson("api/runs")).GetArrayLength();
        var refused = await dashboard.APIRequest.PostAsync("/hangfire/recurring/trigger",
            new APIRequestContextOptions { Form = dashboard.Context.APIRequest.CreateFormData().Append("jobs[]", "ipwh.nightly") });
        Assert.Equal(401, refused.Status);
        Assert.Equal("scheduled", (await demo.GetJson("api/jobs")).GetProperty("state").GetString());
        Assert.Equal(before, (await demo.GetJson("api/runs")).GetArrayLength());
        await console.Screenshot(dashboard, "hangfire-recurring");
    }
}
