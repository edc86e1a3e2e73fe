using IpWarehouse.Etl.Planning;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;
using static IpWarehouse.Etl.Tests.Planning.PlanningWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// The evaluation index over 临夏州's four counties in 2023, every score worked out by hand from the applications
/// of FourCountyApplications: patent_applications 临夏市 3, 临夏县 2, 康乐县 2, 永靖县 0 (临夏州 8 with its own one);
/// invention_applications 2, 1, 0, 0.
public sealed class IndexTests : IDisposable
{
    private const int Precision = 9;
    private readonly PlanningWarehouse fixture = new();

    public IndexTests() => fixture.FourCountyApplications();

    private static IndexIndicator Part(string code, double weight, string normalise, double? cap = null) => new(code, weight, normalise, cap);

    [Fact]
    public void Min_max_zscore_ratio_to_parent_and_caps_make_the_score()
    {
        fixture.Warehouse.Build();
        var index = new IndexDefinition("测试指数", "reweight",
        [
            new("D1", 3, [Part("patent_applications", 1, "min_max"), Part("invention_applications", 1, "zscore")]),
            new("D2", 1, [Part("patent_applications", 1, "ratio_to_parent", cap: 30)]),
        ]);

        var rows = fixture.Queries().Index(index, 2023, Linxia).Rows;

        // min_max of 3, 2, 2, 0: 100, 66.67, 66.67, 0
        double[] minMax = [100, 200.0 / 3, 200.0 / 3, 0];
        // zscore of 2, 1, 0, 0: mean 0.75, population sd √(2.75 / 4)
        var sd = Math.Sqrt((1.25 * 1.25 + 0.25 * 0.25 + 0.75 * 0.75 + 0.75 * 0.75) / 4);
        double[] z = [50 + 10 * 1.25 / sd, 50 + 10 * 0.25 / sd, 50 - 10 * 0.75 / sd, 50 - 10 * 0.75 / sd];
        // ratio to 临夏州's 8: 37.5 (capped at 30), 25, 25, 0
        double[] ratio = [30, 25, 25, 0];
        string[] order = [LinxiaCity, LinxiaCounty, Kangle, Yongjing];
        Assert.Equal(order, rows.Select(r => r.RegionCode));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Rank));
        for (var i = 0; i < 4; i++)
        {
            var d1 = (minMax[i] + z[i]) / 2;
            Assert.Equal(d1, rows[i].Dimensions["D1"]!.Value, Precision);
            Assert.Equal(ratio[i], rows[i].Dimensions["D2"]!.Value, Precision);
            Assert.Equal((3 * d1 + ratio[i]) / 4, rows[i].Score!.Value, Precision);
            // the contributions add up to the score
            Assert.Equal(rows[i].Score!.Value, rows[i].Indicators.Sum(p => p.Contribution!.Value), Precision);
        }
        var capped = rows[0].Indicators.Single(p => p.Normalise == "ratio_to_parent");
        Assert.Equal((3.0, 30.0, 30.0 / 4), (capped.Value!.Value, capped.Normalised!.Value, capped.Contribution!.Value));
    }

    [Fact]
    public void Equal_scores_share_a_rank()
    {
        fixture.Warehouse.Build();
        var index = new IndexDefinition("并列", "reweight", [new("D", 1, [Part("patent_applications", 1, "min_max")])]);

        var rows = fixture.Queries().Index(index, 2023, Linxia).Rows;

        // 临夏县 and 康乐县 both 2 applications: 1, 2, 2, 4
        Assert.Equal([1, 2, 2, 4], rows.Select(r => r.Rank));
        Assert.Equal([LinxiaCity, LinxiaCounty, Kangle, Yongjing], rows.Select(r => r.RegionCode));
    }

    [Theory]
    // targets: 临夏市 4 and 临夏县 2 inventions → 2/4 and 1/2 = 50 each; 康乐县 and 永靖县 have none
    // reweight: 临夏市 (50 + 100) / 2, 临夏县 (50 + 66.67) / 2, 康乐县 66.67 alone, 永靖县 0 alone
    [InlineData("reweight", new[] { 75.0, 175.0 / 3, 200.0 / 3, 0 }, new[] { 1, 3, 2, 4 })]
    // zero: the missing ratio scores 0: 康乐县 (0 + 66.67) / 2
    [InlineData("zero", new[] { 75.0, 175.0 / 3, 100.0 / 3, 0 }, new[] { 1, 2, 3, 4 })]
    public void A_missing_indicator_is_reweighted_or_scored_zero(string missing, double[] scores, int[] ranks)
    {
        fixture.Target(LinxiaCity, 2023, "invention_applications", ">=", 4);
        fixture.Target(LinxiaCounty, 2023, "invention_applications", ">=", 2);
        fixture.Warehouse.Build();
        var index = new IndexDefinition("缺值", missing,
            [new("D", 1, [Part("invention_applications", 1, "ratio_to_target"), Part("patent_applications", 1, "min_max")])]);

        var rows = fixture.Queries().Index(index, 2023, Linxia).Rows.OrderBy(r => r.RegionCode, StringComparer.Ordinal).ToList();

        // code order: 临夏市 622901, 临夏县 622921, 康乐县 622922, 永靖县 622923
        Assert.Equal(scores, rows.Select(r => r.Score!.Value), new PrecisionComparer());
        Assert.Equal(ranks, rows.Select(r => r.Rank!.Value));
        Assert.Equal([0, 0, 1, 1], rows.Select(r => r.MissingIndicators));
        // the missing ratio contributes nothing either way, and each region's contributions add up to its score
        Assert.All(rows, r => Assert.Equal(r.Score!.Value, r.Indicators.Sum(p => p.Contribution!.Value), 9));
        Assert.All(rows, r => Assert.Equal(missing, r.Missing));
    }

    [Fact]
    public void The_index_section_is_read_and_checked()
    {
        var settings = IndexSettings.Parse(System.Text.Json.JsonDocument.Parse("""
            [{ "name": "强县评价（示例权重）", "dimensions": [{ "name": "创造质量", "weight": 40, "indicators": [
                { "code": "valid_invention_per_10k", "weight": 50, "normalise": "min_max", "cap": 100 } ] }] }]
            """).RootElement);
        var index = settings.Find("强县评价（示例权重）");
        Assert.Equal("reweight", index.Missing);
        Assert.Equal(new IndexIndicator("valid_invention_per_10k", 50, "min_max", 100), index.Dimensions[0].Indicators[0]);

        var bad = Assert.Throws<ConfigException>(() => IndexSettings.Parse(System.Text.Json.JsonDocument.Parse("""
            [{ "name": "x", "dimensions": [{ "name": "d", "weight": 1, "indicators": [{ "code": "valid_invention_per_10k", "weight": 1, "normalise": "rank" }] }] }]
            """).RootElement, "ipwh.json"));
        Assert.Contains("indexes[0].dimensions[0].indicators[0].normalise", bad.Message, StringComparison.Ordinal);
        Assert.Equal("name", Assert.Throws<PlanningException>(() => settings.Find("没有")).Parameter);
    }

    private sealed class PrecisionComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }

    public void Dispose() => fixture.Dispose();
}
