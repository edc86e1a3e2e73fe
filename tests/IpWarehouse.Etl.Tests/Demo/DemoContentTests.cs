using System.Globalization;
using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Tests.Demo;

/// The demo looks like 甘肃: volumes, type proportions, populations, addresses and dates.
public class DemoContentTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private static readonly string[] DateFormats = ["yyyy.MM.dd", "yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"];

    [Fact]
    public void Volumes_follow_the_scale()
    {
        var counts = demo.Summary.RowCounts;
        Assert.InRange(counts["patents"], 1300, 1700);
        Assert.InRange(counts["trademarks"], 4800, 5200);
        Assert.InRange(counts["cases"], 140, 180);
        Assert.InRange(counts["subsidies"], 220, 290);
        Assert.True(counts["trademarks"] > 3 * counts["patents"]);
        Assert.InRange(counts["population"], 700, 720);
    }

    [Fact]
    public void Utility_models_are_the_majority_and_inventions_about_a_fifth()
    {
        var digits = ValidPatentRows().Select(r => r[1].ToUpperInvariant().Replace("CN", "", StringComparison.Ordinal).Replace("ZL", "", StringComparison.Ordinal)[4]).ToList();
        double Share(params char[] types) => 100.0 * digits.Count(types.Contains) / digits.Count;
        Assert.InRange(Share('2', '9'), 55, 70);
        Assert.InRange(Share('1', '8'), 15, 25);
        Assert.InRange(Share('3'), 10, 25);
        Assert.Contains('8', digits);
    }

    [Fact]
    public void Patent_dates_are_readable_in_order_and_not_in_the_future()
    {
        var today = demo.Summary.Today;
        foreach (var row in ValidPatentRows())
        {
            var applied = Date(row[4])!.Value;
            Assert.InRange(applied, new DateOnly(2019, 1, 1), new DateOnly(2024, 12, 31));
            if (Date(row[5]) is { } granted)
            {
                Assert.InRange(granted, applied.AddDays(1), today);
                if (Date(row[6]) is { } lapsed)
                {
                    Assert.InRange(lapsed, granted.AddDays(1), today);
                }
            }
            Assert.Null(Date(row[5]) is null ? Date(row[6]) : null);
        }
    }

    [Fact]
    public void Lanzhou_dominates_and_Linxia_is_small()
    {
        var resolver = new AddressResolver(RegionCatalog.LoadDefault());
        var cities = ValidPatentRows().Select(r => r[9].Length > 0 ? resolver.Resolve(r[9])?.Code : r[10].Length > 0 ? r[10] : null)
            .Where(c => c is not null).Select(c => c![..4]).ToList();
        Assert.InRange(100.0 * cities.Count(c => c == "6201") / cities.Count, 40, 70);
        Assert.InRange(100.0 * cities.Count(c => c == "6229") / cities.Count, 0.3, 4);
    }

    [Fact]
    public void Addresses_without_a_code_resolve_within_Gansu_except_the_unresolvable_ones()
    {
        var resolver = new AddressResolver(RegionCatalog.LoadDefault());
        var levels = new List<RegionLevel>();
        foreach (var file in demo.FilesOf("patents"))
        {
            var rows = CsvText.Read(demo.PathOf(file.Path), CsvText.Gb18030);
            for (var i = 1; i < rows.Count; i++)
            {
                var (address, code) = (rows[i][9], rows[i][10]);
                if (code.Length > 0 || address.Length == 0)
                {
                    continue;
                }
                var dirty = demo.Summary.DirtyRows.SingleOrDefault(d => d.File == file.Path && d.Row == i + 1);
                var match = resolver.Resolve(address);
                if (dirty?.Reason == "region_unresolved")
                {
                    Assert.Null(match);
                    continue;
                }
                Assert.True(match is not null && match.Code.StartsWith("62", StringComparison.Ordinal) && match.Level != RegionLevel.Province,
                    $"{file.Path} line {i + 1}: '{address}' resolves to {match?.Code ?? "nothing"}");
                levels.Add(match!.Level);
            }
        }
        Assert.True(levels.Count(l => l == RegionLevel.City) is > 20, "some addresses should stop at the city");
        Assert.True(levels.Count(l => l == RegionLevel.County) > levels.Count / 2);
    }

    [Fact]
    public void Populations_add_up_and_have_the_expected_size()
    {
        var catalog = RegionCatalog.LoadDefault();
        var sheet = WorkbookText.Read(demo.PathOf("drops/population.xlsx"), "人口");
        var dirty = demo.Summary.DirtyRows.Where(d => d.Kind == "population").Select(d => d.Row).ToHashSet();
        var resident = new Dictionary<(string Code, int Year), long>();
        foreach (var (number, cells) in sheet.Rows.Where(r => r.Key > 3 && !dirty.Contains(r.Key)))
        {
            var type = cells.TryGetValue(3, out var t) ? t.Text : "常住";
            if (type == "常住")
            {
                resident[(cells[0].Text, int.Parse(cells[2].Text, CultureInfo.InvariantCulture))] = long.Parse(cells[4].Text, CultureInfo.InvariantCulture);
            }
        }
        var cities = catalog.Regions.Where(r => r.Level == RegionLevel.City && r.ParentCode == "620000").ToList();
        Assert.Equal(14, cities.Count);
        for (var year = 2019; year <= 2024; year++)
        {
            foreach (var city in cities)
            {
                var counties = catalog.Regions.Where(r => r.Level == RegionLevel.County && r.CityCode == city.Code).ToList();
                Assert.Equal(resident[(city.Code, year)], counties.Sum(c => resident[(c.Code, year)]));
                Assert.All(counties, c => Assert.InRange(resident[(c.Code, year)], 50_000, 1_000_000));
            }
            Assert.Equal(resident[("620000", year)], cities.Sum(c => resident[(c.Code, year)]));
        }
        Assert.InRange(resident[("620000", 2024)], 24_300_000, 24_900_000);
        Assert.InRange(resident[("620100", 2024)], 4_300_000, 4_500_000);
        Assert.InRange(resident[("622900", 2024)], 2_000_000, 2_200_000);
        Assert.InRange(resident[("620200", 2024)], 280_000, 330_000);
    }

    private IEnumerable<string[]> ValidPatentRows()
    {
        foreach (var file in demo.FilesOf("patents"))
        {
            var dirty = demo.Summary.DirtyRows.Where(d => d.File == file.Path).Select(d => d.Row).ToHashSet();
            var rows = CsvText.Read(demo.PathOf(file.Path), CsvText.Gb18030);
            for (var i = 1; i < rows.Count; i++)
            {
                if (!dirty.Contains(i + 1))
                {
                    yield return rows[i];
                }
            }
        }
    }

    private static DateOnly? Date(string text) => text.Length == 0
        ? null
        : DateOnly.ParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
