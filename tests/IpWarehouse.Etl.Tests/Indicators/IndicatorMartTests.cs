using System.Text.RegularExpressions;
using IpWarehouse.Etl.Indicators;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The mart itself: its DDL explains itself like warehouse-sql/schema/, every catalogue indicator is there
/// for every region and year present, the settings and the time are stored, and a rebuild replaces.
public sealed partial class IndicatorMartTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public IndicatorMartTests()
    {
        warehouse.Patent("P1", "invention", "2022-03-01", granted: "2023-10-01");
        warehouse.Case("C1", "2023-01-01", closed: "2023-02-01");
        warehouse.Payment("S1", "patent_application", "2023-02-01", 500m);
    }

    [Fact]
    public void Build_writes_every_catalogue_indicator_for_every_region_and_year_present()
    {
        var build = warehouse.Build();

        // years of events: 2022 (application), 2023 (grant, case, payment)
        Assert.Equal([2022, 2023], build.Years);
        Assert.Equal(2 * IndicatorWarehouse.Regions.Length * IndicatorCatalog.All.Count, build.IndicatorRows);
        var codes = warehouse.Query("SELECT DISTINCT indicator FROM mart_indicator ORDER BY indicator").Select(r => r[0]);
        Assert.Equal(IndicatorCatalog.Codes.Order(StringComparer.Ordinal), codes);
        var perKey = warehouse.Query("SELECT max(n) FROM (SELECT count(*) AS n FROM mart_indicator GROUP BY region_code, indicator, year, period)");
        Assert.Equal("1", perKey[0][0]);
        Assert.Equal(1, build.Violations);
    }

    [Fact]
    public void The_mart_covers_the_provinces_with_data_and_leaves_the_others_out()
    {
        // 青海省 and 西宁市: in the division list, without a single fact, population or target
        warehouse.Execute("""
            INSERT INTO dim_region (region_code, name, short_name, level, parent_code, province_code, city_code, valid_from, is_current) VALUES
              ('630000', '青海省', '青海', 'province', NULL, '630000', NULL, DATE '2000-01-01', TRUE),
              ('630100', '西宁市', '西宁', 'city', '630000', '630000', '630100', DATE '2000-01-01', TRUE)
            """);

        var build = warehouse.Build();

        Assert.Equal(2 * IndicatorWarehouse.Regions.Length * IndicatorCatalog.All.Count, build.IndicatorRows);
        Assert.Equal("0", warehouse.Query("SELECT count(*) FROM mart_indicator WHERE region_code LIKE '63%'")[0][0]);
        // 临夏县 has no fact, and is listed with zeros next to 临夏市
        warehouse.AssertValue(0, LinxiaCounty, "patent_applications", 2022);
        warehouse.AssertValue(1, LinxiaCity, "patent_applications", 2022);

        // a population row is data too: 西宁市's province comes in, every region of it
        warehouse.Population("630100", 2023, 2_500_000);
        build = warehouse.Build();
        Assert.Equal(2 * (IndicatorWarehouse.Regions.Length + 2) * IndicatorCatalog.All.Count, build.IndicatorRows);
        warehouse.AssertValue(0, "630000", "patent_applications", 2023);
    }

    [Fact]
    public void A_warehouse_without_facts_builds_an_empty_mart()
    {
        using var empty = new IndicatorWarehouse();

        var build = empty.Build();

        Assert.Empty(build.Years);
        Assert.Equal(0, build.IndicatorRows);
        Assert.Equal(0, build.Violations);
    }

    [Fact]
    public void Every_row_stores_the_settings_and_the_computation_time()
    {
        var settings = IndicatorSettings.Default with { TrademarkYear = TrademarkYearMode.Calendar };
        var build = warehouse.Build(settings);

        var stored = warehouse.Query("SELECT DISTINCT settings, CAST(computed_at AS VARCHAR) FROM mart_indicator");
        Assert.Single(stored);
        Assert.Equal(settings.ToJson(), stored[0][0]);
        Assert.Equal(settings.ToJson(), build.Settings);
        Assert.Equal(Clock.GetUtcNow(), build.ComputedAt);
        Assert.Equal(settings, IndicatorSettings.FromJson(stored[0][0]!));
        Assert.StartsWith("2024-03-01", stored[0][1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebuild_replaces_the_mart()
    {
        warehouse.Build();
        warehouse.Patent("P2", "invention", "2022-04-01");

        var build = warehouse.Build();

        // P1 and P2 filed in 2022
        warehouse.AssertValue(2, LinxiaCity, "patent_applications", 2022);
        Assert.Equal(2 * IndicatorWarehouse.Regions.Length * IndicatorCatalog.All.Count, build.IndicatorRows);
        Assert.Equal("1", warehouse.Query("SELECT count(*) FROM mart_subsidy_violation")[0][0]);
    }

    [Fact]
    public void Build_leaves_no_intermediate_tables_behind()
    {
        warehouse.Build();

        var temp = warehouse.Query("""
            SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'int\_%' ESCAPE '\'
            UNION ALL
            SELECT view_name FROM duckdb_views() WHERE temporary AND view_name LIKE 'int\_%' ESCAPE '\'
            """);
        Assert.Empty(temp);
    }

    [Fact]
    public void The_as_of_table_has_the_marts_shape()
    {
        warehouse.Build();
        warehouse.AsOf(2023, "2023-06-30");

        Assert.Equal(Shape("mart_indicator", temporary: false), Shape(IndicatorMart.AsOfTable, temporary: true));
    }

    [Fact]
    public void Every_mart_table_and_column_has_a_chinese_then_english_comment_with_its_unit()
    {
        IndicatorMart.ApplySchema(warehouse.Connection);

        var comments = warehouse.Query("""
            SELECT table_name, NULL, NULL, comment FROM duckdb_tables() WHERE table_name IN ('mart_indicator', 'mart_subsidy_violation')
            UNION ALL
            SELECT table_name || '.' || column_name, data_type, column_name, comment FROM duckdb_columns()
            WHERE table_name IN ('mart_indicator', 'mart_subsidy_violation')
            """);

        Assert.Equal(2 + 11 + 15, comments.Count);
        var offenders = comments
            .Where(c => c[3] is null || !ChineseThenEnglish().IsMatch(c[3]!) || (Mark(c[1], c[2]) is { } mark && !c[3]!.Contains(mark, StringComparison.Ordinal)))
            .Select(c => $"{c[0]}: '{c[3]}'")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_published_tables_are_named()
    {
        Assert.Equal(["mart_indicator", "mart_subsidy_violation"], IndicatorMart.Tables);
        Assert.All(IndicatorMart.SchemaFiles, file => Assert.True(File.Exists(Path.Combine(WarehouseSql.Root, file)), file));
    }

    [Fact]
    public void Build_inside_a_callers_transaction_is_refused_before_writing()
    {
        using var transaction = warehouse.Connection.BeginTransaction();

        Assert.Throws<InvalidOperationException>(() => warehouse.Build());
    }

    private List<string> Shape(string table, bool temporary) =>
        [.. warehouse.Query($"""
            SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM duckdb_columns()
            WHERE table_name = '{table}' AND (database_name = 'temp') = {temporary} ORDER BY column_index
            """).Select(r => r[0]!)];

    // the same conventions as tests/…/Schema/SchemaCommentTests
    private static string? Mark(string? dataType, string? column) => dataType switch
    {
        "DATE" => "(DATE",
        "TIMESTAMP WITH TIME ZONE" => "(TIMESTAMPTZ)",
        "DECIMAL(18,2)" => "元 yuan",
        _ when column == "region_code" => "GB/T 2260 six-digit code",
        _ => null,
    };

    [GeneratedRegex(@"^\S*\p{IsCJKUnifiedIdeographs}\S*\s.*[A-Za-z]{3,}")]
    private static partial Regex ChineseThenEnglish();

    public void Dispose() => warehouse.Dispose();
}
