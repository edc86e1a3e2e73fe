using IpWarehouse.Etl.Indicators;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The measures of issue 17, hand-computed: abnormal applications and their share (with and without
/// excludeAbnormal), well-known and Madrid marks, pledges, copyrights, GI products and GI total, and
/// overdue open cases at the period end (limit edges, suspended days, patent disputes).
public sealed class NewMeasureIndicatorTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public NewMeasureIndicatorTests()
    {
        // 临夏市 2023: four applications, A1 and A4 found abnormal (A4 only in 2024, still an application of 2023)
        warehouse.Patent("A1", "invention", "2023-02-01", abnormal: "2023-06-01");
        warehouse.Patent("A2", "utility_model", "2023-03-01");
        warehouse.Patent("A3", "invention", "2023-04-01");
        warehouse.Patent("A4", "design", "2023-05-01", abnormal: "2024-01-10");
        // 临夏县 2022: one, abnormal
        warehouse.Patent("A5", "utility_model", "2022-05-01", region: LinxiaCounty, abnormal: "2022-09-01");

        // CNIPA trademark years: 2023 ends 15 Dec 2023
        warehouse.Trademark("T1", "2014-05-01", registered: "2015-05-01", wellKnown: "2023-12-10");
        // expired 2020-01-01 (registration + 10 years): well known, but no longer valid
        warehouse.Trademark("T2", "2009-01-01", registered: "2010-01-01", wellKnown: "2018-01-01");
        // recognised after 15 Dec 2023: trademark year 2024
        warehouse.Trademark("T3", "2015-01-01", registered: "2016-01-01", wellKnown: "2023-12-20");
        warehouse.Trademark("G1000001", "2023-01-01", registered: "2023-12-16");
        warehouse.Trademark("G1000002", "2023-01-01", registered: "2023-06-01");
        warehouse.Trademark("1000003", "2023-01-01", registered: "2023-07-01");
        warehouse.Trademark("G1000004", "2023-01-01");
        warehouse.Trademark("TG", "2018-01-01", registered: "2019-01-01", gi: true, kind: "certification");

        warehouse.Pledge("P1", "2023-03-01", 1_000_000m);
        // cancelled within the year: counted, its amount not
        warehouse.Pledge("P2", "2023-06-01", 500_000m, cancelled: "2023-11-30");
        // cancelled after the year: amount counted in 2023
        warehouse.Pledge("P3", "2023-09-01", 2_500_000m, cancelled: "2024-02-01");
        warehouse.Pledge("P4", "2022-12-31", 300_000m);
        warehouse.Pledge("P5", "2023-05-05", 150_000m, region: LinxiaCounty);

        warehouse.Copyright("C1", "2023-01-01");
        warehouse.Copyright("C2", "2023-12-31");
        warehouse.Copyright("C3", "2022-12-31");
        warehouse.Copyright("C4", "2023-07-07", region: LinxiaCounty);

        warehouse.GiProduct("G1", "2020-01-01");
        warehouse.GiProduct("G2", "2023-12-31");
        warehouse.GiProduct("G3", "2021-01-01", revoked: "2023-06-30");
        warehouse.GiProduct("G4", "2024-01-02");

        // read at 2023-12-31; limit: filed + 90 days + suspended days, a patent_dispute filed + 3 months + suspended days
        warehouse.Case("K1", "2023-09-01"); // limit 2023-11-30: overdue
        warehouse.Case("K2", "2023-10-15"); // limit 2024-01-13
        warehouse.Case("K3", "2023-09-01", suspended: 40); // limit 2024-01-09
        warehouse.Case("K4", "2023-09-15", type: "patent_dispute"); // limit 2023-12-15: overdue
        warehouse.Case("K5", "2023-10-05", type: "patent_dispute"); // limit 2024-01-05
        warehouse.Case("K6", "2023-01-01", closed: "2023-12-31"); // closed on the reading day: not open
        warehouse.Case("K7", "2023-01-01", closed: "2024-01-20"); // open at year end, limit 2023-04-01: overdue
        warehouse.Case("K8", "2023-10-02"); // limit 2023-12-31, the reading day itself: not yet overdue
    }

    [Theory]
    [InlineData(LinxiaCity, 2023, "patent_applications", 4)]
    [InlineData(LinxiaCity, 2023, "invention_applications", 2)]
    [InlineData(LinxiaCity, 2023, "abnormal_applications", 2)]
    // 2 / 4 × 100
    [InlineData(LinxiaCity, 2023, "abnormal_share", 50)]
    [InlineData(Linxia, 2023, "abnormal_applications", 2)]
    // 临夏州 2022: A5 only, 1 / 1 × 100
    [InlineData(Linxia, 2022, "abnormal_share", 100)]
    public void Abnormal_applications_count_by_application_date(string region, int year, string indicator, double expected)
    {
        warehouse.Build();
        warehouse.AssertValue(expected, region, indicator, year);
    }

    [Theory]
    // A1 and A4 left out: A2, A3
    [InlineData("patent_applications", 2)]
    // A3
    [InlineData("invention_applications", 1)]
    [InlineData("abnormal_applications", 2)]
    // the share keeps every application in its denominator: 2 / 4 × 100
    [InlineData("abnormal_share", 50)]
    // A2, A3: 1 invention of 2
    [InlineData("invention_share", 50)]
    public void ExcludeAbnormal_leaves_them_out_of_the_application_counts(string indicator, double expected)
    {
        warehouse.Build(IndicatorSettings.Default with { ExcludeAbnormal = true });
        warehouse.AssertValue(expected, LinxiaCity, indicator, 2023);
        Assert.Contains("\"excludeAbnormal\":true", warehouse.Row(LinxiaCity, indicator, 2023).Settings, StringComparison.Ordinal);
    }

    [Theory]
    // T1 (T2 expired, T3 recognised on 20 Dec: trademark year 2024)
    [InlineData(2023, "well_known_trademarks", 1)]
    [InlineData(2024, "well_known_trademarks", 2)]
    // T2 was valid and well known in 2019 (expired 2020-01-01)
    [InlineData(2019, "well_known_trademarks", 1)]
    // G1000002 (G1000001 registered 16 Dec: 2024; 1000003 is no Madrid number; G1000004 not registered)
    [InlineData(2023, "madrid_registrations", 1)]
    [InlineData(2024, "madrid_registrations", 1)]
    public void Well_known_and_Madrid_marks_follow_the_trademark_year(int year, string indicator, double expected)
    {
        warehouse.Build();
        warehouse.AssertValue(expected, LinxiaCity, indicator, year);
    }

    [Theory]
    [InlineData(LinxiaCity, 2023, "pledge_count", 3)]
    // (1 000 000 + 2 500 000) / 10 000 万元: P2 was cancelled by 31 Dec
    [InlineData(LinxiaCity, 2023, "pledge_amount", 350)]
    [InlineData(Linxia, 2023, "pledge_count", 4)]
    // 350 + 15
    [InlineData(Linxia, 2023, "pledge_amount", 365)]
    [InlineData(LinxiaCity, 2022, "pledge_amount", 30)]
    [InlineData(LinxiaCity, 2023, "copyright_registrations", 2)]
    [InlineData(Linxia, 2023, "copyright_registrations", 3)]
    [InlineData(LinxiaCity, 2022, "copyright_registrations", 1)]
    // G1, G2 (G3 revoked 2023-06-30, G4 approved 2024)
    [InlineData(LinxiaCity, 2023, "gi_products", 2)]
    // G1, G3
    [InlineData(LinxiaCity, 2022, "gi_products", 2)]
    [InlineData(LinxiaCity, 2024, "gi_products", 3)]
    // TG + G1 + G2
    [InlineData(LinxiaCity, 2023, "gi_total", 3)]
    [InlineData(Gansu, 2023, "gi_total", 3)]
    public void Pledges_copyrights_and_gi_products(string region, int year, string indicator, double expected)
    {
        warehouse.Build();
        warehouse.AssertValue(expected, region, indicator, year);
    }

    [Fact]
    public void Overdue_open_cases_are_open_at_the_period_end_and_past_their_limit()
    {
        warehouse.Build();
        // K1, K4, K7
        warehouse.AssertValue(3, LinxiaCity, "overdue_open_cases", 2023);
        // at 2024-12-31 every case still open is past its limit: K1, K2, K3, K4, K5, K8
        warehouse.AssertValue(6, LinxiaCity, "overdue_open_cases", 2024);
    }

    [Fact]
    public void A_longer_limit_setting_moves_the_edge()
    {
        // 100 days: K1's limit 2023-12-10 (still overdue), K4 4 months → 2024-01-15 (not), K7 overdue
        warehouse.Build(IndicatorSettings.Default with { OnTimeLimitDays = 100, PatentDisputeMonths = 4 });
        warehouse.AssertValue(2, LinxiaCity, "overdue_open_cases", 2023);
    }

    public void Dispose() => warehouse.Dispose();
}
