using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Tests.Infrastructure;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;
using static IpWarehouse.Etl.Tests.Planning.PlanningWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// The console's views of one region: its trend over the years, its profile for a year, and a ranking drawn as
/// a map, on four counties of 临夏州 with hand-computed figures.
public sealed class RegionViewTests : IDisposable
{
    private readonly PlanningWarehouse fixture = new();
    private readonly PlanningQueries queries;

    public RegionViewTests()
    {
        // applications 2022: 临夏县 1, 康乐县 2, 永靖县 3; 2023: 临夏市 3, 临夏县 2, 康乐县 2, 临夏州 itself 1;
        // the one grant, in 2025, makes 2025 a year of the mart without filings
        fixture.FourCountyApplications(firstGrant: "2025-06-01");
        fixture.Target(LinxiaCounty, 2023, "patent_applications", ">=", 5);
        fixture.Target(LinxiaCounty, 2022, "patent_applications", ">parent_avg", null);
        queries = fixture.Queries();
    }

    [Fact]
    public void A_trend_has_every_year_with_filings_with_the_parent_the_rank_and_the_target()
    {
        var rows = queries.Trend("patent_applications", LinxiaCounty);

        // 2025 has a grant but no filing: not a year with data
        Assert.Equal([2022, 2023], rows.Select(r => r.Year));
        // 2022: 永靖县 3, 康乐县 2, 临夏县 1, 临夏市 0 → third of four; 临夏州 6
        // 2023: 临夏市 3, 临夏县 2 = 康乐县 2, 永靖县 0 → second of four; 临夏州 3 + 2 + 2 + 1 = 8
        Assert.Equal([(1.0, 6.0, 3, 4), (2.0, 8.0, 2, 4)], rows.Select(r => (r.Value!.Value, r.ParentValue!.Value, r.Rank!.Value, r.Ranked)));
        Assert.Equal([(">parent_avg", (double?)null), (">=", 5.0)], rows.Select(r => (r.TargetComparator!, r.TargetValue)));
        Assert.All(rows, r => Assert.Equal((Linxia, "临夏回族自治州"), (r.ParentCode!, r.ParentName!)));
    }

    [Fact]
    public void A_profile_has_every_indicator_with_change_rank_parent_target_and_a_small_trend()
    {
        var rows = queries.Profile(LinxiaCounty, 2023);

        Assert.Equal(Etl.Indicators.IndicatorCatalog.Codes, rows.Select(r => r.Indicator));
        var applications = rows.Single(r => r.Indicator == "patent_applications");
        Assert.Equal((2.0, 1.0, 1.0), (applications.Value!.Value, applications.PreviousValue!.Value, applications.Change!.Value));
        Assert.Equal((2, 4, 3), (applications.Rank!.Value, applications.Ranked, applications.PreviousRank!.Value));
        Assert.Equal((8.0, false), (applications.ParentValue!.Value, applications.AboveParent!.Value));
        // 2 of at least 5, and the clock (2024-03-01) is past 2023: missed
        Assert.Equal((">=", 5.0, TargetStatus.Missed), (applications.TargetComparator!, applications.TargetValue!.Value, applications.TargetStatus!.Value));
        Assert.Equal([new YearValue(2022, 1), new YearValue(2023, 2)], applications.Trend);
        Assert.Null(rows.Single(r => r.Indicator == "invention_applications").TargetStatus);
    }

    [Fact]
    public void A_year_in_which_every_region_has_zero_ranks_nobody_in_the_trend()
    {
        // the one grant is in 2025, a year without filings: in 2022 and 2023 every county has 0 grants
        var grants = queries.Trend("patent_grants", LinxiaCounty);
        var applications = queries.Trend("patent_applications", LinxiaCounty);

        Assert.Equal([(2022, (int?)null, 0), (2023, null, 0)], grants.Select(r => (r.Year, r.Rank, r.Ranked)));
        Assert.Equal([(2022, (int?)3, 4), (2023, 2, 4)], applications.Select(r => (r.Year, r.Rank, r.Ranked)));
    }

    [Fact]
    public void A_year_without_filings_is_not_ranked_and_the_error_lists_the_years_with_data()
    {
        Assert.Contains(2025, queries.Years);

        var error = Assert.Throws<PlanningException>(() => queries.Rank("valid_invention_patents", 2025, Linxia));

        Assert.Equal("year", error.Parameter);
        Assert.Contains("2025 年没有数据", error.Message, StringComparison.Ordinal);
        Assert.Equal(["2022", "2023"], error.Available);
        Assert.Throws<PlanningException>(() => queries.Profile(LinxiaCounty, 2025));
    }

    [Fact]
    public void A_map_gives_each_region_the_shape_of_its_name_within_the_parent_and_says_which_have_none()
    {
        using var folder = new TempFolder();
        var index = folder.Write("index.json", """
            { "provinces": [ { "name": "甘肃", "file": "gs.json", "shapes": ["临夏回族自治州", "兰州"], "cities": [
                { "name": "临夏回族自治州", "file": "lx.json", "counties": ["临夏县", "临夏市", "康乐县", "广河县"] } ] } ] }
            """);

        var rows = queries.Map("patent_applications", 2023, Linxia, null, MapShapes.Load(index));

        Assert.Equal([(LinxiaCity, "lx.json", "临夏市"), (LinxiaCounty, "lx.json", "临夏县"), (Kangle, "lx.json", "康乐县"), (Yongjing, null, null)],
            rows.Select(r => (r.RegionCode, r.MapFile, r.ShapeName)));
        Assert.Equal([1, 2, 2, 4], rows.Select(r => r.Rank!.Value));
        Assert.All(rows, r => Assert.Equal("county", r.Level));
        Assert.All(queries.Map("patent_applications", 2023, Linxia, null, MapShapes.None), r => Assert.Null(r.ShapeName));
    }

    [Fact]
    public void Shapes_match_by_full_name_then_short_name_then_a_renamed_stem_each_shape_once()
    {
        var layer = new MapLayer("f.json", ["城关区", "兰州", "华亭县", "临夏市", "临夏县"]);

        var match = layer.Match([("a", "城关区", "城关"), ("b", "兰州市", "兰州"), ("c", "华亭市", "华亭"), ("d", "临夏县", "临夏"), ("f", "兰州新区", "兰州新区")]);

        // 临夏县 takes its own shape in the first pass, before 临夏市 could be taken for a stem 临夏; 兰州新区 has none
        Assert.Equal(new Dictionary<string, string> { ["a"] = "城关区", ["b"] = "兰州", ["c"] = "华亭县", ["d"] = "临夏县" }, match.ShapeOf);
        Assert.Equal(["临夏市"], match.UnmatchedShapes);
    }

    [Fact]
    public void The_region_tree_nests_the_regions_with_data_under_their_parents()
    {
        var tree = queries.RegionTree();

        var province = Assert.Single(tree);
        Assert.Equal(Gansu, province.Code);
        var prefecture = Assert.Single(province.Children);
        Assert.Equal(Linxia, prefecture.Code);
        Assert.Equal([LinxiaCity, LinxiaCounty, Kangle, Yongjing], prefecture.Children.Select(c => c.Code));
    }

    public void Dispose()
    {
        queries.Dispose();
        fixture.Dispose();
    }
}
