using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// Roll-up (INDICATORS.md, Attribution): a region's value covers every fact attributed to it or to any
/// region below it, computed from the facts; a fact attributed to a city counts for the city and the
/// province but for no county; ratios and per-capita values divide the region's own totals.
public sealed class RollUpTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public RollUpTests()
    {
        // an abolished county (撤县设区): its last version still names 临夏州 as parent
        warehouse.Execute("""
            INSERT INTO dim_region (region_code, name, short_name, level, parent_code, province_code, city_code, valid_from, valid_to, is_current)
            VALUES ('622999', '撤销县', '撤销县', 'county', '622900', '620000', '622900', DATE '2000-01-01', DATE '2020-01-01', FALSE)
            """);
        // valid inventions at 2023-12-31: 临夏市 1, 临夏县 2, 临夏州 itself 3, the abolished county 1
        warehouse.Patent("A1", "invention", "2020-01-01", granted: "2021-01-01");
        warehouse.Patent("B1", "invention", "2020-01-01", granted: "2021-01-01", region: LinxiaCounty);
        warehouse.Patent("B2", "invention", "2020-02-01", granted: "2021-02-01", region: LinxiaCounty);
        warehouse.Patent("C1", "invention", "2020-01-01", granted: "2021-01-01", region: Linxia);
        warehouse.Patent("C2", "invention", "2020-02-01", granted: "2021-02-01", region: Linxia);
        warehouse.Patent("C3", "invention", "2020-03-01", granted: "2021-03-01", region: Linxia);
        warehouse.Patent("D1", "invention", "2019-01-01", granted: "2020-01-01", region: "622999");
        // the only event of 2023, so that 2023 is a year present in the facts
        warehouse.Training("E1", "2023-05-01", 10, LinxiaCounty);
        warehouse.Population(LinxiaCity, 2023, 300_000);
        warehouse.Population(LinxiaCounty, 2023, 700_000);
        warehouse.Population(Linxia, 2023, 2_000_000);
        warehouse.Build();
    }

    [Fact]
    public void A_fact_attributed_to_the_city_counts_for_the_city_and_the_province_but_no_county()
    {
        // 临夏市 1, 临夏县 2; 临夏州 = 1 + 2 + own 3 + abolished county 1 = 7, more than its counties' 1 + 2
        warehouse.AssertValue(1, LinxiaCity, "valid_invention_patents", 2023);
        warehouse.AssertValue(2, LinxiaCounty, "valid_invention_patents", 2023);
        warehouse.AssertValue(7, Linxia, "valid_invention_patents", 2023);
        warehouse.AssertValue(7, Gansu, "valid_invention_patents", 2023);
    }

    [Fact]
    public void A_citys_per_capita_value_divides_its_own_totals_by_its_own_population()
    {
        // 临夏州: 7 / 2 000 000 × 10 000 = 0.035 — not the sum of its counties' values
        // (1 / 300 000 × 10 000 + 2 / 700 000 × 10 000 ≈ 0.062) nor their mean
        warehouse.AssertValue(0.035, Linxia, "valid_invention_per_10k", 2023);
        warehouse.AssertValue(1.0 / 30, LinxiaCity, "valid_invention_per_10k", 2023);
        warehouse.AssertValue(2.0 / 70, LinxiaCounty, "valid_invention_per_10k", 2023);
        // 甘肃省 has no population row: missing, and never summed from 临夏州's
        warehouse.AssertValue(null, Gansu, "valid_invention_per_10k", 2023);
    }

    [Fact]
    public void A_region_without_facts_has_zero_counts_not_missing_ones()
    {
        // nothing was filed or paid in 2023 anywhere
        warehouse.AssertValue(0, LinxiaCity, "patent_applications", 2023);
        warehouse.AssertValue(0, LinxiaCity, "subsidy_paid", 2023);
    }

    [Fact]
    public void An_abolished_code_rolls_up_to_where_it_last_belonged()
    {
        warehouse.AssertValue(1, "622999", "valid_invention_patents", 2023);
    }

    public void Dispose() => warehouse.Dispose();
}
