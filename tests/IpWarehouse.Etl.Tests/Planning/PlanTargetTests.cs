using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Planning.Internal;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;
using static IpWarehouse.Etl.Tests.Planning.PlanningWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// Plan-period targets (十四五 2021-2025) tracked with a fake clock, every figure worked out by hand from the
/// filings below (INDICATORS.md, Plan-period targets). A flow's 今年情况 is its total since 2021, its 今年目标 the
/// total's equal share per year (or the annual target row of a year where given), judged on the projection of
/// this year's filings; a stock's path runs straight from its value at the end of 2020 to 总目标.
public sealed class PlanTargetTests : IDisposable
{
    private static readonly DateOnly MidYear = new(2023, 6, 30);
    private readonly PlanningWarehouse fixture = new();

    public PlanTargetTests()
    {
        var w = fixture.Warehouse;
        // 临夏市: 2021 five filings; 2022 four (two by 30 June: the seasonal share is 1/2); 2023 two by 30 June, one later
        w.Patent("L19", "invention", "2019-01-01", granted: "2020-06-01", region: LinxiaCity);
        w.Patent("L21a", "invention", "2021-01-10", granted: "2022-05-01", region: LinxiaCity);
        foreach (var day in new[] { "02-01", "03-01", "04-01", "05-01" })
        {
            w.Patent("L21" + day, "design", "2021-" + day, region: LinxiaCity);
        }
        foreach (var day in new[] { "03-01", "04-01", "08-01", "10-01" })
        {
            w.Patent("L22" + day, "design", "2022-" + day, region: LinxiaCity);
        }
        foreach (var day in new[] { "02-01", "05-01", "09-01" })
        {
            w.Patent("L23" + day, "design", "2023-" + day, region: LinxiaCity);
        }
        // 临夏县: 2021 two; 2022 one by 30 June, one later; 2023 one by 30 June
        w.Patent("X21a", "design", "2021-03-01", region: LinxiaCounty);
        w.Patent("X21b", "design", "2021-07-01", region: LinxiaCounty);
        w.Patent("X22a", "design", "2022-03-01", region: LinxiaCounty);
        w.Patent("X22b", "design", "2022-09-01", region: LinxiaCounty);
        w.Patent("X23a", "design", "2023-03-01", region: LinxiaCounty);
        // 康乐县: one filing in 2021, none since
        w.Patent("K21", "design", "2021-04-01", region: Kangle);
        // 永靖县: three in 2021, three in 2022, one in 2023
        foreach (var (no, date) in new[] { ("Y1", "2021-02-01"), ("Y2", "2021-03-01"), ("Y3", "2021-04-01"), ("Y4", "2022-02-01"), ("Y5", "2022-03-01"),
            ("Y6", "2022-04-01"), ("Y7", "2023-02-01") })
        {
            w.Patent(no, "design", date, region: Yongjing);
        }

        fixture.PlanTarget(LinxiaCity, 2021, 2025, "patent_applications", ">=", 20);
        fixture.PlanTarget(LinxiaCounty, 2021, 2025, "patent_applications", ">=", 11);
        fixture.PlanTarget(Kangle, 2021, 2025, "patent_applications", ">=", 10);
        fixture.Target(Kangle, 2021, "patent_applications", ">=", 1); // an annual row: 2021's point on the path is 1, not 2
        fixture.PlanTarget(Yongjing, 2021, 2025, "patent_applications", ">=", 6);
        fixture.PlanTarget(LinxiaCity, 2021, 2025, "valid_patents", ">=", 6);
    }

    [Fact]
    public void While_the_plan_runs_each_target_is_judged_against_its_path()
    {
        using var queries = fixture.Queries(ClockAt(2024, 3, 1));
        var rows = queries.Targets(2023, asOf: MidYear).Rows.Where(r => r.PlanPeriod == "2021-2025").ToList();

        // 临夏市: 9 before 2023 + 2 to date = 11; path 20 × 3 / 5 = 12; projection 9 + 2 / (2 / 4) = 13 ≥ 12
        var onTrack = Row(rows, LinxiaCity, "patent_applications");
        Assert.Equal((11.0, 12.0, 13.0, "seasonal", TargetStatus.OnTrack), (onTrack.YearValue!.Value, onTrack.YearTarget!.Value, onTrack.Projection!.Value,
            onTrack.ProjectionMethod, onTrack.Status));
        Assert.Equal(11.0 / 12 * 100, onTrack.Progress!.Value, 9);
        Assert.Equal((20.0, "computed"), (onTrack.TargetValue!.Value, onTrack.ValueSource));

        // 临夏县: 2 + 2 + 1 = 5; path 11 × 3 / 5 = 6.6; projection 4 + 1 / (1 / 2) = 6, short of 6.6 by less than 10 %
        var atRisk = Row(rows, LinxiaCounty, "patent_applications");
        Assert.Equal((5.0, 6.0, TargetStatus.AtRisk), (atRisk.YearValue!.Value, atRisk.Projection!.Value, atRisk.Status));
        Assert.Equal(6.6, atRisk.YearTarget!.Value, 9);

        // 康乐县: 1 since 2021, nothing this year; path 1 (2021's annual row) + 2 + 2 = 5; projection 1
        var offTrack = Row(rows, Kangle, "patent_applications");
        Assert.Equal((1.0, 5.0, 1.0, TargetStatus.OffTrack), (offTrack.YearValue!.Value, offTrack.YearTarget!.Value, offTrack.Projection!.Value, offTrack.Status));

        // 永靖县: 3 + 3 + 1 = 7 ≥ 6: a total since 2021 only grows, so the plan's total is reached
        var achieved = Row(rows, Yongjing, "patent_applications");
        Assert.Equal((7.0, TargetStatus.Achieved), (achieved.YearValue!.Value, achieved.Status));

        // a stock: valid at 2020-12-31 one (L19); path 1 + (6 − 1) × 3 / 5 = 4; valid on 30 June 2023: two (L19, L21a) < 3.6
        var stock = Row(rows, LinxiaCity, "valid_patents");
        Assert.Equal((2.0, 4.0, TargetStatus.OffTrack), (stock.YearValue!.Value, stock.YearTarget!.Value, stock.Status));
        Assert.Null(stock.Projection);
    }

    [Fact]
    public void Once_the_plan_is_over_its_total_decides_and_the_official_figure_can_stand_in()
    {
        fixture.PlanTarget(LinxiaCity, 2020, 2022, "patent_applications", ">=", 10);
        fixture.PlanTarget(LinxiaCounty, 2020, 2022, "patent_applications", ">=", 4);

        using (var queries = fixture.Queries(ClockAt(2023, 6, 30)))
        {
            var rows = queries.Targets(2022).Rows.Where(r => r.PlanPeriod == "2020-2022").ToList();
            // 临夏市 2020-2022: 0 + 5 + 4 = 9 < 10; 临夏县 0 + 2 + 2 = 4 ≥ 4
            var missed = Row(rows, LinxiaCity, "patent_applications");
            Assert.Equal((9.0, TargetStatus.Missed, "computed"), (missed.Actual!.Value, missed.Status, missed.ValueSource));
            var done = Row(rows, LinxiaCounty, "patent_applications");
            Assert.Equal((4.0, TargetStatus.Achieved), (done.Actual!.Value, done.Status));
        }

        // the bulletin says 临夏市 filed 10 in 2020-2022: with preferOfficial that figure is judged, and the row says so
        fixture.Official(LinxiaCity, "patent_applications", 2022, "2020-2022", 10);
        using (var queries = fixture.Queries(ClockAt(2023, 6, 30), new TargetSettings { PreferOfficial = true }))
        {
            var official = Row(queries.Targets(2022).Rows.Where(r => r.PlanPeriod == "2020-2022"), LinxiaCity, "patent_applications");
            Assert.Equal((10.0, TargetStatus.Achieved, "official"), (official.Actual!.Value, official.Status, official.ValueSource));
        }
    }

    [Fact]
    public void An_annual_target_is_judged_on_the_official_figure_of_its_year_when_preferred()
    {
        fixture.Target(LinxiaCity, 2022, "patent_applications", ">=", 5);
        fixture.Official(LinxiaCity, "patent_applications", 2022, "year", 5);

        using (var computed = fixture.Queries(ClockAt(2023, 6, 30)))
        {
            var row = Row(computed.Targets(2022).Rows.Where(r => r.PlanPeriod is null), LinxiaCity, "patent_applications");
            Assert.Equal((4.0, TargetStatus.Missed, "computed"), (row.Actual!.Value, row.Status, row.ValueSource));
        }
        using var official = fixture.Queries(ClockAt(2023, 6, 30), new TargetSettings { PreferOfficial = true });
        var judged = Row(official.Targets(2022).Rows.Where(r => r.PlanPeriod is null), LinxiaCity, "patent_applications");
        Assert.Equal((5.0, TargetStatus.Achieved, "official"), (judged.Actual!.Value, judged.Status, judged.ValueSource));
    }

    [Fact]
    public void The_path_is_straight_or_follows_the_annual_rows()
    {
        // flow: equal shares of 100 over 2021-2025, 2022's annual row replaces its share
        Assert.Equal(20 + 30 + 20, TargetEvaluation.Path(true, 100, 2021, 2025, 2023, null, y => y == 2022 ? 30 : null));
        // stock: from 10 (end of 2020) to 60 in five years: 40 at the end of 2023
        Assert.Equal(40, TargetEvaluation.Path(false, 60, 2021, 2025, 2023, 10, _ => null));
        Assert.Equal(35, TargetEvaluation.Path(false, 60, 2021, 2025, 2023, 10, y => y == 2023 ? 35 : null));
        Assert.Null(TargetEvaluation.Path(false, 60, 2021, 2025, 2023, null, _ => null));
    }

    private static TargetRow Row(IEnumerable<TargetRow> rows, string region, string indicator) =>
        rows.Single(r => r.RegionCode == region && r.Indicator == indicator);

    public void Dispose() => fixture.Dispose();
}
