using IpWarehouse.Etl.Indicators;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The patent indicators for 2023, hand-computed from INDICATORS.md: application and grant flows, validity
/// at 31 Dec (grant, lapse, term), high value, share, growth and per-capita. Regions: 甘肃省 620000 →
/// 临夏州 622900 → 临夏市 622901 / 临夏县 622921.
public sealed class PatentIndicatorTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public PatentIndicatorTests()
    {
        // 临夏市 622901
        warehouse.Patent("P1", "invention", "2023-03-01", granted: "2023-10-01");
        warehouse.Patent("P2", "utility_model", "2023-04-01", granted: "2023-08-01");
        warehouse.Patent("P8", "invention", "2020-03-01", granted: "2022-03-01", hvSei: true);
        // utility model, 10-year term from 2012-02-01: expired on 2022-02-01, although maintained > 10 years
        warehouse.Patent("P9", "utility_model", "2012-02-01", granted: "2012-09-01");
        // 临夏县 622921
        // invention filed 2002 without a lapse date: 20-year term ended on 2022-05-01
        warehouse.Patent("P3", "invention", "2002-05-01", granted: "2006-01-01", region: LinxiaCounty);
        warehouse.Patent("P4", "invention", "2022-05-10", region: LinxiaCounty);
        // no flag, but maintained > 10 years from 2012-01-10 since 2022-01-11
        warehouse.Patent("P6", "invention", "2012-01-10", granted: "2015-06-01", region: LinxiaCounty);
        // pledged (high-value flag) but lapsed on 2023-06-30
        warehouse.Patent("P7", "invention", "2018-01-01", granted: "2020-01-01", lapsed: "2023-06-30", region: LinxiaCounty, hvPledge: true);
        // 临夏州 622900 itself (an address that resolves only to the city)
        warehouse.Patent("P5", "design", "2023-06-01", granted: "2023-11-01", region: Linxia);
        // design filed before 2021-06-01: 10 years, expired on 2022-03-01
        warehouse.Patent("P10", "design", "2012-03-01", granted: "2012-10-01", region: Linxia);
        // design filed on 2021-06-01: 15 years, valid until 2036-06-01
        warehouse.Patent("P11", "design", "2021-06-01", granted: "2022-01-01", region: Linxia);
        // 甘肃省 620000 itself
        warehouse.Patent("P12", "invention", "2023-07-01", region: Gansu);

        warehouse.Population(LinxiaCity, 2023, 300_000);
        warehouse.Population(Linxia, 2023, 2_000_000);
        warehouse.Population(Gansu, 2023, 25_000_000);
        // 临夏县 has only a registered (户籍) population: with the default resident type it has none
        warehouse.Population(LinxiaCounty, 2023, 400_000, "registered");
        warehouse.Build();
    }

    [Theory]
    // 临夏市: P1 (2023-03-01), P2 (2023-04-01)
    [InlineData(LinxiaCity, 2)]
    // 临夏县: nothing filed in 2023 (P4 is 2022)
    [InlineData(LinxiaCounty, 0)]
    // 临夏州: 临夏市 2 + 临夏县 0 + its own P5 = 3
    [InlineData(Linxia, 3)]
    // 甘肃省: 临夏州 3 + its own P12 = 4
    [InlineData(Gansu, 4)]
    public void Patent_applications_count_application_dates_in_the_year(string region, double expected) =>
        warehouse.AssertValue(expected, region, "patent_applications", 2023);

    [Theory]
    // P1 only; P2 is a utility model, not an invention
    [InlineData(LinxiaCity, 1)]
    [InlineData(LinxiaCounty, 0)]
    [InlineData(Linxia, 1)]
    // P1 + P12
    [InlineData(Gansu, 2)]
    public void Invention_applications_count_inventions_only(string region, double expected) =>
        warehouse.AssertValue(expected, region, "invention_applications", 2023);

    [Theory]
    // P1 (2023-10-01), P2 (2023-08-01); invention: P1
    [InlineData(LinxiaCity, 2, 1)]
    [InlineData(LinxiaCounty, 0, 0)]
    // + P5 (2023-11-01, design)
    [InlineData(Linxia, 3, 1)]
    // P12 is not granted
    [InlineData(Gansu, 3, 1)]
    public void Grants_count_grant_dates_in_the_year(string region, double grants, double inventionGrants)
    {
        warehouse.AssertValue(grants, region, "patent_grants", 2023);
        warehouse.AssertValue(inventionGrants, region, "invention_grants", 2023);
    }

    [Theory]
    // 临夏市 at 2023-12-31: P1, P2, P8 valid; P9 (utility model) expired 2022-02-01 → 3; inventions P1, P8 → 2
    [InlineData(LinxiaCity, 3, 2)]
    // 临夏县: P3 term ended 2022-05-01, P4 not granted, P7 lapsed 2023-06-30, P6 valid → 1; invention 1
    [InlineData(LinxiaCounty, 1, 1)]
    // 临夏州: 3 + 1 + own P5 and P11 (P10 expired 2022-03-01) = 6; inventions 2 + 1 = 3
    [InlineData(Linxia, 6, 3)]
    // 甘肃省: P12 is not granted → 6; 3
    [InlineData(Gansu, 6, 3)]
    public void Valid_patents_at_year_end_respect_grant_lapse_and_term(string region, double valid, double validInventions)
    {
        warehouse.AssertValue(valid, region, "valid_patents", 2023);
        warehouse.AssertValue(validInventions, region, "valid_invention_patents", 2023);
    }

    [Fact]
    public void An_invention_filed_2002_without_a_lapse_date_is_not_valid_at_the_end_of_2023()
    {
        // P3: 2002-05-01 + 20 years = 2022-05-01. At 2021-12-31 临夏县 has P3 and P6 valid (P7 too: granted
        // 2020, lapsed only in 2023) = 3; at 2022-12-31 P3 has expired: P6, P7 = 2; at 2023-12-31 P6 = 1.
        warehouse.AssertValue(3, LinxiaCounty, "valid_invention_patents", 2021);
        warehouse.AssertValue(2, LinxiaCounty, "valid_invention_patents", 2022);
        warehouse.AssertValue(1, LinxiaCounty, "valid_invention_patents", 2023);
    }

    [Fact]
    public void Designs_filed_from_2021_06_01_have_a_15_year_term()
    {
        // 临夏州 at 2022-12-31: 临夏市 P8 (P9 expired 2022-02-01) = 1; 临夏县 P6, P7 (P3 expired 2022-05-01) = 2;
        // own P11 (filed 2021-06-01, 15 years) = 1, while P10 (filed 2012-03-01, 10 years) expired on
        // 2022-03-01 → 4. At 2021-12-31: 临夏市 P9 = 1 (P8 granted only in 2022); 临夏县 P3, P6, P7 = 3; own
        // P10 = 1 (P11 granted only on 2022-01-01) → 5.
        warehouse.AssertValue(4, Linxia, "valid_patents", 2022);
        warehouse.AssertValue(5, Linxia, "valid_patents", 2021);
    }

    [Theory]
    // 临夏市: P8 (hv_sei); P1 has no flag and is months old → 1
    [InlineData(LinxiaCity, 1)]
    // 临夏县: P6 maintained > 10 years (since 2022-01-11); P7 pledged but lapsed 2023-06-30 → 1
    [InlineData(LinxiaCounty, 1)]
    [InlineData(Linxia, 2)]
    [InlineData(Gansu, 2)]
    public void High_value_inventions_have_a_flag_or_more_than_10_years(string region, double expected) =>
        warehouse.AssertValue(expected, region, "high_value_invention_patents", 2023);

    [Fact]
    public void High_value_by_maintenance_starts_after_the_tenth_anniversary()
    {
        // 临夏县 on 2022-01-10: P3 (maintained ~19.7 years, valid until 2022-05-01) and P7 (pledged) are high
        // value; P6 (filed 2012-01-10) has been maintained exactly 10 years, not more → 2.
        warehouse.AsOf(2022, "2022-01-10");
        warehouse.AssertValue(2, LinxiaCounty, "high_value_invention_patents", 2022, IndicatorMart.AsOfTable);

        // on 2022-01-11 P6 is past its tenth anniversary → 3
        warehouse.AsOf(2022, "2022-01-11");
        warehouse.AssertValue(3, LinxiaCounty, "high_value_invention_patents", 2022, IndicatorMart.AsOfTable);
    }

    [Theory]
    // 1 / 2 × 100
    [InlineData(LinxiaCity, 50.0)]
    // 0 / 0: no applications → missing
    [InlineData(LinxiaCounty, null)]
    // from the city's totals: 1 / 3 × 100 = 33.33…, not the mean of its counties (50 and missing)
    [InlineData(Linxia, 100.0 / 3)]
    // (P1 + P12) / 4 × 100 = 50
    [InlineData(Gansu, 50.0)]
    public void Invention_share_divides_the_regions_own_totals(string region, double? expected) =>
        warehouse.AssertValue(expected, region, "invention_share", 2023);

    [Theory]
    // 2022: 临夏市 filed nothing → a zero base → missing, not infinite
    [InlineData(LinxiaCity, null)]
    // (0 − 1) / 1 × 100; 2022 had P4
    [InlineData(LinxiaCounty, -100.0)]
    // (3 − 1) / 1 × 100
    [InlineData(Linxia, 200.0)]
    // (4 − 1) / 1 × 100
    [InlineData(Gansu, 300.0)]
    public void Application_growth_compares_with_the_year_before(string region, double? expected) =>
        warehouse.AssertValue(expected, region, "patent_applications_growth", 2023);

    [Fact]
    public void Growth_keeps_this_year_and_the_base_as_numerator_and_denominator()
    {
        var row = warehouse.Row(Linxia, "patent_applications_growth", 2023);

        Assert.Equal(3, row.Numerator);
        Assert.Equal(1, row.Denominator);
    }

    [Theory]
    // invention_applications / population × 100 000: 1 / 300 000 × 100 000
    [InlineData(LinxiaCity, "invention_applications_per_100k", 1.0 / 3)]
    // 1 / 2 000 000 × 100 000
    [InlineData(Linxia, "invention_applications_per_100k", 0.05)]
    // 2 / 25 000 000 × 100 000
    [InlineData(Gansu, "invention_applications_per_100k", 0.008)]
    // invention_grants / population × 100 000: 1 / 300 000 × 100 000; 1 / 2 000 000 × 100 000; 1 / 25 000 000 × 100 000
    [InlineData(LinxiaCity, "invention_grants_per_100k", 1.0 / 3)]
    [InlineData(Linxia, "invention_grants_per_100k", 0.05)]
    [InlineData(Gansu, "invention_grants_per_100k", 0.004)]
    // valid_invention_patents / population × 10 000: 2 / 300 000 × 10 000; 3 / 2 000 000 × 10 000; 3 / 25 000 000 × 10 000
    [InlineData(LinxiaCity, "valid_invention_per_10k", 2.0 / 30)]
    [InlineData(Linxia, "valid_invention_per_10k", 0.015)]
    [InlineData(Gansu, "valid_invention_per_10k", 0.0012)]
    // high_value_invention_patents / population × 10 000: 1 / 300 000 × 10 000; 2 / 2 000 000 × 10 000; 2 / 25 000 000 × 10 000
    [InlineData(LinxiaCity, "high_value_invention_per_10k", 1.0 / 30)]
    [InlineData(Linxia, "high_value_invention_per_10k", 0.01)]
    [InlineData(Gansu, "high_value_invention_per_10k", 0.0008)]
    public void Per_capita_values_use_the_regions_own_population(string region, string indicator, double expected) =>
        warehouse.AssertValue(expected, region, indicator, 2023);

    [Theory]
    [InlineData("invention_applications_per_100k")]
    [InlineData("invention_grants_per_100k")]
    [InlineData("valid_invention_per_10k")]
    [InlineData("high_value_invention_per_10k")]
    public void Per_capita_without_population_is_missing_not_zero(string indicator)
    {
        // 临夏县 has a registered population only, and nobody has a population in 2022
        var county = warehouse.Row(LinxiaCounty, indicator, 2023);
        Assert.Null(county.Value);
        Assert.Null(county.Denominator);
        warehouse.AssertValue(null, LinxiaCity, indicator, 2022);
    }

    [Fact]
    public void Population_type_registered_divides_by_the_registered_population()
    {
        warehouse.Build(IndicatorSettings.Default with { PopulationType = PopulationType.Registered });

        // 临夏县: 1 valid invention (P6) / 400 000 × 10 000 = 0.025; 临夏市 has no registered population → missing
        warehouse.AssertValue(0.025, LinxiaCounty, "valid_invention_per_10k", 2023);
        warehouse.AssertValue(null, LinxiaCity, "valid_invention_per_10k", 2023);
    }

    [Fact]
    public void Patent_term_settings_change_validity()
    {
        warehouse.Build(IndicatorSettings.Default with { InventionTermYears = 25 });

        // with a 25-year term P3 (filed 2002-05-01) is valid until 2027-05-01: 临夏县 P3, P6 → 2
        warehouse.AssertValue(2, LinxiaCounty, "valid_invention_patents", 2023);
    }

    public void Dispose() => warehouse.Dispose();
}
