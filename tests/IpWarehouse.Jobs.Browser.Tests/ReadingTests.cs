using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// Every page at a desktop (1440 px) and a narrow (800 px) width, read as a person reads it: no programming
/// leftovers, no English outside codes, nothing wider than the window; and its first render timed (navigation
/// to the data on screen, written to artifacts/screenshots/first-render.txt with a screenshot).
[Collection(nameof(ServedDemo))]
public sealed class ReadingTests(ServedDemo demo, ITestOutputHelper output)
{
    private readonly ConsolePage console = new(demo, output);

    /// Each page and what shows its data is on screen.
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 1440, 800 })
        {
            data.Add("profile", "#page-profile[data-ready] table.data tbody tr", width);
            data.Add("rank", "#page-rank[data-ready] .chart[data-bars] canvas", width);
            data.Add("map", "#page-map[data-ready] .map[data-drawn]", width);
            data.Add("trend", "#page-trend[data-ready] .chart[data-points] canvas", width);
            data.Add("targets", "#page-targets[data-ready] table.data tbody tr", width);
            data.Add("reconcile", "#page-reconcile[data-ready] table.data tbody tr", width);
            data.Add("violations", "#page-violations[data-ready] table.data tbody tr", width);
            data.Add("runs", "#page-runs[data-ready] table.data tbody tr[data-batch]", width);
            data.Add("sql", "#page-sql[data-ready] .sql-result table tbody tr", width);
        }
        return data;
    }

    [ChromiumTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_reads_as_chinese_without_leftovers_or_overflow(string name, string ready, int width)
    {
        var (page, firstRender) = await console.Open("#" + name, ready, width);
        await console.Screenshot(page, $"{name}-{width}", firstRender);
        await ConsolePage.ExpectReadable(page, $"#{name} at {width} px");
    }
}
