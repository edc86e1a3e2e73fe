using IpWarehouse.Etl.Indicators;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The trademark indicators, hand-computed from INDICATORS.md: CNIPA's trademark year Y runs
/// 16 Dec Y-1 .. 15 Dec Y with stocks as of 15 Dec Y (default), or the calendar year (setting).
public sealed class TrademarkIndicatorTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public TrademarkIndicatorTests()
    {
        // 临夏市 622901
        // filed 2022-12-20 (trademark year 2023), registered 2023-12-20 (trademark year 2024)
        warehouse.Trademark("T1", "2022-12-20", registered: "2023-12-20", expiry: "2033-12-19");
        // registered 2023-12-10 without an expiry date: registration + 10 years
        warehouse.Trademark("T2", "2023-03-01", registered: "2023-12-10");
        // expired 2023-05-31
        warehouse.Trademark("T3", "2012-05-01", registered: "2013-06-01", expiry: "2023-05-31");
        // cancelled on 2023-12-15, the last day of trademark year 2023: cancelled by then
        warehouse.Trademark("T4", "2015-01-01", registered: "2016-01-01", expiry: "2026-01-01", cancelled: "2023-12-15");
        // 临夏县 622921
        warehouse.Trademark("T5", "2010-01-01", registered: "2011-01-01", expiry: "2031-01-01", region: LinxiaCounty, gi: true, kind: "certification");
        // filed 2023-12-16: trademark year 2024
        warehouse.Trademark("T7", "2023-12-16", region: LinxiaCounty);
        // 临夏州 622900 itself: a GI collective mark registered on 2023-12-20
        warehouse.Trademark("T6", "2023-08-01", registered: "2023-12-20", expiry: "2033-12-19", region: Linxia, gi: true, kind: "collective");
    }

    [Theory]
    // 2022-12-16 .. 2023-12-15: 临夏市 T1 (2022-12-20), T2 (2023-03-01) → 2
    [InlineData(LinxiaCity, 2)]
    // T7 (2023-12-16) belongs to trademark year 2024
    [InlineData(LinxiaCounty, 0)]
    // 2 + 0 + own T6 (2023-08-01) = 3
    [InlineData(Linxia, 3)]
    [InlineData(Gansu, 3)]
    public void Applications_count_the_trademark_year(string region, double expected)
    {
        warehouse.Build();
        warehouse.AssertValue(expected, region, "trademark_applications", 2023);
    }

    [Fact]
    public void A_trademark_registered_on_20_December_counts_in_the_next_trademark_year()
    {
        warehouse.Build();

        // 临夏市 2023: T2 (2023-12-10) only; T1 (2023-12-20) is in 2024
        warehouse.AssertValue(1, LinxiaCity, "trademark_registrations", 2023);
        warehouse.AssertValue(1, LinxiaCity, "trademark_registrations", 2024);
        // 临夏州 2024: T1 + own T6 (2023-12-20) = 2
        warehouse.AssertValue(2, Linxia, "trademark_registrations", 2024);
        // 临夏县 2024 applications: T7 (2023-12-16)
        warehouse.AssertValue(1, LinxiaCounty, "trademark_applications", 2024);
    }

    [Fact]
    public void Trademark_rows_carry_the_trademark_year_as_their_period()
    {
        warehouse.Build();

        var row = warehouse.Row(LinxiaCity, "valid_trademarks", 2023);
        Assert.Equal(new DateOnly(2022, 12, 16), row.PeriodStart);
        Assert.Equal(new DateOnly(2023, 12, 15), row.PeriodEnd);
        var patents = warehouse.Row(LinxiaCity, "patent_applications", 2023);
        Assert.Equal(new DateOnly(2023, 1, 1), patents.PeriodStart);
        Assert.Equal(new DateOnly(2023, 12, 31), patents.PeriodEnd);
    }

    [Theory]
    // at 2023-12-15: T2 valid; T1 not yet registered, T3 expired, T4 cancelled that day → 1
    [InlineData(LinxiaCity, 1, 0)]
    // T5 (GI certification mark) → 1, GI 1
    [InlineData(LinxiaCounty, 1, 1)]
    // 1 + 1 + own T6 (registered 2023-12-20, after 15 Dec) = 2; GI: T5 = 1
    [InlineData(Linxia, 2, 1)]
    [InlineData(Gansu, 2, 1)]
    public void Valid_trademarks_are_counted_at_15_December(string region, double valid, double gi)
    {
        warehouse.Build();
        warehouse.AssertValue(valid, region, "valid_trademarks", 2023);
        warehouse.AssertValue(gi, region, "gi_trademarks", 2023);
    }

    [Fact]
    public void GI_marks_registered_after_15_December_count_in_the_next_year()
    {
        warehouse.Build();

        // at 2024-12-15: T5 and T6 → 2
        warehouse.AssertValue(2, Linxia, "gi_trademarks", 2024);
    }

    [Theory]
    // at 2022-12-15 临夏市 had T3 and T4 → (1 − 2) / 2 × 100 = −50
    [InlineData(LinxiaCity, -50.0)]
    // T5 both years → (1 − 1) / 1 × 100 = 0
    [InlineData(LinxiaCounty, 0.0)]
    // (2 − 3) / 3 × 100
    [InlineData(Linxia, -100.0 / 3)]
    public void Valid_trademark_growth_compares_with_the_year_before(string region, double expected)
    {
        warehouse.Build();
        warehouse.AssertValue(expected, region, "valid_trademarks_growth", 2023);
    }

    [Fact]
    public void Calendar_trademark_years_run_from_January_to_December()
    {
        warehouse.Build(IndicatorSettings.Default with { TrademarkYear = TrademarkYearMode.Calendar });

        // 临夏市 2023-01-01 .. 2023-12-31: filed T2 → 1 (T1 was filed 2022-12-20); registered T2, T1 → 2;
        // valid at 2023-12-31: T1, T2 (T3 expired, T4 cancelled) → 2
        warehouse.AssertValue(1, LinxiaCity, "trademark_applications", 2023);
        warehouse.AssertValue(2, LinxiaCity, "trademark_registrations", 2023);
        warehouse.AssertValue(2, LinxiaCity, "valid_trademarks", 2023);
        // 临夏县: T7 filed 2023-12-16
        warehouse.AssertValue(1, LinxiaCounty, "trademark_applications", 2023);
        var row = warehouse.Row(LinxiaCity, "valid_trademarks", 2023);
        Assert.Equal(new DateOnly(2023, 1, 1), row.PeriodStart);
        Assert.Equal(new DateOnly(2023, 12, 31), row.PeriodEnd);
    }

    public void Dispose() => warehouse.Dispose();
}
