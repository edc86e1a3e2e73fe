using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace IpWarehouse.Etl.Tests.Validation;

/// <summary>
/// Not a benchmark and no assertion on time: prints how long the rules take over a million generated
/// staging rows, so a slow rewrite of a macro shows up in the test output. The row counts are asserted.
/// </summary>
[Collection(nameof(ValueRulesSpeedReport))]
public class ValueRulesSpeedReport(RulesDatabase db, ITestOutputHelper output) : IClassFixture<RulesDatabase>
{
    private const int Rows = 1_000_000;

    // Every 100th row of each column is bad; 2 % of the dates are full-width. Patent numbers and credit
    // codes carry arbitrary check characters, so about 1 in 11 and 1 in 31 pass.
    private const string Generate = """
        CREATE OR REPLACE TABLE stg_speed AS
        SELECT
          CASE
            WHEN i % 100 = 99 THEN '2023-02-30'
            WHEN i % 50 = 7 THEN '２０２３－０５－０６'
            WHEN i % 5 = 0 THEN strftime(DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), '%Y-%m-%d')
            WHEN i % 5 = 1 THEN strftime(DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), '%Y/%-m/%-d')
            WHEN i % 5 = 2 THEN strftime(DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), '%Y%m%d')
            WHEN i % 5 = 3 THEN strftime(DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), '%Y年%-m月%-d日')
            ELSE strftime(DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), '%Y-%m-%dT10:00:00')
          END AS application_date,
          CASE
            WHEN i % 100 = 98 THEN 'abc'
            WHEN i % 4 = 0 THEN CAST(i % 100000 AS VARCHAR) || '.50'
            WHEN i % 4 = 1 THEN '1,234.50'
            WHEN i % 4 = 2 THEN CAST(i % 97 AS VARCHAR) || '.5万元'
            ELSE '¥300'
          END AS paid_amount,
          CASE
            WHEN i % 100 = 97 THEN 'CN2023'
            WHEN i % 3 = 0 THEN 'CN2023' || CAST(10000000 + i AS VARCHAR) || '.' || CAST(i % 10 AS VARCHAR)
            WHEN i % 3 = 1 THEN '2021' || CAST(20000000 + i AS VARCHAR) || 'X'
            ELSE CAST(95000000 + i AS VARCHAR) || '.' || CAST(i % 10 AS VARCHAR)
          END AS application_no,
          CASE
            WHEN i % 100 = 96 THEN '91350100M000100Y4'
            ELSE '913501' || CAST(10000000000 + i AS VARCHAR) || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', CAST(i % 31 AS INTEGER) + 1, 1)
          END AS credit_code
        FROM range(1000000) AS r(i)
        """;

    private const string ApplyAll = """
        CREATE OR REPLACE TABLE checked_speed AS
        SELECT
          ipwh_date(application_date) AS application_date,
          ipwh_amount(paid_amount) AS paid_amount,
          ipwh_patent_no_ok(application_no) AS application_no_ok,
          ipwh_uscc_ok(credit_code) AS credit_code_ok
        FROM stg_speed
        """;

    [Fact]
    public void Date_amount_patent_and_credit_code_rules_over_a_million_rows()
    {
        db.Execute(Generate);

        var (all, allCpu) = Time(ApplyAll);
        output.WriteLine($"{Rows:N0} rows, ipwh_date + ipwh_amount + ipwh_patent_no_ok + ipwh_uscc_ok in one pass: {all:F2} s, {allCpu:F2} s CPU " +
                         $"({Environment.ProcessorCount} cores, DuckDB threads = {db.Scalar("SELECT current_setting('threads')")}, load {LoadAverage()})");
        foreach (var (macro, column) in new[]
                 {
                     ("ipwh_date", "application_date"), ("ipwh_amount", "paid_amount"),
                     ("ipwh_patent_no_ok", "application_no"), ("ipwh_uscc_ok", "credit_code"), ("ipwh_clean", "application_date"),
                 })
        {
            var (seconds, cpu) = Time($"CREATE OR REPLACE TABLE checked_one AS SELECT {macro}({column}) AS v FROM stg_speed");
            output.WriteLine($"  {macro,-18} alone: {seconds:F2} s, {cpu:F2} s CPU");
        }

        var (filtered, filteredCpu) = Time("SELECT count(*) FROM stg_speed WHERE ipwh_patent_no_ok(application_no) OR ipwh_uscc_ok(credit_code)");
        output.WriteLine($"  patent and credit-code checks in a WHERE clause: {filtered:F2} s, {filteredCpu:F2} s CPU");

        Assert.Equal(990_000L, Count("SELECT count(application_date) FROM checked_speed"));
        Assert.Equal(990_000L, Count("SELECT count(paid_amount) FROM checked_speed"));
        Assert.Equal(Rows, Count("SELECT count(application_no_ok) FROM checked_speed"));
        Assert.Equal(10_000L, Count("SELECT count(*) FROM stg_speed WHERE ipwh_patent_no(application_no) IS NULL"));
        Assert.Equal(Rows, Count("SELECT count(credit_code_ok) FROM checked_speed"));
        Assert.Equal(10_000L, Count("SELECT count(*) FROM stg_speed WHERE length(credit_code) <> 18"));
    }

    // Wall-clock seconds and the process's CPU seconds (the class runs alone, so they are DuckDB's).
    private (double Seconds, double Cpu) Time(string sql)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        db.Execute(sql);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    // Wall-clock seconds mean little on a machine that is busy with other builds: say how busy it was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private long Count(string sql) => Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
}

/// <summary>The speed report runs alone, not beside the other test classes, so its seconds are its own.</summary>
[CollectionDefinition(nameof(ValueRulesSpeedReport), DisableParallelization = true)]
public sealed class RunsAlone;
