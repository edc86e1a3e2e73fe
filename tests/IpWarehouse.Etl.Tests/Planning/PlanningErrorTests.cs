using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// A question the warehouse cannot answer gets an error that names the value and lists what is available.
public sealed class PlanningErrorTests : IDisposable
{
    private readonly PlanningWarehouse fixture = new();
    private readonly PlanningQueries queries;

    public PlanningErrorTests()
    {
        fixture.Warehouse.Patent("P1", "invention", "2022-03-01");
        fixture.Warehouse.Patent("P2", "invention", "2023-03-01");
        queries = fixture.Queries();
    }

    [Fact]
    public void An_unknown_indicator_lists_the_codes()
    {
        var error = Assert.Throws<PlanningException>(() => queries.Rank("patent_application", 2023, Linxia));

        Assert.Equal("indicator", error.Parameter);
        Assert.Contains("“patent_application”不是指标代码", error.Message, StringComparison.Ordinal);
        Assert.Contains("valid_invention_per_10k", error.Message, StringComparison.Ordinal);
        Assert.Equal(IndicatorCatalog.Codes, error.Available);
    }

    [Fact]
    public void A_year_without_data_lists_the_years_present()
    {
        var error = Assert.Throws<PlanningException>(() => queries.Indicators(2021));

        Assert.Equal("year", error.Parameter);
        Assert.Contains("没有 2021 年的数据", error.Message, StringComparison.Ordinal);
        Assert.Contains("有数据的年度：2022, 2023", error.Message, StringComparison.Ordinal);
        Assert.Equal(["2022", "2023"], error.Available);
    }

    [Fact]
    public void An_unknown_region_code_suggests_codes_sharing_its_prefix()
    {
        var error = Assert.Throws<PlanningException>(() => queries.Targets(2023, "622999"));

        Assert.Contains("“622999”不是仓库中的地区代码", error.Message, StringComparison.Ordinal);
        Assert.Contains("622900 临夏回族自治州", error.Message, StringComparison.Ordinal);
        Assert.Equal("622900", error.Available[0]);
    }

    [Fact]
    public void A_region_name_suggests_the_regions_of_that_name()
    {
        var error = Assert.Throws<PlanningException>(() => queries.Rank("patent_applications", 2023, "临夏"));

        Assert.Equal(["622900", "622901", "622921"], error.Available);
    }

    [Fact]
    public void An_as_of_date_must_lie_in_the_year()
    {
        var error = Assert.Throws<PlanningException>(() => queries.Rank("patent_applications", 2023, Linxia, asOf: new DateOnly(2022, 6, 30)));

        Assert.Equal("as_of", error.Parameter);
        Assert.Contains("--year 2022", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        queries.Dispose();
        fixture.Dispose();
    }
}
