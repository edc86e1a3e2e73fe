using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// 地图, 趋势 and 地区概况 (the landing page with a home region), and the printout of a page.
[Collection(nameof(ServedDemo))]
public sealed class RegionViewTests(ServedDemo demo, ITestOutputHelper output)
{
    private const string MapReady = "#page-map[data-ready] .map[data-drawn]";
    private readonly ConsolePage console = new(demo, output);

    [ChromiumFact]
    public async Task The_map_colours_every_prefecture_shows_value_and_rank_on_hover_and_drills_down_to_counties()
    {
        var (page, firstRender) = await console.Open("#map?indicator=valid_invention_per_10k&year=2024&within=620000", MapReady);
        await console.Screenshot(page, "map-province", firstRender);
        var rows = (await demo.GetJson("api/map?indicator=valid_invention_per_10k&year=2024&within=620000")).EnumerateArray().ToList();
        Assert.Equal(14, rows.Count);
        Assert.All(rows, r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("shape_name").ValueKind));
        Assert.Equal("14", await page.GetAttributeAsync(".map", "data-regions"));

        // hover 兰州市: its value and rank in the tooltip
        var lanzhou = rows.Single(r => r.GetProperty("region_code").GetString() == "620100");
        await page.EvaluateAsync("() => echarts.getInstanceByDom(document.querySelector('.map')).dispatchAction({ type: 'showTip', seriesIndex: 0, name: '620100' })");
        var tip = page.Locator(".map div:has-text('兰州市')").Last;
        await tip.WaitForAsync();
        var tooltip = await tip.InnerTextAsync();
        Assert.Contains($"第 {lanzhou.GetProperty("rank").GetInt32()} 名，共 14 个地区", tooltip, StringComparison.Ordinal);

        // a click on 兰州市 in the map shows its counties
        var point = await page.EvaluateAsync<double[]>("""
            () => {
              const chart = echarts.getInstanceByDom(document.querySelector('.map'));
              const map = echarts.getMap(chart.getOption().series[0].map);
              const feature = map.geoJSON.features.find(f => f.properties.name === '620100');
              const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates[0][0];
              const centre = ring.reduce((s, p) => [s[0] + p[0] / ring.length, s[1] + p[1] / ring.length], [0, 0]);
              const box = document.querySelector('.map').getBoundingClientRect();
              const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, centre);
              return [box.left + x, box.top + y];
            }
            """);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await page.WaitForFunctionAsync("() => location.hash.includes('within=620100')");
        await page.WaitForSelectorAsync(MapReady);
        var counties = (await demo.GetJson("api/map?indicator=valid_invention_per_10k&year=2024&within=620100")).EnumerateArray().ToList();
        var drawn = counties.Count(c => c.GetProperty("shape_name").ValueKind != JsonValueKind.Null);
        Assert.Equal(counties.Count - 1, drawn); // 兰州新区 has no shape
        Assert.Equal(drawn.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync(".map", "data-regions"));
        Assert.Contains("甘肃省", await page.InnerTextAsync("#page-map .breadcrumb"), StringComparison.Ordinal);
        // the home region 城关区 is outlined on its city's map
        Assert.Equal(3, await page.EvaluateAsync<int>($"() => echarts.getInstanceByDom(document.querySelector('.map')).getOption().series[0].data.find(d => d.name === '{ServedDemo.Home}').itemStyle.borderWidth"));
        await console.Screenshot(page, "map-city");
    }

    [ChromiumFact]
    public async Task The_map_of_every_county_says_which_regions_have_no_shape()
    {
        var (page, firstRender) = await console.Open("#map?indicator=patent_applications&year=2024&within=620000&level=county", MapReady);
        await console.Screenshot(page, "map-counties", firstRender);
        var rows = (await demo.GetJson("api/map?indicator=patent_applications&year=2024&within=620000&level=county")).EnumerateArray().ToList();
        var missing = rows.Where(r => r.GetProperty("shape_name").ValueKind == JsonValueKind.Null).Select(r => r.GetProperty("region_name").GetString()).ToList();
        Assert.Equal(["兰州新区"], missing);
        Assert.Contains("地图上没有形状的地区：兰州新区", await ConsolePage.VisibleText(page), StringComparison.Ordinal);
        Assert.Equal((rows.Count - 1).ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync(".map", "data-regions"));
    }

    [ChromiumFact]
    public async Task The_trend_shows_the_years_with_data_beside_the_parent_the_target_and_the_rank()
    {
        var (page, _) = await console.Open($"#trend?indicator=valid_invention_per_10k&region={ServedDemo.Home}", "#page-trend[data-ready] .chart[data-points] canvas");
        var rows = (await demo.GetJson($"api/trend?indicator=valid_invention_per_10k&region={ServedDemo.Home}")).EnumerateArray().ToList();
        var dataYears = (await demo.GetJson("api/meta")).GetProperty("data_years").EnumerateArray().Select(y => y.GetInt32());
        Assert.Equal(dataYears, rows.Select(r => r.GetProperty("year").GetInt32()));
        Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#page-trend .chart", "data-points"));
        Assert.Equal(rows.Count, await page.Locator("#page-trend table.data tbody tr").CountAsync());
        var legend = await page.EvaluateAsync<string[]>("() => echarts.getInstanceByDom(document.querySelector('#page-trend .chart')).getOption().series.map(s => s.name)");
        Assert.Equal(["城关区", "兰州市本级值", "目标"], legend);
        var ranks = await page.Locator("#page-trend table.data tbody tr td:nth-child(4)").AllInnerTextsAsync();
        // 2019: every county has 0 patents in force per 10 000 people, so nobody is ranked
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("rank").ValueKind);
        Assert.Equal(rows.Select(r => r.GetProperty("rank").ValueKind == JsonValueKind.Null ? "—" : $"{r.GetProperty("rank").GetInt32()} / {r.GetProperty("ranked").GetInt32()}"), ranks);
        await console.Screenshot(page, "trend");
    }

    [ChromiumFact]
    public async Task The_home_region_is_the_landing_page_with_every_indicator_rank_change_target_and_trend()
    {
        var (page, firstRender) = await console.Open("", "#page-profile[data-ready] table.data tbody tr");
        Assert.Contains("我县：城关区", await page.InnerTextAsync("h2.page-title"), StringComparison.Ordinal);
        var rows = (await demo.GetJson($"api/profile?region={ServedDemo.Home}&year=2024")).EnumerateArray().ToList();
        Assert.Equal(rows.Count, await page.Locator("#page-profile table.data tbody tr").CountAsync());
        Assert.Equal(rows.Count, await page.Locator("#page-profile svg.spark").CountAsync());
        var first = await page.Locator("#page-profile table.data tbody tr >> nth=0 >> td").AllInnerTextsAsync();
        var applications = rows[0];
        Assert.Equal(applications.GetProperty("indicator_name").GetString(), first[0]);
        Assert.Equal(applications.GetProperty("value").GetDouble().ToString("N0", CultureInfo.InvariantCulture) + " 件", first[1]);
        Assert.StartsWith($"{applications.GetProperty("rank").GetInt32()} / {applications.GetProperty("ranked").GetInt32()}", first[3], StringComparison.Ordinal);
        var targets = rows.Count(r => r.GetProperty("target_status").ValueKind != JsonValueKind.Null);
        Assert.Equal(targets, await page.Locator("#page-profile table.data .status").CountAsync());
        Assert.Contains("我县", await page.InnerTextAsync("#nav"), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task A_page_prints_on_a4_landscape_with_title_publish_chart_and_table_and_no_navigation()
    {
        var (page, _) = await console.Open("#rank?indicator=valid_invention_per_10k&year=2024&within=620000", "#page-rank[data-ready] .chart[data-bars] canvas");
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(ServedDemo.Artifacts, "rank-print.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var first = document.GetPage(1);
        Assert.True(first.Width > first.Height, $"landscape: {first.Width} × {first.Height} pt");
        Assert.InRange(first.Width, 835, 848); // A4: 297 mm = 842 pt
        var text = string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        foreach (var part in new[] { "甘肃省2024年每万人口发明专利拥有量排名", "数据截至", "金昌市", "兰州市", "甘南藏族自治州", "排名", "与上级比较" })
        {
            Assert.Contains(part, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        foreach (var absent in new[] { "地区概况", "违规资助", "下载CSV", "打印", "上级地区" })
        {
            Assert.DoesNotContain(absent, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        var images = first.GetImages().Count();
        output.WriteLine($"printed {document.NumberOfPages} page(s), {images} image(s) on the first");
    }
}
