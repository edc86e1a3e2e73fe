using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Sandbox;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Sandbox;

/// The sql section of ipwh.json: defaults for a 2-core 4 GB server, every key checked, and answers without the server's paths.
public sealed class SandboxSettingsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Without_a_section_the_defaults_suit_a_small_server()
    {
        var settings = SandboxSettings.FromConfig(Load(""));
        Assert.Equal((2, 8, "1GB", "2GB", 1, 30), (settings.Workers, settings.Queue, settings.MemoryLimit, settings.TempLimit, settings.Threads, (int)settings.TimeLimit.TotalSeconds));
        Assert.Equal(new Etl.Warehouse.OutputLimit(10_000, 16_000_000), settings.Page.Limit);
        Assert.Equal(1_500_000_000, settings.KillAboveBytes);
    }

    [Fact]
    public void Keys_are_read()
    {
        var settings = SandboxSettings.FromConfig(Load(""", "sql": { "workers": 3, "memoryLimit": "2.5GB", "downloadRowLimit": 50 }"""));
        Assert.Equal((3, "2.5GB", 50), (settings.Workers, settings.MemoryLimit, settings.Download.Rows));
    }

    [Theory]
    [InlineData("\"workers\": 0", "sql.workers", "from 1 to 64")]
    [InlineData("\"workers\": \"2\"", "sql.workers", "whole number")]
    [InlineData("\"memoryLimit\": \"lots\"", "sql.memoryLimit", "1GB")]
    [InlineData("\"memoryLimit\": \"10MB\"", "sql.memoryLimit", "at least 100MB")]
    [InlineData("\"wokers\": 2", "sql.wokers", "knows workers")]
    public void A_wrong_key_or_value_is_named_with_its_fix(string member, string field, string says)
    {
        var error = Assert.Throws<ConfigException>(() => SandboxSettings.FromConfig(Load($$""", "sql": { {{member}} }""")));
        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Error setting 'temp_directory' to '/srv/ipwh/warehouse/tmp/sql-spill/12'", "Error setting 'temp_directory' to '…/12'")]
    [InlineData("IO Error: Cannot open file \"/home/ipwh/warehouse/published/b1.duckdb\": No such file", "IO Error: Cannot open file \"…/b1.duckdb\": No such file")]
    [InlineData("See also https://duckdb.org/docs/stable/guides/performance/how_to_tune_workloads", "See also https://duckdb.org/docs/stable/guides/performance/how_to_tune_workloads")]
    [InlineData("SELECT 10/2/5 AS x", "SELECT 10/2/5 AS x")]
    public void Answers_hide_the_servers_paths(string message, string shown) => Assert.Equal(shown, SqlWorker.HidePaths(message));

    private IpwhConfig Load(string more)
    {
        folder.Write("ipwh.json", $$"""{ "warehouse": "warehouse", "sources": []{{more}} }""");
        return ConfigLoader.Load(System.IO.Path.Combine(folder.Path, "ipwh.json"));
    }
}
