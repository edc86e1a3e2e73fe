using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Planning.Internal;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// Target tracking with a fake clock, every status hand-computed. 临夏市 filed 2 patents in 2022 (one by
/// 30 June: its seasonal profile says half a year's filings come by then) and 3 in 2023 (2 by 30 June);
/// 临夏县 filed nothing in 2022 (no profile: linear in days) and 1 invention by 30 June 2023.
public sealed class TargetTests : IDisposable
{
    private static readonly DateOnly MidYear = new(2023, 6, 30);
    private readonly PlanningWarehouse fixture = new();

    public TargetTests()
    {
        var w = fixture.Warehouse;
        w.Patent("P21", "invention", "2022-03-01", region: LinxiaCity);
        w.Patent("P22", "utility_model", "2022-09-01", region: LinxiaCity);
        w.Patent("P01", "invention", "2023-03-01", region: LinxiaCity);
        w.Patent("P02", "utility_model", "2023-04-01", region: LinxiaCity);
        w.Patent("P03", "design", "2023-08-01", region: LinxiaCity);
        w.Patent("P04", "invention", "2023-02-01", region: LinxiaCounty);

        // counts of 临夏市: year to date 2 on 30 June, projected 2 / (1 / 2) = 4 (seasonal)
        fixture.Target(LinxiaCity, 2023, "patent_applications", ">=", 2);     // reached already: achieved
        fixture.Target(LinxiaCity, 2023, "patent_grants", ">=", 0);           // 0 ≥ 0: achieved (a count reaching its target)
        fixture.Target(LinxiaCity, 2023, "invention_applications", ">=", 1);  // 1 ≥ 1 to date: achieved
        fixture.Target(LinxiaCity, 2023, "cases_filed", "<=", 5);             // 0 ≤ 5, projection 0: on_track
        fixture.Target(LinxiaCity, 2023, "training_person_times", ">=", 100); // 0, projection 0: off_track
        // 临夏县: 1 filing by 30 June, nothing in 2022 → linear: 181 of 365 days → 1 × 365 / 181 = 2.0166
        fixture.Target(LinxiaCounty, 2023, "patent_applications", ">=", 2);   // 2.0166 ≥ 2: on_track
        // shares on the current value: 临夏市 1 / 2 = 50 %
        fixture.Target(LinxiaCity, 2023, "invention_share", ">=", 55);        // 50 ≥ 49.5 (90 %): at_risk
        fixture.Target(LinxiaCity, 2023, "invention_share", "<=", 40);        // 50 > 44 (110 %): off_track (key differs by comparator below)
        // >parent_avg: 临夏州's own share to 30 June (1 + 1) / 3 = 66.7 %; 临夏县 100 %
        fixture.Target(LinxiaCounty, 2023, "invention_share", ">parent_avg", null);
    }

    [Fact]
    public void During_the_year_counts_are_projected_and_other_indicators_judged_on_their_current_value()
    {
        using var queries = fixture.Queries(PlanningWarehouse.ClockAt(2024, 3, 1));
        var rows = queries.Targets(2023, asOf: MidYear).Rows;

        Assert.Equal(TargetStatus.Achieved, Status(rows, LinxiaCity, "patent_applications"));
        Assert.Equal(TargetStatus.Achieved, Status(rows, LinxiaCity, "patent_grants"));
        Assert.Equal(TargetStatus.Achieved, Status(rows, LinxiaCity, "invention_applications"));
        Assert.Equal(TargetStatus.OnTrack, Status(rows, LinxiaCity, "cases_filed"));
        Assert.Equal(TargetStatus.OffTrack, Status(rows, LinxiaCity, "training_person_times"));
        Assert.Equal(TargetStatus.AtRisk, Status(rows, LinxiaCity, "invention_share", ">="));
        Assert.Equal(TargetStatus.OffTrack, Status(rows, LinxiaCity, "invention_share", "<="));
        Assert.Equal(TargetStatus.OnTrack, Status(rows, LinxiaCounty, "patent_applications"));
        Assert.Equal(TargetStatus.OnTrack, Status(rows, LinxiaCounty, "invention_share"));

        var seasonal = Row(rows, LinxiaCity, "patent_applications");
        Assert.Equal((2.0, 4.0, "seasonal", "ytd"), (seasonal.Actual!.Value, seasonal.Projection!.Value, seasonal.ProjectionMethod, seasonal.Period));
        var linear = Row(rows, LinxiaCounty, "patent_applications");
        Assert.Equal("linear", linear.ProjectionMethod);
        Assert.Equal(365.0 / 181, linear.Projection!.Value, 12);
        var parent = Row(rows, LinxiaCounty, "invention_share");
        Assert.Equal(200.0 / 3, parent.ParentValue!.Value, 12);
        Assert.Null(parent.TargetValue);
    }

    [Fact]
    public void Without_an_as_of_date_the_clock_says_which_day_it_is()
    {
        using var queries = fixture.Queries(PlanningWarehouse.ClockAt(2023, 6, 30));
        var report = queries.Targets(2023);

        Assert.Equal(MidYear, report.Today);
        Assert.Equal(TargetStatus.AtRisk, Status(report.Rows, LinxiaCity, "invention_share", ">="));
        Assert.Equal(4.0, Row(report.Rows, LinxiaCity, "patent_applications").Projection);
        Assert.All(report.Rows, r => Assert.Equal(MidYear, r.AsOf));
    }

    [Fact]
    public void Once_the_year_is_over_the_full_year_value_decides()
    {
        using var queries = fixture.Queries(PlanningWarehouse.ClockAt(2024, 3, 1));
        var rows = queries.Targets(2023).Rows;

        // full year: 临夏市 3 filings (1 invention: share 33.3 %), 临夏县 1 (share 100 %), 临夏州 4 (2 inventions: 50 %)
        Assert.Equal(TargetStatus.Achieved, Status(rows, LinxiaCity, "patent_applications"));
        Assert.Equal(TargetStatus.Missed, Status(rows, LinxiaCity, "training_person_times"));
        Assert.Equal(TargetStatus.Missed, Status(rows, LinxiaCity, "invention_share", ">="));
        Assert.Equal(TargetStatus.Achieved, Status(rows, LinxiaCity, "invention_share", "<="));
        Assert.Equal(TargetStatus.Missed, Status(rows, LinxiaCounty, "patent_applications"));
        Assert.Equal(TargetStatus.Achieved, Status(rows, LinxiaCounty, "invention_share"));
        Assert.Equal(50.0, Row(rows, LinxiaCounty, "invention_share").ParentValue);
        Assert.All(rows, r => Assert.Equal(("year", (DateOnly?)null, (double?)null), (r.Period, r.AsOf, r.Projection)));
    }

    [Fact]
    public void A_region_scope_keeps_its_own_targets_and_those_below_it()
    {
        using var queries = fixture.Queries(PlanningWarehouse.ClockAt(2024, 3, 1));

        Assert.All(queries.Targets(2023, LinxiaCounty).Rows, r => Assert.Equal(LinxiaCounty, r.RegionCode));
        Assert.Equal(9, queries.Targets(2023, Linxia).Rows.Count);
    }

    [Theory]
    // comparator, target, actual, projection, year over, count → status
    [InlineData(">=", 100.0, 120.0, null, true, true, TargetStatus.Achieved)]
    [InlineData(">=", 100.0, 99.0, null, true, false, TargetStatus.Missed)]
    [InlineData(">=", 100.0, 50.0, 100.0, false, true, TargetStatus.OnTrack)]
    [InlineData(">=", 100.0, 50.0, 90.0, false, true, TargetStatus.AtRisk)]
    [InlineData(">=", 100.0, 50.0, 89.9, false, true, TargetStatus.OffTrack)]
    [InlineData("<=", 10.0, 4.0, 10.0, false, true, TargetStatus.OnTrack)]
    [InlineData("<=", 10.0, 4.0, 11.0, false, true, TargetStatus.AtRisk)]
    [InlineData("<=", 10.0, 4.0, 11.1, false, true, TargetStatus.OffTrack)]
    [InlineData("<=", 10.0, 11.0, 20.0, false, true, TargetStatus.Missed)]
    [InlineData(">parent_avg", 2.0, 2.0, null, false, false, TargetStatus.AtRisk)]
    [InlineData(">parent_avg", 2.0, 2.0, null, true, false, TargetStatus.Missed)]
    [InlineData(">parent_avg", 2.0, 2.1, null, false, false, TargetStatus.OnTrack)]
    [InlineData(">=", -5.0, -5.4, null, false, false, TargetStatus.AtRisk)]
    public void The_status_bands(string comparator, double target, double actual, double? projection, bool yearOver, bool isCount, TargetStatus expected) =>
        Assert.Equal(expected, TargetEvaluation.Status(comparator, target, actual, projection, yearOver, isCount));

    [Fact]
    public void A_missing_value_is_never_achieved()
    {
        Assert.Equal(TargetStatus.OffTrack, TargetEvaluation.Status(">=", 1, null, null, yearOver: false, isCount: false));
        Assert.Equal(TargetStatus.Missed, TargetEvaluation.Status(">=", 1, null, null, yearOver: true, isCount: false));
        Assert.Equal(TargetStatus.Missed, TargetEvaluation.Status(">parent_avg", null, 3, null, yearOver: true, isCount: false));
    }

    private static TargetRow Row(IEnumerable<TargetRow> rows, string region, string indicator, string? comparator = null) =>
        Assert.Single(rows, r => r.RegionCode == region && r.Indicator == indicator && (comparator is null || r.Comparator == comparator));

    private static TargetStatus? Status(IEnumerable<TargetRow> rows, string region, string indicator, string? comparator = null) =>
        Row(rows, region, indicator, comparator).Status;

    public void Dispose() => fixture.Dispose();
}
