using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo.Internal;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Tests.Schema;

namespace IpWarehouse.Etl.Tests.Indicators;

/// Issue 15, incremental marts: after every load of a random sequence through the real Loader (new keys, restated
/// rows moving region and years, grants and lapses, quarantined rows, other kinds of source), the marts the load
/// refreshed equal a full rebuild of the same warehouse, every column but computed_at (when a row was computed:
/// a refresh keeps the time of the rows it did not touch). The seed is printed on failure; IPWH_TEST_SEED replays one.
public sealed class IncrementalMartTests : IDisposable
{
    private static readonly string[] Regions = ["620802", "620821", "620881", "620800", "620102", "620100", "620000"];
    private static readonly string[] CaseTypes = ["商标侵权", "假冒专利", "专利侵权纠纷", "其他"];
    private static readonly string[] Programs = ["专利授权资助", "维权补助", "专利申请资助"];
    private static readonly string[] Levels = ["县级", "市级", "省级"];

    private readonly TempFolder folder = new();
    private readonly StepClock clock = new(new DateTimeOffset(2025, 1, 5, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_refresh_of_a_random_sequence_of_loads_equals_a_full_rebuild()
    {
        var seed = Environment.GetEnvironmentVariable("IPWH_TEST_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var data = new Deliveries(new Random(seed));
        var config = WriteConfig("");
        var incremental = 0;
        for (var load = 0; load < 9; load++)
        {
            clock.Now = clock.Now.AddDays(1);
            var sources = data.Next(folder, load);
            var (report, marts) = await Load(config, sources);
            Assert.True(report.Status is "succeeded" or "partial", $"seed {seed}, load {load}: {report.Status} {report.Message}");
            incremental += marts.Contains("incremental", StringComparison.Ordinal) ? 1 : 0;
            AssertEqualsFullRebuild(config, $"seed {seed} (IPWH_TEST_SEED={seed} replays it), load {load} [{string.Join(", ", sources)}], {marts}");
        }
        // The first load and the loads of population are full; most others must have been incremental, or the
        // test would prove nothing about the refresh.
        Assert.True(incremental >= 4, $"seed {seed}: only {incremental} of 9 loads refreshed the marts incrementally");
    }

    [Fact]
    public async Task A_load_that_changes_nothing_recomputes_nothing_and_a_settings_change_rebuilds_whole()
    {
        var data = new Deliveries(new Random(15));
        var config = WriteConfig("");
        var sources = data.Next(folder, 0);
        var (_, first) = await Load(config, sources);
        Assert.Matches(@"^indicator marts: full rebuild of \d+ rows: no earlier build recorded", first);
        var before = MartRows(config, "SELECT * FROM mart_indicator ORDER BY ALL");

        clock.Now = clock.Now.AddDays(1);
        var (_, again) = await Load(config, sources);
        Assert.Matches(@"^indicator marts: incremental: 0 of \d+ rows recomputed \(0 region-years\)$", again);
        Assert.Equal(before, MartRows(config, "SELECT * FROM mart_indicator ORDER BY ALL"));

        clock.Now = clock.Now.AddDays(1);
        config = WriteConfig("""  "indicators": { "caseOnTime": { "limitDays": 100 } },""");
        var (_, changed) = await Load(config, sources);
        Assert.Matches(@"^indicator marts: full rebuild of \d+ rows: the counting rules \(ipwh.json indicators\)", changed);
        AssertEqualsFullRebuild(config, changed);

        clock.Now = clock.Now.AddDays(1);
        var (_, forced) = await Load(config, sources, rebuild: true);
        Assert.Matches(@"^indicator marts: full rebuild of \d+ rows: a full build was asked for$", forced);
    }

    private string WriteConfig(string indicators) => folder.Write("ipwh.json", $$"""
        {
          "warehouse": "warehouse",
        {{indicators}}
          "sources": [
            { "name": "patents", "kind": "patents", "connector": "csv", "path": "drops/patents.csv" },
            { "name": "trademarks", "kind": "trademarks", "connector": "csv", "path": "drops/trademarks.csv" },
            { "name": "cases", "kind": "cases", "connector": "csv", "path": "drops/cases.csv" },
            { "name": "subsidies", "kind": "subsidies", "connector": "csv", "path": "drops/subsidies.csv" },
            { "name": "population", "kind": "population", "connector": "csv", "path": "drops/population.csv" }
          ]
        }
        """);

    /// Runs one load of these sources; returns its report and what it said about the marts.
    private async Task<(LoadReport Report, string Marts)> Load(string config, IReadOnlyList<string> sources, bool rebuild = false)
    {
        var progress = new Collected();
        var report = await new Loader(ConfigLoader.Load(config), clock).RunAsync(new LoadRequest { Sources = sources, RebuildMarts = rebuild }, progress);
        return (report, progress.Events.Last(e => e.Phase == "indicators").Detail);
    }

    /// Copies the working warehouse the load left, rebuilds its marts whole there and compares both ways.
    private void AssertEqualsFullRebuild(string config, string context)
    {
        var work = new Loader(ConfigLoader.Load(config), clock).Paths.WorkDatabase;
        var copy = folder.File($"compare/{Guid.NewGuid():N}.duckdb");
        File.Copy(work, copy);
        if (File.Exists(work + ".wal"))
        {
            File.Copy(work + ".wal", copy + ".wal");
        }
        using var connection = DuckDbFactory.Open(copy);
        SchemaDatabase.Execute(connection, """
            CREATE TABLE refreshed_indicator AS SELECT * EXCLUDE (computed_at) FROM mart_indicator;
            CREATE TABLE refreshed_violation AS SELECT * EXCLUDE (computed_at) FROM mart_subsidy_violation;
            """);
        IndicatorMart.Build(connection, IndicatorSettings.FromConfig(ConfigLoader.Load(config)), clock);
        foreach (var (refreshed, mart) in new[] { ("refreshed_indicator", "mart_indicator"), ("refreshed_violation", "mart_subsidy_violation") })
        {
            var extra = Rows(connection, $"SELECT * FROM {refreshed} EXCEPT ALL SELECT * EXCLUDE (computed_at) FROM {mart} ORDER BY ALL LIMIT 5");
            var missing = Rows(connection, $"SELECT * EXCLUDE (computed_at) FROM {mart} EXCEPT ALL SELECT * FROM {refreshed} ORDER BY ALL LIMIT 5");
            Assert.True(extra.Count == 0 && missing.Count == 0,
                $"{context}: {mart} after the refresh differs from a full rebuild.\nonly in the refresh:\n{string.Join('\n', extra)}\nonly in the rebuild:\n{string.Join('\n', missing)}");
        }
        Assert.NotEqual("0", SchemaDatabase.Rows(connection, "SELECT count(*) FROM mart_indicator")[0][0]);
    }

    private List<string> MartRows(string config, string sql)
    {
        using var connection = DuckDbFactory.Open(new Loader(ConfigLoader.Load(config), clock).Paths.WorkDatabase);
        return Rows(connection, sql);
    }

    /// Rows as text lines, for comparing and for the failure message.
    private static List<string> Rows(DuckDBConnection connection, string sql) =>
        [.. SchemaDatabase.Rows(connection, sql).Select(row => string.Join(" | ", row.Select(v => v ?? "NULL")))];

    public void Dispose() => folder.Dispose();

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Collected : IProgress<LoadProgress>
    {
        public List<LoadProgress> Events { get; } = [];

        public void Report(LoadProgress value) => Events.Add(value);
    }

    /// The rows each load delivers: new keys, restatements of delivered keys (another region, other dates, a grant
    /// or a lapse), rows that are quarantined, and now and then population or a region of another province.
    private sealed class Deliveries(Random random)
    {
        private readonly List<string> patents = [];
        private readonly List<string> trademarks = [];
        private readonly List<string> cases = [];
        private readonly List<string> payments = [];
        private int serial;

        public List<string> Next(TempFolder folder, int load)
        {
            var sources = new List<string>();
            // The first load covers every year 2013–2024, so later loads seldom change the years the mart holds.
            var count = load == 0 ? 60 : random.Next(3, 12);
            Write(folder, sources, "patents", "申请号,专利类型,申请日,授权日,失效日,申请人,行政区划代码,高价值", count, load, Patent);
            if (load == 0 || random.Next(3) > 0)
            {
                Write(folder, sources, "trademarks", "申请号,申请日,注册日,注销日,地理标志,驰名商标认定日,申请人,行政区划代码", count, load, Trademark);
            }
            if (load == 0 || random.Next(3) > 0)
            {
                Write(folder, sources, "cases", "案件编号,案件类型,立案日期,结案日期,中止天数,罚没款金额,电商,行政区划代码", count, load, Case);
            }
            if (load == 0 || random.Next(2) > 0)
            {
                Write(folder, sources, "subsidies", "支付编号,项目,受助人,受助人类型,计算基数,金额,支付日期,资金层级,行政区划代码,关联案号", count / 2 + 1, load, Payment);
            }
            if (load == 0 || random.Next(5) == 0)
            {
                var lines = Regions.Select(r => $"{r},{2019 + random.Next(6)},{random.Next(100_000, 900_000)}");
                folder.Write("drops/population.csv", "行政区划代码,年份,人口\n" + string.Join('\n', lines) + "\n");
                sources.Add("population");
            }
            return sources;
        }

        private void Write(TempFolder folder, List<string> sources, string name, string header, int count, int load, Func<List<string>, bool, string, int, string> row)
        {
            var keys = name switch { "patents" => patents, "trademarks" => trademarks, "cases" => cases, _ => payments };
            var text = new StringBuilder(header).Append('\n');
            for (var i = 0; i < count; i++)
            {
                // a new key, or (after the first load) a restatement of a delivered one
                var restate = keys.Count > 0 && random.Next(2) == 0;
                var key = restate ? keys[random.Next(keys.Count)] : null;
                text.Append(row(keys, restate, key ?? "", load == 0 ? 2013 + i % 12 : 2014 + random.Next(11))).Append('\n');
            }
            // a row the loader quarantines: a date that does not exist
            if (random.Next(2) == 0)
            {
                var bad = row(keys, false, "", 2020);
                var cells = bad.Split(',');
                cells[Array.FindIndex(cells, c => c.StartsWith("2020-", StringComparison.Ordinal))] = "2020-02-30";
                keys.RemoveAt(keys.Count - 1);
                text.Append(string.Join(',', cells)).Append('\n');
            }
            folder.Write($"drops/{name}.csv", text.ToString());
            sources.Add(name);
        }

        private string Region() => random.Next(25) == 0 ? "110101" : Regions[random.Next(Regions.Length)];

        private string Date(int year) => new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private string Maybe(string value, int oneIn) => random.Next(oneIn) == 0 ? value : "";

        private string Later(string date, int years) =>
            DateOnly.Parse(date, CultureInfo.InvariantCulture).AddDays(random.Next(1, 365 * years)) is var d && d.Year <= 2024
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : "";

        private string Patent(List<string> keys, bool restate, string key, int year)
        {
            var type = random.Next(3) + 1;
            var number = restate ? key : IdentityCodes.PatentNumber(year, type, ++serial);
            if (!restate)
            {
                keys.Add(number);
            }
            var applied = Date(year);
            var granted = random.Next(3) > 0 ? Later(applied, 3) : "";
            var lapsed = granted.Length > 0 ? Maybe(Later(granted, 6), 3) : "";
            return $"{number},,{applied},{granted},{lapsed},某某科技有限公司{random.Next(5)},{Region()},{Maybe("sei", 4)}";
        }

        private string Trademark(List<string> keys, bool restate, string key, int year)
        {
            var number = restate ? key : (Maybe("G", 8) + (10_000_000 + ++serial).ToString(CultureInfo.InvariantCulture));
            if (!restate)
            {
                keys.Add(number);
            }
            var applied = Date(year);
            var registered = random.Next(3) > 0 ? Later(applied, 2) : "";
            var cancelled = registered.Length > 0 ? Maybe(Later(registered, 5), 4) : "";
            var gi = random.Next(6) == 0 ? "true" : "false";
            var wellKnown = registered.Length > 0 ? Maybe(Later(registered, 4), 5) : "";
            return $"{number},{applied},{registered},{cancelled},{gi},{wellKnown},某某商贸有限公司{random.Next(5)},{Region()}";
        }

        private string Case(List<string> keys, bool restate, string key, int year)
        {
            var number = restate ? key : $"平市监处〔{year}〕{++serial}号";
            if (!restate)
            {
                keys.Add(number);
            }
            var filed = Date(year);
            var closed = random.Next(4) > 0 ? Later(filed, 1) : "";
            var fine = closed.Length > 0 ? Maybe((random.Next(1, 500) * 100).ToString(CultureInfo.InvariantCulture), 2) : "";
            return $"{number},{CaseTypes[random.Next(CaseTypes.Length)]},{filed},{closed},{Maybe(random.Next(1, 60).ToString(CultureInfo.InvariantCulture), 4)},{fine},{(random.Next(3) == 0 ? "是" : "否")},{Region()}";
        }

        private string Payment(List<string> keys, bool restate, string key, int year)
        {
            var number = restate ? key : $"ZF{year}{++serial:D5}";
            if (!restate)
            {
                keys.Add(number);
            }
            // few recipients and matters, so that the same matter is paid at several levels (a rule broken
            // because of another payment)
            var program = Programs[random.Next(Programs.Length)];
            var amount = random.Next(1, 120) * 100;
            return $"{number},{program},受助企业{random.Next(3)},法人,{amount * (1 + random.Next(3))},{amount},{Date(year)},{Levels[random.Next(Levels.Length)]},{Region()},ZL{random.Next(4)}";
        }
    }
}
