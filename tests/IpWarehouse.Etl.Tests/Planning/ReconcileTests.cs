using IpWarehouse.Etl.Planning;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;
using static IpWarehouse.Etl.Tests.Planning.PlanningWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// ipwh reconcile (INDICATORS.md, Reconciliation): each official figure beside our value for exactly its period,
/// with the status and, for a 偏差, what our own data shows. Every figure below is worked out by hand.
public sealed class ReconcileTests : IDisposable
{
    private readonly PlanningWarehouse fixture = new();

    public ReconcileTests()
    {
        var w = fixture.Warehouse;
        // 临夏市: two filings in 2022, three in 2023 (one invention)
        w.Patent("C22a", "design", "2022-03-01");
        w.Patent("C22b", "design", "2022-05-01");
        w.Patent("C23a", "invention", "2023-02-01");
        w.Patent("C23b", "design", "2023-03-01");
        w.Patent("C23c", "design", "2023-04-01");
        // 临夏县 2023: four filings, one found by address, one given under a retired code; one invention
        w.Patent("X23a", "invention", "2023-02-01", region: LinxiaCounty);
        w.Patent("X23b", "design", "2023-03-01", region: LinxiaCounty);
        w.Patent("X23c", "design", "2023-04-01", region: LinxiaCounty, method: "address");
        w.Patent("X23d", "design", "2023-05-01", region: LinxiaCounty, method: "code_succeeded", given: "622927");
        // the published load quarantined two patent rows of 临夏县 in 2023 and one undated; one of 2022 and a case row do not count
        w.Execute("""
            INSERT INTO etl_batch (batch_id, status, trigger, started_at) VALUES ('b1', 'succeeded', 'cli', TIMESTAMPTZ '2024-01-15 01:30:00+08');
            INSERT INTO etl_source_run (batch_id, source_name, kind, connector, status) VALUES ('b1', 'cnipa', 'patents', 'csv', 'succeeded'),
              ('b1', 'cases', 'cases', 'sqlite', 'succeeded');
            INSERT INTO etl_reject (batch_id, source_name, source_row, column_name, raw_value, reason, message, region_code, event_date) VALUES
              ('b1', 'cnipa', 2, 'application_no', 'x', 'bad_check_digit', 'm', '622921', DATE '2023-06-01'),
              ('b1', 'cnipa', 3, 'application_no', 'y', 'bad_check_digit', 'm', '622921', DATE '2023-07-01'),
              ('b1', 'cnipa', 4, 'application_date', 'z', 'bad_date', 'm', '622921', NULL),
              ('b1', 'cnipa', 5, 'application_no', 'w', 'bad_check_digit', 'm', '622921', DATE '2022-07-01'),
              ('b1', 'cases', 6, 'filed_date', 'v', 'bad_date', 'm', '622921', NULL);
            """);
        w.Population(LinxiaCounty, 2023, 200_000);

        fixture.Official(LinxiaCity, "patent_applications", 2023, "year", 3);
        fixture.Official(LinxiaCity, "patent_applications", 2023, "2022-2023", 5);
        fixture.Official(LinxiaCounty, "patent_applications", 2023, "year", 8, "《临夏县2023年国民经济和社会发展统计公报》");
        // 临夏州 2023: 2 inventions of 7 filings = 28.571…%; the bulletin rounds to 28.6 (0.1 % off)
        fixture.Official(Linxia, "invention_share", 2023, "year", 28.6);
        // 康乐县 has no population: no per-capita value of ours
        fixture.Official(Kangle, "invention_applications_per_100k", 2023, "year", 3.2);
    }

    [Fact]
    public void Each_official_figure_gets_our_value_for_its_period_and_a_status()
    {
        using var queries = fixture.Queries(ClockAt(2024, 3, 1));
        var rows = queries.Reconcile(2023).Rows;

        var match = Row(rows, LinxiaCity, "patent_applications", "year");
        Assert.Equal((3.0, 3.0, 0.0, "match"), (match.Official!.Value, match.Ours!.Value, match.Difference!.Value, match.Status));
        // a range: 2 + 3
        var range = Row(rows, LinxiaCity, "patent_applications", "2022-2023");
        Assert.Equal((5.0, "match"), (range.Ours!.Value, range.Status));
        // 临夏州: (2 / 7 × 100 − 28.6) / 28.6 × 100 = −0.0999…%, inside 0.5 %
        var share = Row(rows, Linxia, "invention_share", "year");
        Assert.Equal("match", share.Status);
        Assert.Equal((200.0 / 7 - 28.6) / 28.6 * 100, share.DifferencePct!.Value, 9);
        var noLocal = Row(rows, Kangle, "invention_applications_per_100k", "year");
        Assert.Equal((null, "no_local"), (noLocal.Ours, noLocal.Status));

        var differs = Row(rows, LinxiaCounty, "patent_applications", "year");
        Assert.Equal((4.0, -4.0, -50.0, "differs"), (differs.Ours!.Value, differs.Difference!.Value, differs.DifferencePct!.Value, differs.Status));
        Assert.Equal("《临夏县2023年国民经济和社会发展统计公报》", differs.SourceDocument);
        Assert.All(rows.Where(r => r.Status != "differs"), r => Assert.Null(r.Explanation));
    }

    [Fact]
    public void A_difference_is_explained_from_our_own_data()
    {
        using var queries = fixture.Queries(ClockAt(2024, 3, 1));
        var explanation = Row(queries.Reconcile(2023).Rows, LinxiaCounty, "patent_applications", "year").Explanation!;

        Assert.Equal(4, explanation.Facts);
        Assert.Equal(
            [("address", 1L, 25.0), ("code", 2L, 50.0), ("code_succeeded", 1L, 25.0)],
            explanation.Attribution.Select(a => (a.Method, a.Facts, a.Share)));
        Assert.Equal(25.0, explanation.AddressOrCreditShare);
        Assert.Equal(1L, explanation.SucceededFacts);
        Assert.Equal(["622927"], explanation.GivenCodes);
        // 2023's two rows and the undated one; not 2022's, not the case system's
        Assert.Equal([("bad_check_digit", 2L), ("bad_date", 1L)], explanation.Quarantined.Select(q => (q.Reason, q.Rows)));
        Assert.Equal("cnipa", explanation.Settings.GetProperty("trademarkYear").GetString());
        Assert.Contains("3 行数据被隔离", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("622927", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tolerance_and_the_scope_are_the_callers()
    {
        using var queries = fixture.Queries(ClockAt(2024, 3, 1));

        Assert.Equal("differs", Row(queries.Reconcile(2023, tolerance: 0.05).Rows, Linxia, "invention_share", "year").Status);
        var county = queries.Reconcile(2023, within: LinxiaCounty).Rows;
        Assert.All(county, r => Assert.Equal(LinxiaCounty, r.RegionCode));
        Assert.Throws<PlanningException>(() => queries.Reconcile(2023, tolerance: -1));
    }

    [Fact]
    public void Indicators_we_compute_without_an_official_figure_are_listed_after_the_figures()
    {
        using var queries = fixture.Queries(ClockAt(2024, 3, 1));
        var rows = queries.Reconcile(2023).Rows;

        var missing = Row(rows, LinxiaCounty, "invention_applications", "year");
        Assert.Equal((null, 1.0, "no_official"), (missing.Official, missing.Ours!.Value, missing.Status));
        Assert.DoesNotContain(rows, r => r.Status == "no_official" && r.RegionCode == LinxiaCounty && r.Indicator == "patent_applications");
        Assert.Equal(rows.Count(r => r.Status != "no_official"), rows.TakeWhile(r => r.Status != "no_official").Count());
        // a per-capita value without population is no value: not listed
        Assert.DoesNotContain(rows, r => r.RegionCode == Kangle && r.Status == "no_official" && r.Indicator == "invention_grants_per_100k");
    }

    private static ReconcileRow Row(IEnumerable<ReconcileRow> rows, string region, string indicator, string period) =>
        rows.Single(r => r.RegionCode == region && r.Indicator == indicator && r.Period == period);

    public void Dispose() => fixture.Dispose();
}
