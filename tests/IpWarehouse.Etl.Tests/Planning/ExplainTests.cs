using System.Globalization;
using IpWarehouse.Etl.Planning;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// ipwh explain: the facts listed are the facts counted, with their source, and the population row used.
public sealed class ExplainTests : IDisposable
{
    private readonly PlanningWarehouse fixture = new();

    public ExplainTests()
    {
        var w = fixture.Warehouse;
        // 25 inventions of 临夏县 filed on the 1st of each month from 2022-01 (12 in 2022, 12 in 2023, 1 in 2024)
        for (var i = 0; i < 25; i++)
        {
            var date = new DateOnly(2022, 1, 1).AddMonths(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.Patent($"N{i:D2}", "invention", date, granted: date, region: LinxiaCounty);
        }
        // a utility model of 临夏市 and an invention of 临夏州 itself in 2023; one of 甘肃省 (above 临夏州)
        w.Patent("U1", "utility_model", "2023-05-05", region: LinxiaCity);
        w.Patent("I1", "invention", "2023-06-06", region: Linxia);
        w.Patent("G1", "invention", "2023-06-07", region: Gansu);
        w.Population(Linxia, 2023, 2_000_000);
        w.Population(Linxia, 2023, 1_500_000, "registered");
    }

    [Fact]
    public void The_facts_listed_are_those_counted_in_date_order_with_source_and_batch()
    {
        using var queries = fixture.Queries();
        var e = queries.Explain("invention_applications", 2023, Linxia);

        // 临夏县 N12..N23 and 临夏州's own I1; not U1 (utility model), not G1 (the province's)
        Assert.Equal(13.0, e.Value);
        Assert.Equal(13, e.FactsTotal);
        Assert.Equal(13, e.Facts.Count);
        Assert.Equal(["N12", "N13", "N14", "N15", "N16", "N17", "I1"], e.Facts.Take(7).Select(f => f.FactKey));
        Assert.All(e.Facts, f => Assert.Equal(("fact_patent", "test", "b1"), (f.FactTable, f.SourceName, f.BatchId)));
        Assert.Equal(new DateOnly(2023, 1, 1), e.Facts[0].EventDate);
        Assert.Equal(LinxiaCounty, e.Facts[0].RegionCode);
        Assert.Null(e.DenominatorLabel);
        Assert.Null(e.Population);
    }

    [Fact]
    public void At_most_twenty_facts_are_listed_and_the_total_counts_all()
    {
        using var queries = fixture.Queries();
        // valid at 2023-12-31: N00..N23 (granted on filing, 20-year term); I1 and G1 are not granted, N24 is 2024's
        var e = queries.Explain("valid_invention_patents", 2023, Gansu);

        Assert.Equal(24.0, e.Value);
        Assert.Equal(24, e.FactsTotal);
        Assert.Equal(PlanningQueries.ExplainFactLimit, e.Facts.Count);
        Assert.Equal("N00", e.Facts[0].FactKey);
    }

    [Fact]
    public void A_per_capita_value_shows_the_population_row_of_the_configured_type()
    {
        using var queries = fixture.Queries();
        var e = queries.Explain("invention_applications_per_100k", 2023, Linxia);

        // 13 / 2 000 000 × 100 000 = 0.65, the resident population (not the registered 1 500 000)
        Assert.Equal(0.65, e.Value!.Value, 12);
        Assert.Equal((13.0, 2_000_000.0), (e.Numerator!.Value, e.Denominator!.Value));
        Assert.Equal("invention_applications", e.FactsMeasure);
        Assert.Equal((Linxia, 2023, "resident", 2_000_000L, "test", "b1"),
            (e.Population!.RegionCode, e.Population.Year, e.Population.PopulationType, e.Population.Population, e.Population.SourceName, e.Population.BatchId));
        Assert.Contains(e.Rules, r => r.Setting == "populationType");
        Assert.Equal("resident", e.Settings.GetProperty("populationType").GetString());
    }

    [Fact]
    public void Explain_leaves_no_intermediate_tables_behind()
    {
        using var queries = fixture.Queries();
        queries.Explain("patent_applications", 2023, Linxia);

        var left = fixture.Warehouse.Query("SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'int\\_%' ESCAPE '\\'");
        Assert.Empty(left);
    }

    public void Dispose() => fixture.Dispose();
}
