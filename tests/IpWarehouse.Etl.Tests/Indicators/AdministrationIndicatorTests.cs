using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;

namespace IpWarehouse.Etl.Tests.Indicators;

/// ip_enterprises (distinct enterprises with a designation recorded for the year) and
/// training_person_times (person-times of the events in the period), hand-computed.
public sealed class AdministrationIndicatorTests : IDisposable
{
    private readonly IndicatorWarehouse warehouse = new();

    public AdministrationIndicatorTests()
    {
        // enterprise A (credit code) twice in 临夏市 for 2023, once more in 临夏县 (a second office)
        warehouse.Designation("91622901MA00000001", "甲公司", "advantage", "national", 2023, LinxiaCity);
        warehouse.Designation("91622901MA00000001", "甲公司", "demonstration", "province", 2023, LinxiaCity);
        warehouse.Designation("91622901MA00000001", "甲公司", "advantage", "city", 2023, LinxiaCounty);
        // an enterprise without credit code, by name
        warehouse.Designation(null, "乙公司", "pilot", "city", 2023, LinxiaCounty);
        // enterprise B, 2022 only
        warehouse.Designation("91622901MA00000002", "丙公司", "advantage", "province", 2022, LinxiaCity);

        warehouse.Training("E1", "2023-03-01", 40, LinxiaCity);
        warehouse.Training("E2", "2023-12-31", 60, LinxiaCity);
        warehouse.Training("E3", "2022-12-31", 100, LinxiaCity);
        warehouse.Training("E4", "2023-06-01", 25, Linxia);
        warehouse.Build();
    }

    [Theory]
    // 临夏市 2023: A (two designations) → 1
    [InlineData(LinxiaCity, 2023, 1)]
    // 临夏县 2023: A, 乙公司 → 2
    [InlineData(LinxiaCounty, 2023, 2)]
    // 临夏州 2023: distinct {A, 乙公司} = 2, not 1 + 2
    [InlineData(Linxia, 2023, 2)]
    [InlineData(Gansu, 2023, 2)]
    // 2022: B
    [InlineData(LinxiaCity, 2022, 1)]
    public void Ip_enterprises_count_distinct_enterprises_of_the_year(string region, int year, double expected) =>
        warehouse.AssertValue(expected, region, "ip_enterprises", year);

    [Theory]
    // 临夏市 2023: E1 40 + E2 60 = 100 (E3 is 2022's)
    [InlineData(LinxiaCity, 2023, 100)]
    [InlineData(LinxiaCounty, 2023, 0)]
    // 临夏州: 100 + own E4 25 = 125
    [InlineData(Linxia, 2023, 125)]
    [InlineData(LinxiaCity, 2022, 100)]
    public void Training_person_times_sum_the_events_of_the_period(string region, int year, double expected) =>
        warehouse.AssertValue(expected, region, "training_person_times", year);

    public void Dispose() => warehouse.Dispose();
}
