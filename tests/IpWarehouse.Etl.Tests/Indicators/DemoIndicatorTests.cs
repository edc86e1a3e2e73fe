using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The mart over a real load of the small demo (甘肃省 2019–2024): it builds, and the subsidy rules find
/// exactly the payments the generator wrote to break them, each with the rule it meant.
public sealed class DemoIndicatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task The_rules_find_exactly_the_demos_violations()
    {
        var summary = DemoGenerator.Generate(folder.Path, DemoFixture.Seed, DemoFixture.Scale, FixedClock.Default);
        var loader = new Loader(ConfigLoader.Load(summary.ConfigPath), FixedClock.Default);
        var report = await loader.RunAsync(new LoadRequest { Trigger = "demo" });
        Assert.Equal("succeeded", report.Status);

        using var work = DuckDbFactory.Open(loader.Paths.WorkDatabase);
        var build = IndicatorMart.Build(work, IndicatorSettings.Default, FixedClock.Default);

        // the demo's years, and 2025 for what happened before its "today" (2025-03-15)
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025], build.Years.Where(y => y >= 2019));
        var found = SchemaRows(work, "SELECT payment_no, rule FROM mart_subsidy_violation ORDER BY payment_no, rule");
        var expected = summary.SubsidyViolations.Select(v => $"{v.PaymentNo} {v.Rule}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, found.Order(StringComparer.Ordinal));

        // the province's count for a year is the number of violating payments of that year
        foreach (var year in summary.SubsidyViolations.Select(v => v.Year).Distinct())
        {
            var value = SchemaRows(work, $"SELECT CAST(value AS BIGINT) FROM mart_indicator WHERE region_code = '620000' AND indicator = 'subsidy_violations' AND year = {year}");
            Assert.Equal(summary.SubsidyViolations.Count(v => v.Year == year).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(value));
        }
    }

    private static List<string> SchemaRows(DuckDBConnection connection, string sql) =>
        [.. Schema.SchemaDatabase.Rows(connection, sql).Select(r => string.Join(" ", r))];

    public void Dispose() => folder.Dispose();
}
