using System.Net;
using System.Text;
using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Jobs.Api;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// The planners' long lists under the limits of /api/sql: /api/expiring and /api/cases (open cases) stop at the sql
/// section's row or byte limit with the header /api/sql sends, their files at the download limit. A second host on the
/// demo's warehouse has small limits in its ipwh.json; the demo's own host, with the default limits, gives every row.
public sealed class ListLimitTests(DemoApi demo) : IClassFixture<DemoApi>
{
    private static readonly string[] Lists = ["/api/expiring?within=620000&months=120&asOf=2024-12-31", "/api/cases?within=620000&asOf=2024-12-31"];

    [Fact]
    public async Task A_list_longer_than_the_row_limit_returns_the_limit_s_first_rows_with_the_header_and_its_file_the_download_limit_s()
    {
        await using var capped = await Host("""{ "rowLimit": 1, "downloadRowLimit": 2 }""");
        foreach (var path in Lists)
        {
            using var full = await demo.Host.Client.GetAsync(path);
            var all = await Rows(full);
            Assert.True(all.Count > 2, $"{path}: {all.Count} rows, more than the limits");

            using var page = await capped.Client.GetAsync(path);
            Assert.Equal("1", page.Headers.GetValues(WarehouseEndpoints.TruncatedHeader).Single());
            Assert.Equal(all.Take(1), await Rows(page));

            using var csv = await capped.Client.GetAsync(path + "&format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("2", csv.Headers.GetValues(WarehouseEndpoints.TruncatedHeader).Single());
            Assert.Equal(1 + 2, (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n").Length); // the header and 2 rows
        }
        // the groups of /api/cases?by= are one row per group and never cut
        using var groups = await capped.Client.GetAsync("/api/cases?within=620000&asOf=2024-12-31&by=case_type");
        Assert.False(groups.Headers.Contains(WarehouseEndpoints.TruncatedHeader));
        Assert.True((await Rows(groups)).Count > 1);
    }

    [Fact]
    public async Task A_list_larger_than_the_byte_limit_closes_after_the_last_row_that_fits()
    {
        await using var capped = await Host("""{ "byteLimitMB": 1 }""");
        using var full = await demo.Host.Client.GetAsync(Lists[0]);
        var all = await Rows(full);

        using var page = await capped.Client.GetAsync(Lists[0]);
        var body = await page.Content.ReadAsStringAsync();
        Assert.Equal("1000000", page.Headers.GetValues(WarehouseEndpoints.BytesTruncatedHeader).Single());
        Assert.False(page.Headers.Contains(WarehouseEndpoints.TruncatedHeader));
        Assert.True(Encoding.UTF8.GetByteCount(body) <= 1_000_000);
        var rows = await Rows(page);
        Assert.InRange(rows.Count, 1, all.Count - 1);
        Assert.Equal(all.Take(rows.Count), rows);
    }

    // A host on the demo's warehouse whose ipwh.json has this sql section (and a scheduler store of its own).
    private async Task<TestHost> Host(string sql)
    {
        var text = await File.ReadAllTextAsync(demo.ConfigPath);
        var at = text.IndexOf("\"warehouse\"", StringComparison.Ordinal);
        var store = Path.Combine(demo.Folder, "capped-" + Guid.NewGuid().ToString("N")[..8], "ipwh.db");
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        var path = Path.Combine(Path.GetDirectoryName(demo.ConfigPath)!, $"capped-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, text[..at] + $"\"sql\": {sql},\n  \"scheduler\": {{ \"connection\": {JsonSerializer.Serialize("Data Source=" + store)} }},\n  " + text[at..]);
        return await TestHost.StartAsync(ConfigLoader.Load(path), demo.Clock);
    }

    private static async Task<List<string>> Rows(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetRawText())];
    }
}
