using IpWarehouse.Etl.Indicators;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// A range of whole years (ipwh --from-year A --to-year B, INDICATORS.md Periods): flows summed over the range,
/// stocks at its end, rates and shares from the range's totals (never a mean of yearly rates), growth against
/// the range of the same length before it; computed from the facts into mart_indicator_as_of (period 'A-B').
/// Every expected value is worked out by hand from the facts below.
public sealed class RangeTests : IDisposable
{
    private const string Range = IndicatorMart.AsOfTable;

    private readonly IndicatorWarehouse warehouse = new();

    public RangeTests()
    {
        // 临夏市: applications 2018 1, 2019 1, 2020 1 (the range before); 2021 2, 2022 1, 2023 3
        warehouse.Patent("P18", "utility_model", "2018-05-01");
        warehouse.Patent("P19", "utility_model", "2019-05-01");
        warehouse.Patent("P20", "invention", "2020-05-01", granted: "2021-06-01");
        warehouse.Patent("P21a", "invention", "2021-02-01", granted: "2022-03-01");
        warehouse.Patent("P21b", "design", "2021-07-01");
        warehouse.Patent("P22", "invention", "2022-03-01", granted: "2023-04-01", lapsed: "2023-12-01");
        warehouse.Patent("P23a", "invention", "2023-01-10");
        warehouse.Patent("P23b", "utility_model", "2023-02-10", granted: "2023-09-01");
        warehouse.Patent("P23c", "design", "2023-03-10");
        // 临夏县: one invention in 2022
        warehouse.Patent("PX", "invention", "2022-08-01", region: LinxiaCounty);

        // cases of 临夏市, each year's closure rate and the range's worked out in Closure_rate_… below
        warehouse.Case("C1", "2021-02-01", closed: "2021-03-01");
        warehouse.Case("C2", "2021-05-01", closed: "2022-01-10");
        warehouse.Case("C3", "2022-03-01", closed: "2023-08-01");
        warehouse.Case("C4", "2023-01-05", closed: "2023-02-01");
        warehouse.Case("C5", "2023-06-01", closed: "2023-07-01");
        warehouse.Case("C6", "2023-11-01");

        // trademarks: CNIPA years — TM year 2021 starts 2020-12-16, TM year 2023 ends 2023-12-15
        warehouse.Trademark("T0", "2020-12-10");
        warehouse.Trademark("T1", "2020-12-20", registered: "2021-10-01");
        warehouse.Trademark("T2", "2023-12-10");
        warehouse.Trademark("T3", "2023-12-20");

        warehouse.Population(LinxiaCity, 2023, 200_000);
        warehouse.Population(LinxiaCity, 2021, 100_000);
        warehouse.Build();
    }

    [Fact]
    public void Flows_are_summed_over_the_range_and_roll_up()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);

        var row = warehouse.Row(LinxiaCity, "patent_applications", 2023, Range);
        Assert.Equal(("2021-2023", new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)), (row.Period, row.PeriodStart, row.PeriodEnd));
        // 2 + 1 + 3
        warehouse.AssertValue(6, LinxiaCity, "patent_applications", 2023, Range);
        // P21a, P22, P23a
        warehouse.AssertValue(3, LinxiaCity, "invention_applications", 2023, Range);
        // 临夏州 = 临夏市 6 + 临夏县 1
        warehouse.AssertValue(7, Linxia, "patent_applications", 2023, Range);
        // grants in 2021-2023: P20 (2021), P21a (2022), P22 (2023), P23b (2023)
        warehouse.AssertValue(4, LinxiaCity, "patent_grants", 2023, Range);
    }

    [Fact]
    public void A_flow_over_a_range_equals_the_sum_of_its_years_in_the_mart()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);
        var years = Enumerable.Range(2021, 3).Sum(y => warehouse.Value(Gansu, "patent_applications", y)!.Value);

        Assert.Equal(7, years);
        warehouse.AssertValue(years, Gansu, "patent_applications", 2023, Range);
    }

    [Fact]
    public void Shares_and_per_capita_values_come_from_the_range_totals()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);

        // 3 inventions / 6 applications × 100; the yearly shares are 50, 100 and 33.3
        warehouse.AssertValue(50, LinxiaCity, "invention_share", 2023, Range);
        // 3 inventions over the range / 200 000 people at its end (2023) × 100 000
        warehouse.AssertValue(1.5, LinxiaCity, "invention_applications_per_100k", 2023, Range);
    }

    [Fact]
    public void Closure_rate_over_a_range_is_not_the_mean_of_the_yearly_rates()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);

        // yearly: 2021 closed C1 / (open 0 + filed 2) = 50; 2022 closed C2 / (open C2 + filed C3) = 50;
        // 2023 closed C3, C4, C5 / (open C3 + filed C4, C5, C6) = 75
        warehouse.AssertValue(50, LinxiaCity, "case_closure_rate", 2021);
        warehouse.AssertValue(50, LinxiaCity, "case_closure_rate", 2022);
        warehouse.AssertValue(75, LinxiaCity, "case_closure_rate", 2023);
        // range: closed C1..C5 / (open on 2021-01-01: none + filed C1..C6) = 5 / 6 × 100, not (50 + 50 + 75) / 3
        warehouse.AssertValue(500.0 / 6, LinxiaCity, "case_closure_rate", 2023, Range);
        var row = warehouse.Row(LinxiaCity, "case_closure_rate", 2023, Range);
        Assert.Equal((5.0, 6.0), (row.Numerator, row.Denominator));
        Assert.NotEqual(175.0 / 3, row.Value!.Value, 6);
    }

    [Fact]
    public void Stocks_are_read_at_the_end_of_the_range()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);

        // valid on 2023-12-31: P20, P21a, P23b (P22 lapsed on 2023-12-01)
        warehouse.AssertValue(3, LinxiaCity, "valid_patents", 2023, Range);
        warehouse.AssertValue(2, LinxiaCity, "valid_invention_patents", 2023, Range);
        // 2 / 200 000 × 10 000
        warehouse.AssertValue(0.1, LinxiaCity, "valid_invention_per_10k", 2023, Range);
    }

    [Fact]
    public void Trademark_flows_run_over_the_trademark_years_of_the_range()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);

        // 2020-12-16 .. 2023-12-15: T1 and T2; T0 is in TM year 2020, T3 in TM year 2024
        warehouse.AssertValue(2, LinxiaCity, "trademark_applications", 2023, Range);
        var row = warehouse.Row(LinxiaCity, "trademark_applications", 2023, Range);
        Assert.Equal((new DateOnly(2020, 12, 16), new DateOnly(2023, 12, 15)), (row.PeriodStart, row.PeriodEnd));
    }

    [Fact]
    public void Growth_is_against_the_range_of_the_same_length_before()
    {
        IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2021, 2023);

        // 2021-2023: 6; 2018-2020: 3 → (6 − 3) / 3 × 100
        warehouse.AssertValue(100, LinxiaCity, "patent_applications_growth", 2023, Range);
        var row = warehouse.Row(LinxiaCity, "patent_applications_growth", 2023, Range);
        Assert.Equal((6.0, 3.0), (row.Numerator, row.Denominator));
    }

    [Fact]
    public void A_range_must_run_forward()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorMart.ComputeRange(warehouse.Connection, IndicatorSettings.Default, 2023, 2023));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorPeriod.Years(2024, 2023));
        Assert.Equal(("2021-2023", "2018-2020"), (IndicatorPeriod.Years(2021, 2023).Name, IndicatorPeriod.Years(2021, 2023).Previous.Name));
    }

    public void Dispose() => warehouse.Dispose();
}
