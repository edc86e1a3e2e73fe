using IpWarehouse.Etl.Indicators;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The enforcement indicators for 2023, hand-computed from INDICATORS.md: filed, closed, closure rate with
/// cases carried over, on-time closure (90 days after suspended days; patent disputes 3 calendar months),
/// transfers, online cases and fines.
public sealed class CaseIndicatorTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public CaseIndicatorTests()
    {
        // 临夏市 622901
        // carried over from 2022, closed 2023-02-15 after 106 days: late
        warehouse.Case("C1", "2022-11-01", closed: "2023-02-15", fine: 200m);
        // carried over, still open
        warehouse.Case("C2", "2022-12-01");
        // closed on 2022-12-31: not open at the start of 2023; its fine is 2022's
        warehouse.Case("C3", "2022-06-01", closed: "2022-12-31", fine: 999m);
        // 99 days − 10 suspended = 89 ≤ 90: on time
        warehouse.Case("C4", "2023-01-01", closed: "2023-04-10", suspended: 10, fine: 1000m);
        // 99 days − 5 suspended = 94 > 90: late
        warehouse.Case("C5", "2023-01-01", closed: "2023-04-10", suspended: 5, online: true, fine: 2500.50m);
        // exactly 90 days: on time
        warehouse.Case("C12", "2023-01-01", closed: "2023-04-01");
        // 临夏县 622921: patent disputes, 3 calendar months from filing
        // 2023-03-01 + 3 months = 2023-06-01: closed that day after 92 days, on time (the 90-day rule would say late)
        warehouse.Case("C6", "2023-03-01", closed: "2023-06-01", type: "patent_dispute", region: LinxiaCounty);
        // closed 2023-06-02: late
        warehouse.Case("C7", "2023-03-01", closed: "2023-06-02", type: "patent_dispute", region: LinxiaCounty);
        // 2023-03-31 + 3 months = 2023-06-30, + 5 suspended days = 2023-07-05: on time
        warehouse.Case("C8", "2023-03-31", closed: "2023-07-05", type: "patent_dispute", suspended: 5, region: LinxiaCounty);
        // transferred to the police, open, online
        warehouse.Case("C9", "2023-05-01", transferred: "2023-06-01", online: true, region: LinxiaCounty);
        // filed 2023, closed 2024
        warehouse.Case("C10", "2023-12-01", closed: "2024-01-10", region: LinxiaCounty);
        // 临夏州 622900 itself: 28 days, on time
        warehouse.Case("C11", "2023-02-01", closed: "2023-03-01", region: Linxia, fine: 300m);
        warehouse.Build();
    }

    [Theory]
    // 临夏市: C4, C5, C12; 临夏县: C6, C7, C8, C9, C10; 临夏州: 3 + 5 + own C11 = 9
    [InlineData(LinxiaCity, 3)]
    [InlineData(LinxiaCounty, 5)]
    [InlineData(Linxia, 9)]
    [InlineData(Gansu, 9)]
    public void Cases_filed_count_filing_dates(string region, double expected) =>
        warehouse.AssertValue(expected, region, "cases_filed", 2023);

    [Theory]
    // 临夏市: C1 (2023-02-15), C4, C5, C12; 临夏县: C6, C7, C8 (C10 closes in 2024); 临夏州: 4 + 3 + C11 = 8
    [InlineData(LinxiaCity, 4)]
    [InlineData(LinxiaCounty, 3)]
    [InlineData(Linxia, 8)]
    public void Cases_closed_count_closing_dates(string region, double expected) =>
        warehouse.AssertValue(expected, region, "cases_closed", 2023);

    [Theory]
    // 临夏市: open on 2023-01-01 C1, C2 (C3 closed 2022-12-31) = 2; 4 / (2 + 3) × 100 = 80
    [InlineData(LinxiaCity, 80.0)]
    // 临夏县: 3 / (0 + 5) × 100 = 60
    [InlineData(LinxiaCounty, 60.0)]
    // 临夏州: 8 / (2 + 9) × 100
    [InlineData(Linxia, 800.0 / 11)]
    public void Closure_rate_counts_the_cases_carried_over_from_last_year(string region, double expected) =>
        warehouse.AssertValue(expected, region, "case_closure_rate", 2023);

    [Fact]
    public void Closure_rate_stores_its_numerator_and_denominator()
    {
        var row = warehouse.Row(LinxiaCity, "case_closure_rate", 2023);

        // closed 4; open at the start 2 + filed 3 = 5
        Assert.Equal(4, row.Numerator);
        Assert.Equal(5, row.Denominator);
    }

    [Fact]
    public void Cases_carried_into_the_next_year_are_open_at_its_start()
    {
        // 临夏县 2024: open on 2024-01-01 C9 (never closed) and C10 (closed 2024-01-10) = 2; filed 0; closed C10
        // → 1 / (2 + 0) × 100 = 50
        warehouse.AssertValue(50.0, LinxiaCounty, "case_closure_rate", 2024);
    }

    [Theory]
    // 临夏市: C4 (89) and C12 (90) on time; C1 (106) and C5 (94) late → 2 / 4 × 100 = 50
    [InlineData(LinxiaCity, 50.0)]
    // 临夏县: C6 and C8 on time, C7 late → 2 / 3 × 100
    [InlineData(LinxiaCounty, 200.0 / 3)]
    // 临夏州: (2 + 2 + C11) / 8 × 100 = 62.5
    [InlineData(Linxia, 62.5)]
    public void On_time_rate_uses_90_days_after_suspension_and_3_months_for_patent_disputes(string region, double expected) =>
        warehouse.AssertValue(expected, region, "case_on_time_rate", 2023);

    [Fact]
    public void On_time_limit_is_a_setting()
    {
        warehouse.Build(IndicatorSettings.Default with { OnTimeLimitDays = 100, PatentDisputeMonths = 4 });

        // 临夏市 with 100 days: C1 (106) late, C4 (89), C5 (94), C12 (90) on time → 3 / 4 × 100 = 75
        warehouse.AssertValue(75.0, LinxiaCity, "case_on_time_rate", 2023);
        // 临夏县 with 4 months: C6, C7, C8 on time → 100
        warehouse.AssertValue(100.0, LinxiaCounty, "case_on_time_rate", 2023);
    }

    [Theory]
    // transferred: C9 (临夏县); online and filed in 2023: C5 (临夏市), C9 (临夏县)
    [InlineData(LinxiaCity, 0, 1)]
    [InlineData(LinxiaCounty, 1, 1)]
    [InlineData(Linxia, 1, 2)]
    public void Transferred_and_online_cases(string region, double transferred, double online)
    {
        warehouse.AssertValue(transferred, region, "cases_transferred", 2023);
        warehouse.AssertValue(online, region, "online_cases", 2023);
    }

    [Theory]
    // fines of cases closed in 2023: 临夏市 C1 200 + C4 1 000 + C5 2 500.50 = 3 700.50 (C3's 999 is 2022's)
    [InlineData(LinxiaCity, 3700.50)]
    [InlineData(LinxiaCounty, 0)]
    // + C11 300
    [InlineData(Linxia, 4000.50)]
    public void Fines_amount_sums_the_fines_of_cases_closed_in_the_year(string region, double expected) =>
        warehouse.AssertValue(expected, region, "fines_amount", 2023);

    [Fact]
    public void Fines_of_2022_are_2022s()
    {
        // C3 closed 2022-12-31 with 999
        warehouse.AssertValue(999, LinxiaCity, "fines_amount", 2022);
    }

    public void Dispose() => warehouse.Dispose();
}
