namespace IpWarehouse.Cli.Tests;

/// `ipwh check` as an operator runs it: it fails where `ipwh serve` or `ipwh load` would, with the field and
/// the fix on stderr, and exit code 1 or 2.
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public CheckCommandTests() =>
        File.WriteAllText(Path.Combine(folder.Path, "training.csv"), "活动编号,日期,行政区划代码,人次\nT1,2024-03-01,620102,30\n");

    public void Dispose() => folder.Dispose();

    [Theory]
    // serve refuses this cron (no month has a day 32); check used to pass it.
    [InlineData("\"schedule\": { \"nightly\": \"0 30 1 32 * ?\" }", "field 'schedule.nightly': '0 30 1 32 * ?' is not a cron expression the scheduler can read")]
    // a misspelt section used to be ignored: no nightly load, and nobody told.
    [InlineData("\"shedule\": { \"nightly\": \"0 30 1 * * ?\" }", "field 'shedule': is not a setting (did you mean \"schedule\"?)")]
    [InlineData("\"scheduler\": { \"leaseSecond\": 60 }", "field 'scheduler.leaseSecond': is not a setting (did you mean \"leaseSeconds\"?)")]
    public void Check_fails_on_what_serve_would_refuse(string member, string message)
    {
        var config = Write(member);
        var result = Ipwh.Run(folder.Path, null, "check", "--config", config);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_passes_a_valid_configuration()
    {
        var result = Ipwh.Run(folder.Path, null, "check", "--config", Write("\"schedule\": { \"nightly\": \"0 30 1 * * ?\" }"));
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("training", result.Stdout, StringComparison.Ordinal);
    }

    private string Write(string member)
    {
        var path = Path.Combine(folder.Path, "ipwh.json");
        File.WriteAllText(path, $$"""
            {
              "warehouse": "warehouse",
              {{member}},
              "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "training.csv" } ]
            }
            """);
        return path;
    }
}
