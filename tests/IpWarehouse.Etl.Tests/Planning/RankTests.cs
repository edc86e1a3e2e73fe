using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Planning.Internal;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;
using static IpWarehouse.Etl.Tests.Planning.PlanningWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// Rankings on four counties of 临夏州, hand-computed: competition ranking, ties, missing values last,
/// last year's rank and the change, the parent's own value from its totals.
public sealed class RankTests : IDisposable
{
    private readonly PlanningWarehouse fixture = new();
    private readonly PlanningQueries queries;

    public RankTests()
    {
        var w = fixture.Warehouse;
        fixture.FourCountyApplications(); // 2023: 临夏市 3, 临夏县 2, 康乐县 2, 永靖县 0, 临夏州 itself 1; 2022: 0, 1, 2, 3
        // 2023 resident population; 康乐县 has none
        w.Population(LinxiaCity, 2023, 200_000);
        w.Population(LinxiaCounty, 2023, 100_000);
        w.Population(Yongjing, 2023, 400_000);
        w.Population(Linxia, 2023, 2_000_000);
        queries = fixture.Queries();
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips()
    {
        var ranking = queries.Rank("patent_applications", 2023, Linxia);

        // 3; 2, 2; 0 → 1, 2, 2, 4; ties by code
        Assert.Equal("county", ranking.Level);
        Assert.Equal([(LinxiaCity, 1), (LinxiaCounty, 2), (Kangle, 2), (Yongjing, 4)],
            ranking.Rows.Select(r => (r.RegionCode, r.Rank!.Value)));
        Assert.Equal([3.0, 2, 2, 0], ranking.Rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public void Previous_rank_and_change_come_from_the_same_regions_a_year_before()
    {
        var rows = queries.Rank("patent_applications", 2023, Linxia).Rows.ToDictionary(r => r.RegionCode);

        // 2022: 永靖县 3 → 1, 康乐县 2 → 2, 临夏县 1 → 3, 临夏市 0 → 4; change = previous − current
        Assert.Equal((4, 3), (rows[LinxiaCity].PreviousRank!.Value, rows[LinxiaCity].RankChange!.Value));
        Assert.Equal((3, 1), (rows[LinxiaCounty].PreviousRank!.Value, rows[LinxiaCounty].RankChange!.Value));
        Assert.Equal((2, 0), (rows[Kangle].PreviousRank!.Value, rows[Kangle].RankChange!.Value));
        Assert.Equal((1, -3), (rows[Yongjing].PreviousRank!.Value, rows[Yongjing].RankChange!.Value));
        Assert.Equal(3.0, rows[Yongjing].PreviousValue);
    }

    [Fact]
    public void Without_a_year_before_there_is_no_previous_rank()
    {
        var rows = queries.Rank("patent_applications", 2022, Linxia).Rows;

        // the mart starts in 2022
        Assert.All(rows, r => Assert.Null(r.PreviousRank));
        Assert.All(rows, r => Assert.Null(r.RankChange));
    }

    [Fact]
    public void Missing_values_are_listed_last_without_a_rank_and_the_parent_value_is_its_own()
    {
        var ranking = queries.Rank("invention_applications_per_100k", 2023, Linxia);

        // 临夏市 2 / 200 000 × 100 000 = 1; 临夏县 1 / 100 000 × 100 000 = 1; 永靖县 0; 康乐县 no population
        // (2 / 200 000 and 1 / 100 000 are the same quotient, so the same double: a tie)
        Assert.Equal([(LinxiaCity, (int?)1), (LinxiaCounty, 1), (Yongjing, 3), (Kangle, null)], ranking.Rows.Select(r => (r.RegionCode, r.Rank)));
        Assert.Equal(1.0, ranking.Rows[0].Value!.Value, 12);
        Assert.Equal(1.0, ranking.Rows[1].Value!.Value, 12);
        Assert.Equal(0.0, ranking.Rows[2].Value);
        Assert.Null(ranking.Rows[3].Value);
        // 临夏州: (2 + 1 + 0 + 0 + its own 1) / 2 000 000 × 100 000 = 0.2, not the mean of its counties (0.67)
        Assert.Equal(0.2, ranking.ParentValue!.Value, 12);
        Assert.Equal([true, true, false, null], ranking.Rows.Select(r => r.AboveParent));
        Assert.All(ranking.Rows, r => Assert.Equal(Linxia, r.ParentCode));
    }

    [Fact]
    public void Growth_over_a_zero_year_is_missing_and_ranked_last()
    {
        var ranking = queries.Rank("patent_applications_growth", 2023, Linxia);

        // 临夏县 (2 − 1) / 1 = 100 %; 康乐县 (2 − 2) / 2 = 0; 永靖县 (0 − 3) / 3 = −100 %; 临夏市 over 0 → missing
        Assert.Equal([(LinxiaCounty, (int?)1, (double?)100.0), (Kangle, 2, 0.0), (Yongjing, 3, -100.0), (LinxiaCity, null, null)],
            ranking.Rows.Select(r => (r.RegionCode, r.Rank, r.Value)));
    }

    [Fact]
    public void Level_county_within_a_province_ranks_every_county_of_it()
    {
        var counties = queries.Rank("patent_applications", 2023, Gansu, "county");
        var cities = queries.Rank("patent_applications", 2023, Gansu);

        Assert.Equal([LinxiaCity, LinxiaCounty, Kangle, Yongjing], counties.Rows.Select(r => r.RegionCode));
        Assert.Equal("city", cities.Level);
        // 临夏州: 3 + 2 + 2 + 0 + 1
        Assert.Equal((Linxia, 8.0), (Assert.Single(cities.Rows).RegionCode, cities.Rows[0].Value!.Value));
    }

    [Fact]
    public void A_year_to_date_ranking_compares_with_the_same_days_a_year_before()
    {
        var ranking = queries.Rank("patent_applications", 2023, Linxia, asOf: new DateOnly(2023, 3, 31));

        // to 2023-03-31: 临夏市 P01, 临夏县 P04, 康乐县 P06 → 1 each; 永靖县 0
        Assert.Equal([(LinxiaCity, (int?)1), (LinxiaCounty, 1), (Kangle, 1), (Yongjing, 4)], ranking.Rows.Select(r => (r.RegionCode, r.Rank)));
        // to 2022-03-31: 临夏县 P11, 康乐县 P12, 永靖县 P14 → 1 each, 临夏市 0
        Assert.Equal([4, 1, 1, 1], ranking.Rows.Select(r => r.PreviousRank!.Value));
        Assert.All(ranking.Rows, r => Assert.Equal("ytd", r.Period));
    }

    [Fact]
    public void Lower_is_better_ranks_ascending()
    {
        var ranks = Ranking.Rank([("a", 3.0), ("b", 0.0), ("c", null), ("d", 0.0)], IndicatorDirection.LowerIsBetter);

        Assert.Equal(new Dictionary<string, int?> { ["a"] = 3, ["b"] = 1, ["c"] = null, ["d"] = 1 }, ranks);
    }

    [Fact]
    public void Values_tie_only_when_they_are_the_same_number()
    {
        // 1/3 and 2/6 are the same double; 0.3333333 is not, though it prints the same with two decimals
        var ranks = Ranking.Rank([("a", 1.0 / 3), ("b", 2.0 / 6), ("c", 0.3333333)], IndicatorDirection.HigherIsBetter);

        Assert.Equal(new Dictionary<string, int?> { ["a"] = 1, ["b"] = 1, ["c"] = 3 }, ranks);
    }

    [Fact]
    public void A_county_has_nothing_below_it_to_rank()
    {
        var error = Assert.Throws<PlanningException>(() => queries.Rank("patent_applications", 2023, LinxiaCity));

        Assert.Contains("622901 临夏市 是县区级地区，其下没有县区可排名", error.Message, StringComparison.Ordinal);
        Assert.Contains("--within 622900", error.Message, StringComparison.Ordinal);
        Assert.Throws<PlanningException>(() => queries.Rank("patent_applications", 2023, Linxia, "city"));
        Assert.Throws<PlanningException>(() => queries.Rank("patent_applications", 2023, Linxia, "village"));
    }

    [Theory]
    [InlineData(new[] { 2.853, 2.849, 2.35 }, 2, 3)]
    [InlineData(new[] { 2.85, 2.85, 2.35 }, 2, 2)] // a tie stays a tie
    [InlineData(new[] { 3.0, 2.0, 1.0 }, 0, 0)]
    [InlineData(new[] { 1.0000001, 1.0000002 }, 2, 6)] // at most six
    public void Report_decimals_tell_neighbouring_values_apart(double[] values, int least, int expected) =>
        Assert.Equal(expected, PlanningLabels.SeparatingDecimals(values.Select(v => (double?)v), least));

    public void Dispose()
    {
        queries.Dispose();
        fixture.Dispose();
    }
}
