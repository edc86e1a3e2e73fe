using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// The watch lists of INDICATORS.md with every expected row worked out by hand: term ends (on the anniversary,
/// the months' edge, the design term of 2021-06-01), trademark renewal and grace windows, and open cases against
/// their statutory limit after suspended days. Reference date 2024-03-01 (2024 is a leap year).
public sealed class WatchListTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2024, 3, 1);
    private readonly PlanningWarehouse fixture = new();

    public WatchListTests()
    {
        var w = fixture.Warehouse;
        w.Patent("E1", "invention", "2004-03-01", granted: "2006-01-01"); // term ends 2024-03-01, the day itself: expired
        w.Patent("E2", "invention", "2004-03-02", granted: "2006-01-01"); // 2024-03-02, 1 day left
        w.Patent("E3", "utility_model", "2014-06-01", granted: "2015-01-01"); // 2024-06-01, exactly 3 months: listed
        w.Patent("E4", "utility_model", "2014-06-02", granted: "2015-01-01"); // 2024-06-02: one day past 3 months
        w.Patent("E5", "design", "2014-04-01", granted: "2015-01-01"); // 10 years: 2024-04-01
        w.Patent("E6", "design", "2021-06-01", granted: "2022-01-01"); // 15 years: 2036-06-01
        w.Patent("E6b", "design", "2021-05-31", granted: "2022-01-01"); // 10 years: 2031-05-31
        w.Patent("E7", "invention", "2004-05-01", granted: "2006-01-01", lapsed: "2020-01-01"); // lapsed
        w.Patent("E8", "invention", "2004-04-01"); // never granted
        w.Patent("E9", "invention", "2004-04-15", granted: "2006-01-01", region: LinxiaCounty); // 临夏县

        w.Trademark("M1", "2013-01-01", registered: "2014-03-02"); // expiry by default 2024-03-02, renewal open since 2023-03-02
        w.Trademark("M2", "2013-01-01", registered: "2014-01-15", expiry: "2024-01-15"); // expired, grace until 2024-07-15
        w.Trademark("M3", "2012-01-01", registered: "2013-09-01", expiry: "2023-09-01"); // grace ended 2024-03-01: gone
        w.Trademark("M4", "2013-01-01", registered: "2014-05-31", expiry: "2024-05-31");
        w.Trademark("M5", "2014-01-01", registered: "2015-04-01", expiry: "2025-04-01"); // renewal opens 2024-04-01
        w.Trademark("M6", "2013-01-01", registered: "2014-04-01", expiry: "2024-04-01", cancelled: "2023-01-01"); // cancelled

        w.Case("K1", "2023-12-01", department: "甲局"); // limit 2023-12-01 + 90 = 2024-02-29: overdue
        w.Case("K2", "2023-12-02", department: "甲局"); // limit 2024-03-01, the day itself: not overdue
        w.Case("K3", "2023-11-01", suspended: 31); // 2023-11-01 + 90 + 31 = 2024-03-01: not overdue
        w.Case("K3b", "2023-11-01", suspended: 30); // 2024-02-29: overdue
        w.Case("K4", "2023-11-30", type: "patent_dispute"); // + 3 months = 2024-02-29 (month end): overdue
        w.Case("K5", "2023-12-01", type: "patent_dispute"); // 2024-03-01: not overdue
        w.Case("K6", "2023-01-01", closed: "2024-03-01"); // closed on the day: not open
        w.Case("K7", "2023-01-01", closed: "2024-03-02", department: "乙局"); // open on the day, limit 2023-04-01: overdue
        w.Case("K8", "2024-03-02"); // filed after the day
        w.Build();
    }

    [Fact]
    public void Rights_ending_within_the_months_in_expiry_order()
    {
        var rows = fixture.Queries().Expiring(LinxiaCity, 3, asOf: AsOf);

        Assert.Equal(["M2", "E2", "M1", "E5", "M4", "E3"], rows.Select(r => r.Number));
        // days from 2024-03-01: M2 −46 (15 Jan .. 1 Mar), E2 1, M1 1, E5 31, M4 91, E3 92
        Assert.Equal([-46, 1, 1, 31, 91, 92], rows.Select(r => r.DaysLeft));
        Assert.Equal(["grace", null, "open", null, "open", null], rows.Select(r => r.RenewalWindow));
        var m2 = rows[0];
        Assert.Equal((new DateOnly(2023, 1, 15), new DateOnly(2024, 7, 15)), (m2.RenewalOpens!.Value, m2.GraceEnds!.Value));
        Assert.Equal(new DateOnly(2024, 6, 1), rows.Single(r => r.Number == "E3").ExpiryDate);
        Assert.Equal("utility_model", rows.Single(r => r.Number == "E3").RightType);
    }

    [Fact]
    public void A_region_covers_the_regions_below_it_and_kind_filters()
    {
        var queries = fixture.Queries();
        // E9 (2024-04-15) is 临夏县's
        Assert.DoesNotContain(queries.Expiring(LinxiaCity, 3, asOf: AsOf), r => r.Number == "E9");
        Assert.Equal(["E2", "E5", "E9", "E3"], queries.Expiring(Linxia, 3, "patents", AsOf).Select(r => r.Number));
        Assert.Equal(["M2", "M1", "M4"], queries.Expiring(Linxia, 3, "trademarks", AsOf).Select(r => r.Number));
    }

    [Fact]
    public void The_design_term_depends_on_the_filing_date_and_renewal_opens_a_year_before_expiry()
    {
        // 120 months: to 2034-03-01. E6b (filed 2021-05-31, 10 years: 2031-05-31) is in, E6 (15 years: 2036-06-01) is not.
        var rows = fixture.Queries().Expiring(LinxiaCity, 120, asOf: AsOf);
        Assert.Contains(rows, r => r.Number == "E6b" && r.ExpiryDate == new DateOnly(2031, 5, 31));
        Assert.DoesNotContain(rows, r => r.Number == "E6");
        // M5 expires 2025-04-01: renewal opens 2024-04-01, after the day
        Assert.Equal("not_open", rows.Single(r => r.Number == "M5").RenewalWindow);
        // expired on the day, lapsed, never granted, grace over, cancelled
        Assert.DoesNotContain(rows, r => r.Number is "E1" or "E7" or "E8" or "M3" or "M6");
    }

    [Fact]
    public void Open_cases_oldest_first_with_limits_after_suspended_days()
    {
        var rows = fixture.Queries().OpenCases(LinxiaCity, AsOf);

        Assert.Equal(["K7", "K3", "K3b", "K4", "K1", "K5", "K2"], rows.Select(r => r.CaseNo));
        Assert.Equal(["K7", "K3b", "K4", "K1"], rows.Where(r => r.Overdue).Select(r => r.CaseNo));
        var k3 = rows.Single(r => r.CaseNo == "K3");
        Assert.Equal((new DateOnly(2024, 3, 1), 121, 0), (k3.LimitDate, k3.DaysOpen, k3.DaysPastLimit));
        Assert.Equal(new DateOnly(2024, 2, 29), rows.Single(r => r.CaseNo == "K4").LimitDate);
        // 2023-01-01 + 90 days = 2023-04-01; 335 days past it on 2024-03-01
        Assert.Equal(335, rows.Single(r => r.CaseNo == "K7").DaysPastLimit);
    }

    [Fact]
    public void The_case_lists_count_with_the_published_mart_s_limit_on_a_connection_of_their_own()
    {
        // A mart built with a 60-day limit; the lists asked on a second connection, which has neither the limit macro
        // nor the settings table (as the web server's read-only connection): they state the rule with the mart's settings.
        fixture.Warehouse.Build(IndicatorSettings.Default with { OnTimeLimitDays = 60 });
        var second = fixture.Warehouse.Connection.Duplicate();
        second.Open();
        using var queries = new PlanningQueries(second, PublishInfo.Unknown, Clock, ownsConnection: true);

        var rows = queries.OpenCases(LinxiaCity, AsOf);

        // K2: 2023-12-02 + 60 days = 2024-01-31, overdue now; K5 (patent_dispute, 3 months) still ends on 2024-03-01
        Assert.Equal(new DateOnly(2024, 1, 31), rows.Single(r => r.CaseNo == "K2").LimitDate);
        Assert.Equal(["K7", "K3", "K3b", "K4", "K1", "K2"], rows.Where(r => r.Overdue).Select(r => r.CaseNo));
        Assert.Equal([3L, 2L, 1L], queries.CasesBy(LinxiaCity, "department", AsOf).Select(r => r.OverdueCases));
    }

    [Fact]
    public void Cases_by_department_count_open_overdue_and_the_year_s_figures()
    {
        var rows = fixture.Queries().CasesBy(LinxiaCity, "department", AsOf);

        // no department: K3, K3b, K4, K5 open (K3b, K4 overdue), K6 closed in 2024; 甲局: K1, K2 (K1 overdue); 乙局: K7
        Assert.Equal([null, "甲局", "乙局"], rows.Select(r => r.Group));
        Assert.Equal([4L, 2L, 1L], rows.Select(r => r.OpenCases));
        Assert.Equal([2L, 1L, 1L], rows.Select(r => r.OverdueCases));
        Assert.Equal([1L, 0L, 0L], rows.Select(r => r.CasesClosed));
        Assert.Equal([0L, 0L, 0L], rows.Select(r => r.CasesFiled));
        Assert.Equal(new DateOnly(2023, 12, 1), rows[1].OldestFiledDate);
    }

    [Fact]
    public void Bad_parameters_name_the_parameter()
    {
        var queries = fixture.Queries();
        Assert.Equal("months", Assert.Throws<PlanningException>(() => queries.Expiring(LinxiaCity, 0)).Parameter);
        Assert.Equal("kind", Assert.Throws<PlanningException>(() => queries.Expiring(LinxiaCity, 3, "cases")).Parameter);
        Assert.Equal("by", Assert.Throws<PlanningException>(() => queries.CasesBy(LinxiaCity, "judge")).Parameter);
        Assert.Equal("within", Assert.Throws<PlanningException>(() => queries.OpenCases("629999")).Parameter);
    }

    public void Dispose() => fixture.Dispose();
}
