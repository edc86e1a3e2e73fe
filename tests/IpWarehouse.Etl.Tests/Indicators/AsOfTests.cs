using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Tests.Infrastructure;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// Year to date (ipwh --as-of D): flows from 1 Jan (16 Dec of the year before for CNIPA trademark years)
/// to D, stocks at D, growth against the same days a year before; the same SQL as the nightly build, into
/// the temp table mart_indicator_as_of, without a new load.
public sealed class AsOfTests : IDisposable
{
    private const string AsOf = IndicatorMart.AsOfTable;

    private readonly IndicatorWarehouse warehouse = new();

    public AsOfTests()
    {
        // 临夏市
        warehouse.Patent("P1", "invention", "2023-03-01", granted: "2023-10-01");
        warehouse.Patent("P2", "utility_model", "2023-04-01", granted: "2023-08-01");
        warehouse.Patent("P8", "invention", "2020-03-01", granted: "2022-03-01", hvSei: true);
        warehouse.Patent("P13", "invention", "2023-08-01");
        // 临夏县
        warehouse.Patent("P4", "invention", "2022-05-10", region: LinxiaCounty);
        warehouse.Patent("P14", "invention", "2022-09-01", region: LinxiaCounty);
        warehouse.Patent("P6", "invention", "2012-01-10", granted: "2015-06-01", region: LinxiaCounty);
        // lapses on 2023-06-30: not valid on that day
        warehouse.Patent("P7", "invention", "2018-01-01", granted: "2020-01-01", lapsed: "2023-06-30", region: LinxiaCounty, hvPledge: true);
        // 临夏州 itself
        warehouse.Patent("P5", "design", "2023-06-01", granted: "2023-11-01", region: Linxia);

        warehouse.Trademark("T1", "2022-12-20", registered: "2023-12-20", expiry: "2033-12-19");
        warehouse.Trademark("T2", "2023-03-01", registered: "2023-12-10");
        warehouse.Trademark("T3", "2012-05-01", registered: "2013-06-01", expiry: "2023-05-31");
        warehouse.Trademark("T4", "2015-01-01", registered: "2016-01-01", expiry: "2026-01-01", cancelled: "2023-12-15");

        warehouse.Case("C1", "2022-11-01", closed: "2023-02-15");
        warehouse.Case("C2", "2022-12-01");
        warehouse.Case("C4", "2023-01-01", closed: "2023-04-10", suspended: 10);
        warehouse.Case("C12", "2023-01-01", closed: "2023-04-01");
        warehouse.Case("C13", "2023-03-15");

        warehouse.Population(LinxiaCity, 2023, 300_000);
    }

    [Fact]
    public void Flows_run_from_1_January_to_the_as_of_date()
    {
        warehouse.AsOf(2023, "2023-06-30");

        // 临夏市 2023-01-01 .. 2023-06-30: filed P1 (03-01), P2 (04-01); P13 (08-01) later → 2; inventions 1
        warehouse.AssertValue(2, LinxiaCity, "patent_applications", 2023, AsOf);
        warehouse.AssertValue(1, LinxiaCity, "invention_applications", 2023, AsOf);
        // grants P1 (10-01) and P2 (08-01) come later → 0
        warehouse.AssertValue(0, LinxiaCity, "patent_grants", 2023, AsOf);
        // 1 / 2 × 100
        warehouse.AssertValue(50, LinxiaCity, "invention_share", 2023, AsOf);
        // 1 / 300 000 × 100 000
        warehouse.AssertValue(1.0 / 3, LinxiaCity, "invention_applications_per_100k", 2023, AsOf);
    }

    [Fact]
    public void Stocks_are_counted_at_the_as_of_date()
    {
        warehouse.AsOf(2023, "2023-06-30");

        // 临夏市 on 2023-06-30: P8 only (P1, P2 granted later) → 1
        warehouse.AssertValue(1, LinxiaCity, "valid_patents", 2023, AsOf);
        // 临夏县: P6; P7 lapsed that day (lapse_date must be after D) → 1
        warehouse.AssertValue(1, LinxiaCounty, "valid_invention_patents", 2023, AsOf);
        // 1 valid invention / 300 000 × 10 000
        warehouse.AssertValue(1.0 / 30, LinxiaCity, "valid_invention_per_10k", 2023, AsOf);
        // on 2023-06-29 P7 was still valid → 2
        warehouse.AsOf(2023, "2023-06-29");
        warehouse.AssertValue(2, LinxiaCounty, "valid_invention_patents", 2023, AsOf);
    }

    [Fact]
    public void Growth_compares_with_the_same_days_a_year_before()
    {
        warehouse.AsOf(2023, "2023-06-30");

        // 临夏县: 2023-01-01 .. 06-30 nothing; 2022-01-01 .. 06-30 P4 (P14 is 09-01) → (0 − 1) / 1 × 100
        warehouse.AssertValue(-100, LinxiaCounty, "patent_applications_growth", 2023, AsOf);
        // 临夏州: P1, P2, own P5 (06-01) = 3 against P4 = 1 → (3 − 1) / 1 × 100
        warehouse.AssertValue(200, Linxia, "patent_applications_growth", 2023, AsOf);
    }

    [Fact]
    public void Trademark_flows_start_on_16_December_and_stocks_are_counted_at_the_as_of_date()
    {
        warehouse.AsOf(2023, "2023-06-30");

        // 2022-12-16 .. 2023-06-30: T1 (2022-12-20), T2 (2023-03-01) → 2; nothing registered
        warehouse.AssertValue(2, LinxiaCity, "trademark_applications", 2023, AsOf);
        warehouse.AssertValue(0, LinxiaCity, "trademark_registrations", 2023, AsOf);
        // on 2023-06-30: T4 (T3 expired 05-31) → 1; on 2022-06-30: T3, T4 → (1 − 2) / 2 × 100 = −50
        warehouse.AssertValue(1, LinxiaCity, "valid_trademarks", 2023, AsOf);
        warehouse.AssertValue(-50, LinxiaCity, "valid_trademarks_growth", 2023, AsOf);
        var row = warehouse.Row(LinxiaCity, "valid_trademarks", 2023, AsOf);
        Assert.Equal(new DateOnly(2022, 12, 16), row.PeriodStart);
        Assert.Equal(new DateOnly(2023, 6, 30), row.PeriodEnd);
        Assert.Equal("ytd", row.Period);
    }

    [Fact]
    public void A_CNIPA_trademark_year_ends_on_15_December_even_when_the_as_of_date_is_later()
    {
        warehouse.AsOf(2023, "2023-12-20");

        // registrations 2022-12-16 .. 2023-12-15: T2 (12-10); T1 (12-20) belongs to trademark year 2024
        warehouse.AssertValue(1, LinxiaCity, "trademark_registrations", 2023, AsOf);
        // valid on 2023-12-15: T2 (T4 cancelled that day) → 1
        warehouse.AssertValue(1, LinxiaCity, "valid_trademarks", 2023, AsOf);
        Assert.Equal(new DateOnly(2023, 12, 15), warehouse.Row(LinxiaCity, "valid_trademarks", 2023, AsOf).PeriodEnd);
        // the calendar indicators run to the as-of date
        Assert.Equal(new DateOnly(2023, 12, 20), warehouse.Row(LinxiaCity, "valid_patents", 2023, AsOf).PeriodEnd);
    }

    [Fact]
    public void Closure_rate_to_date_uses_the_cases_open_on_1_January()
    {
        warehouse.AsOf(2023, "2023-03-31");

        // 临夏市: open on 2023-01-01 C1, C2 = 2; filed by 03-31 C4, C12, C13 = 3; closed by 03-31 C1 → 1 / 5 × 100
        warehouse.AssertValue(20, LinxiaCity, "case_closure_rate", 2023, AsOf);
        // C1 took 106 days: late → 0 / 1
        warehouse.AssertValue(0, LinxiaCity, "case_on_time_rate", 2023, AsOf);
    }

    [Fact]
    public void As_of_fills_every_indicator_for_every_region_once_and_leaves_the_mart_alone()
    {
        warehouse.Build();
        var martRows = warehouse.Rows(IndicatorMart.IndicatorTable, "TRUE").Count;

        warehouse.AsOf(2023, "2023-06-30");

        var rows = warehouse.Rows(AsOf, "TRUE");
        Assert.Equal(IndicatorWarehouse.Regions.Length * IndicatorCatalog.All.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(("ytd", 2023), (r.Period, r.Year)));
        Assert.Equal(martRows, warehouse.Rows(IndicatorMart.IndicatorTable, "TRUE").Count);
        Assert.Empty(warehouse.Rows(IndicatorMart.IndicatorTable, "period = 'ytd'"));
    }

    [Fact]
    public void The_as_of_date_must_lie_in_the_year()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => warehouse.AsOf(2023, "2024-01-05"));

        Assert.Contains("2024-01-05", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_runs_on_a_read_only_warehouse()
    {
        using var folder = new TempFolder();
        var path = folder.File("ipwh.duckdb");
        using (var writable = DuckDbFactory.Open(path))
        {
            using var built = new IndicatorWarehouse(writable);
            built.Patent("P1", "invention", "2023-03-01", granted: "2023-05-01");
            built.Build();
        }

        using var readOnly = DuckDbFactory.Open(path, new DuckDbOptions { ReadOnly = true });
        IndicatorMart.ComputeAsOf(readOnly, IndicatorSettings.Default, 2023, new DateOnly(2023, 4, 1), Clock);

        using var command = readOnly.CreateCommand();
        command.CommandText = "SELECT value FROM mart_indicator_as_of WHERE region_code = '622901' AND indicator = 'patent_applications'";
        Assert.Equal(1.0, command.ExecuteScalar());
    }

    public void Dispose() => warehouse.Dispose();
}
