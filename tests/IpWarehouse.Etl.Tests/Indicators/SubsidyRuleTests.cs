using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The subsidy rules of INDICATORS.md, each with a payment that breaks it and one that just keeps it:
/// rights_protection ≤ 50 % of base_amount and ≤ 5 000 / 10 000 / 50 000; not paid twice across
/// government levels; no patent_application subsidy after 2021-06-30. Then subsidy_paid and
/// subsidy_violations by paying region.
public sealed class SubsidyRuleTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public SubsidyRuleTests()
    {
        // 临夏市 622901, rights_protection
        // natural person: 6 000 = 50 % of 12 000 (kept) but > 5 000 (cap broken)
        warehouse.Payment("S1", "rights_protection", "2023-02-01", 6000m, recipient: "P-1", recipientType: "natural_person", baseAmount: 12000m, related: "C-1");
        // legal entity: 10 000 ≤ 50 % of 30 000 and = the 10 000 cap: kept
        warehouse.Payment("S2", "rights_protection", "2023-03-01", 10000m, recipient: "P-2", baseAmount: 30000m, related: "C-2");
        // legal entity: 8 000 > 50 % of 12 000 = 6 000 (share broken), ≤ 10 000
        warehouse.Payment("S3", "rights_protection", "2023-04-01", 8000m, recipient: "P-3", baseAmount: 12000m, related: "C-3");
        // natural person, foreign-related or major: 50 000 = the 50 000 cap, ≤ 50 % of 200 000: kept
        warehouse.Payment("S4", "rights_protection", "2023-05-01", 50000m, recipient: "P-4", recipientType: "natural_person", baseAmount: 200000m, major: true, related: "C-4");
        // legal entity, major: 60 000 > 50 % of 100 000 and > 50 000: both rules, one payment
        warehouse.Payment("S5", "rights_protection", "2023-06-01", 60000m, recipient: "P-5", baseAmount: 100000m, major: true, related: "C-5");
        // natural person without base_amount: the share cannot be checked; 4 000 ≤ 5 000
        warehouse.Payment("S6", "rights_protection", "2023-07-01", 4000m, recipient: "P-6", recipientType: "natural_person", related: "C-6");

        // the same grant ZL1 of P-A: county first, then the city, then the county again
        warehouse.Payment("S7", "patent_grant", "2023-03-01", 800m, recipient: "P-A", related: "ZL1", region: LinxiaCounty);
        warehouse.Payment("S8", "patent_grant", "2023-05-01", 800m, recipient: "P-A", related: "ZL1", level: "city", region: Linxia);
        warehouse.Payment("S9", "patent_grant", "2023-07-01", 800m, recipient: "P-A", related: "ZL1", region: LinxiaCounty);
        // paid twice by the county alone: not across government levels
        warehouse.Payment("S10", "patent_grant", "2023-03-01", 500m, recipient: "P-B", related: "ZL2", region: LinxiaCounty);
        warehouse.Payment("S11", "patent_grant", "2023-04-01", 500m, recipient: "P-B", related: "ZL2", region: LinxiaCounty);
        // the same patent under two programs, by two levels: not the same program
        warehouse.Payment("S12", "patent_grant", "2023-03-01", 1000m, recipient: "P-C", related: "ZL3", level: "city", region: Linxia);
        warehouse.Payment("S13", "annual_fee", "2023-04-01", 300m, recipient: "P-C", related: "ZL3", region: LinxiaCounty);

        // patent_application: the rule takes effect on 2021-07-01
        warehouse.Payment("S14", "patent_application", "2021-06-30", 500m, recipient: "P-D", related: "CN1");
        warehouse.Payment("S15", "patent_application", "2021-07-01", 500m, recipient: "P-E", related: "CN2");
        warehouse.Build();
    }

    [Fact]
    public void Each_violation_names_the_rule_broken()
    {
        var violations = warehouse.Query("SELECT payment_no, rule FROM mart_subsidy_violation ORDER BY payment_no, rule")
            .Select(r => $"{r[0]} {r[1]}");

        Assert.Equal(
        [
            "S1 rights_protection_cap",
            "S15 patent_application_ended",
            "S3 rights_protection_share",
            "S5 rights_protection_cap",
            "S5 rights_protection_share",
            "S8 paid_twice_across_levels",
            "S9 paid_twice_across_levels",
        ], violations);
    }

    [Fact]
    public void Violations_carry_the_limit_and_a_sentence()
    {
        var rows = warehouse.Query("""
            SELECT payment_no, rule, CAST(limit_amount AS VARCHAR), first_payment_no, CAST(rule_effective_from AS VARCHAR), detail, region_code
            FROM mart_subsidy_violation ORDER BY payment_no, rule
            """).ToDictionary(r => r[0] + " " + r[1]);

        // 50 % of 12 000
        Assert.Equal("6000.00", rows["S3 rights_protection_share"][2]);
        Assert.Equal("支付 8000.00 元超过计算基数 12000.00 元的 50%（6000.00 元）", rows["S3 rights_protection_share"][5]);
        // the natural person's cap
        Assert.Equal("5000.00", rows["S1 rights_protection_cap"][2]);
        // the major-matter cap applies to a legal entity too
        Assert.Equal("50000.00", rows["S5 rights_protection_cap"][2]);
        // the first payment of the matter, and the paying region (the city, not a county)
        Assert.Equal("S7", rows["S8 paid_twice_across_levels"][3]);
        Assert.Null(rows["S8 paid_twice_across_levels"][2]);
        Assert.Equal(Linxia, rows["S8 paid_twice_across_levels"][6]);
        Assert.Equal("ZL1 已由县级财政支付（S7），市级财政再次支付 800.00 元", rows["S8 paid_twice_across_levels"][5]);
        // the version of the rule broken
        Assert.Equal("2021-07-01", rows["S15 patent_application_ended"][4]);
        Assert.Equal("0.00", rows["S15 patent_application_ended"][2]);
    }

    [Theory]
    // 2023: 临夏市 S1, S3, S5 (two rules, one payment) = 3; 临夏县 S9 = 1; 临夏州 3 + 1 + own S8 = 5
    [InlineData(LinxiaCity, 2023, 3)]
    [InlineData(LinxiaCounty, 2023, 1)]
    [InlineData(Linxia, 2023, 5)]
    [InlineData(Gansu, 2023, 5)]
    // 2021: S15 (paid 2021-07-01); S14 (2021-06-30) kept the rule then in force
    [InlineData(LinxiaCity, 2021, 1)]
    public void Subsidy_violations_count_payments_by_paid_date(string region, int year, double expected) =>
        warehouse.AssertValue(expected, region, "subsidy_violations", year);

    [Theory]
    // 临夏市 2023: S1 6 000 + S2 10 000 + S3 8 000 + S4 50 000 + S5 60 000 + S6 4 000 = 138 000
    [InlineData(LinxiaCity, 2023, 138000)]
    // 临夏县 2023: S7 800 + S9 800 + S10 500 + S11 500 + S13 300 = 2 900
    [InlineData(LinxiaCounty, 2023, 2900)]
    // 临夏州 2023: 138 000 + 2 900 + own S8 800 + S12 1 000 = 142 700; the city's payments count for no county
    [InlineData(Linxia, 2023, 142700)]
    // 临夏市 2021: S14 500 + S15 500
    [InlineData(LinxiaCity, 2021, 1000)]
    public void Subsidy_paid_sums_payments_in_the_paying_region(string region, int year, double expected) =>
        warehouse.AssertValue(expected, region, "subsidy_paid", year);

    public void Dispose() => warehouse.Dispose();
}
