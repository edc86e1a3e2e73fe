using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Indicators;

namespace IpWarehouse.Etl.Tests.Planning;

/// An IndicatorWarehouse with two more counties of 临夏州 (康乐县, 永靖县), so rankings have four
/// counties, and helpers for targets and the planning queries.
public sealed class PlanningWarehouse : IDisposable
{
    public const string Kangle = "622922";
    public const string Yongjing = "622923";

    public PlanningWarehouse()
    {
        Warehouse = new IndicatorWarehouse();
        Warehouse.Execute("""
            INSERT INTO dim_region (region_code, name, short_name, level, parent_code, province_code, city_code, valid_from, is_current) VALUES
              ('622922', '康乐县', '康乐县', 'county', '622900', '620000', '622900', DATE '2000-01-01', TRUE),
              ('622923', '永靖县', '永靖县', 'county', '622900', '620000', '622900', DATE '2000-01-01', TRUE)
            """);
    }

    public IndicatorWarehouse Warehouse { get; }

    /// The applications the ranking tests count by hand. 2023: 临夏市 3 (2 inventions), 临夏县 2 (1 invention),
    /// 康乐县 2 (utility models), 永靖县 0, 临夏州 itself 1 invention; 2022: 临夏市 0, 临夏县 1, 康乐县 2, 永靖县 3
    /// (inventions). <paramref name="firstGrant"/> grants 临夏县's 2022 application on that day.
    public void FourCountyApplications(string? firstGrant = null)
    {
        var w = Warehouse;
        w.Patent("P01", "invention", "2023-03-01", region: IndicatorWarehouse.LinxiaCity);
        w.Patent("P02", "invention", "2023-04-01", region: IndicatorWarehouse.LinxiaCity);
        w.Patent("P03", "design", "2023-05-01", region: IndicatorWarehouse.LinxiaCity);
        w.Patent("P04", "invention", "2023-03-01", region: IndicatorWarehouse.LinxiaCounty);
        w.Patent("P05", "utility_model", "2023-06-01", region: IndicatorWarehouse.LinxiaCounty);
        w.Patent("P06", "utility_model", "2023-03-01", region: Kangle);
        w.Patent("P07", "utility_model", "2023-07-01", region: Kangle);
        w.Patent("P08", "invention", "2023-09-01", region: IndicatorWarehouse.Linxia);
        w.Patent("P11", "invention", "2022-03-01", region: IndicatorWarehouse.LinxiaCounty, granted: firstGrant);
        w.Patent("P12", "invention", "2022-03-01", region: Kangle);
        w.Patent("P13", "invention", "2022-04-01", region: Kangle);
        w.Patent("P14", "invention", "2022-03-01", region: Yongjing);
        w.Patent("P15", "invention", "2022-04-01", region: Yongjing);
        w.Patent("P16", "invention", "2022-05-01", region: Yongjing);
    }

    public void Target(string region, int year, string indicator, string comparator, double? value) =>
        Warehouse.Execute("""
            INSERT INTO fact_target (region_code, year, indicator, comparator, target_value, source_document, source_name, batch_id, source_row,
              first_loaded_batch, updated_batch)
            VALUES ($region, $year, $indicator, $comparator, $value, '《测试规划》', 'test', 'b1', 1, 'b1', 'b1')
            """,
            ("region", region), ("year", year), ("indicator", indicator), ("comparator", comparator), ("value", value is null ? null : (decimal)value.Value));

    /// A plan-period target (period from-to, its year the period's last).
    public void PlanTarget(string region, int from, int to, string indicator, string comparator, double? value) =>
        Warehouse.Execute("""
            INSERT INTO fact_target (region_code, year, indicator, comparator, target_value, source_document, source_name, batch_id, source_row,
              first_loaded_batch, updated_batch, period)
            VALUES ($region, $year, $indicator, $comparator, $value, '《十四五规划》', 'test', 'b1', 1, 'b1', 'b1', $period)
            """,
            ("region", region), ("year", to), ("indicator", indicator), ("comparator", comparator),
            ("value", value is null ? null : (decimal)value.Value), ("period", $"{from}-{to}"));

    /// A published figure (period 'year', 'A-B' or an as-of date 'YYYY-MM-DD').
    public void Official(string region, string indicator, int year, string period, double value, string document = "《统计公报》") =>
        Warehouse.Execute("""
            INSERT INTO fact_official_figure (region_code, indicator, year, period, from_year, as_of, value, source_document, source_name, batch_id,
              source_row, first_loaded_batch, updated_batch)
            VALUES ($region, $indicator, $year, $period,
              CASE WHEN $period SIMILAR TO '\d{4}-\d{4}' THEN CAST(left($period, 4) AS INTEGER) ELSE $year END,
              TRY_CAST($period AS DATE), $value, $document, 'official', 'b1', 1, 'b1', 'b1')
            """,
            ("region", region), ("indicator", indicator), ("year", year), ("period", period), ("value", (decimal)value), ("document", document));

    /// Builds the mart and opens the questions on the same connection, "today" by the given clock.
    public PlanningQueries Queries(TimeProvider? clock = null, TargetSettings? targets = null)
    {
        Warehouse.Build();
        return new PlanningQueries(Warehouse.Connection, new PublishInfo("b1", IndicatorWarehouse.Clock.GetUtcNow()), clock ?? IndicatorWarehouse.Clock,
            targets: targets);
    }

    public static FixedClock ClockAt(int year, int month, int day) =>
        // 10:00 in Asia/Shanghai
        new(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => Warehouse.Dispose();
}
