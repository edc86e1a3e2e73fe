using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Demo;

/// The small demo, loaded and published once, read as a planner does: its official figures reconcile except the two
/// it gets wrong on purpose, each with the cause the warehouse shows; its 十四五 plan shows each status in 2024; its
/// patents given under 华亭县's retired code count for 华亭市.
public sealed class DemoReconciliationTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    [Fact]
    public void Official_figures_match_except_the_two_the_demo_gets_wrong_on_purpose()
    {
        using var planning = demo.Open();
        var rows = planning.Reconcile(2024).Rows.Where(r => r.Status != "no_official").ToList();

        Assert.Equal(["620800", "622900"], rows.Where(r => r.Status == "differs").Select(r => r.RegionCode));
        Assert.All(rows.Where(r => r.Status != "differs"), r => Assert.Equal("match", r.Status));
        Assert.Contains(rows, r => r.Period == "2021-2024" && r.Status == "match");

        // 临夏州: the bulletin counted the four rows the load quarantined for a wrong check character
        var linxia = rows.Single(r => r.RegionCode == "622900");
        Assert.Equal(-4, linxia.Difference);
        Assert.Equal([("bad_check_digit", 4L)], linxia.Explanation!.Quarantined.Select(q => (q.Reason, q.Rows)));
        // 平凉市: the city left out the three filings exported under 620824, which we count for 华亭市
        var pingliang = rows.Single(r => r.RegionCode == "620800");
        Assert.Equal(3, pingliang.Difference);
        Assert.Equal((3L, "620824"), (pingliang.Explanation!.SucceededFacts, pingliang.Explanation.GivenCodes.Single()));
    }

    [Fact]
    public void The_plan_shows_each_status_against_its_path_in_2024()
    {
        using var planning = demo.Open();
        var plan = planning.Targets(2024, asOf: new DateOnly(2024, 12, 31)).Rows
            .Where(r => r.PlanPeriod == "2021-2025" && r.Indicator == "patent_applications")
            .ToDictionary(r => r.RegionCode, r => r.Status);

        Assert.Equal(TargetStatus.AtRisk, plan["620000"]);
        Assert.Equal(TargetStatus.OnTrack, plan["620100"]);
        Assert.Equal(TargetStatus.OffTrack, plan["620500"]);
        Assert.Equal(TargetStatus.AtRisk, plan["620800"]);
    }

    [Fact]
    public void Retired_codes_and_former_names_count_for_the_successor()
    {
        using var connection = Etl.Warehouse.WarehouseConnections.OpenPublished(demo.Loader.Paths);
        var rows = Schema.SchemaDatabase.Rows(connection, """
            SELECT attribution_method, given_region_code, count(*) FROM fact_patent
            WHERE region_code = '620881' AND (given_region_code IS NOT NULL OR applicant_address LIKE '%华亭县%')
            GROUP BY ALL ORDER BY ALL
            """);
        Assert.Equal([["address", null, "1"], ["code_succeeded", "620824", "3"]], rows);
    }
}

/// The demo of DemoFixture's seed and scale, generated, loaded and published once for the tests that read it.
public sealed class LoadedDemo : IDisposable
{
    private readonly TempFolder folder = new();

    public LoadedDemo()
    {
        var summary = DemoGenerator.Generate(folder.Path, DemoFixture.Seed, DemoFixture.Scale, FixedClock.Default);
        Config = ConfigLoader.Load(summary.ConfigPath);
        Loader = new Loader(Config, FixedClock.Default);
        var report = Loader.RunAsync(new LoadRequest { Trigger = "demo" }).GetAwaiter().GetResult();
        Assert.Equal("succeeded", report.Status);
    }

    public IpwhConfig Config { get; }

    public Loader Loader { get; }

    public PlanningQueries Open() => PlanningQueries.OpenPublished(Loader.Paths, FixedClock.Default, Config.TimeZone, targets: TargetSettings.FromConfig(Config));

    public void Dispose() => folder.Dispose();
}
