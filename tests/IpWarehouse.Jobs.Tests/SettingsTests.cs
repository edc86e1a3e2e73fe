using System.Text.Json.Nodes;
using IpWarehouse.Etl;
using IpWarehouse.Jobs.Api;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.10:80", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://10.1.2.3:5080", false)]
    [InlineData("http://ipwh.bureau.local:5080", false)]
    public void Loopback_is_only_127_8_localhost_and_ipv6_one(string url, bool loopback) =>
        Assert.Equal(loopback, ServerSettings.IsLoopback(url));

    [Fact]
    public void Beyond_loopback_without_a_token_refuses_and_says_why()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(server: new JsonObject { ["urls"] = "http://0.0.0.0:5080" });
        var error = Assert.Throws<ConfigException>(() => ServerSettings.FromConfig(config, _ => null));
        Assert.Equal("server.urls", error.Field);
        Assert.Contains("http://0.0.0.0:5080", error.Message, StringComparison.Ordinal);
        Assert.Contains("IPWH_OPERATOR_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("no operator token", error.Message, StringComparison.Ordinal);

        // The same address with a token from the environment is accepted, and --urls wins over the file.
        var withToken = ServerSettings.FromConfig(config, v => v == "IPWH_OPERATOR_TOKEN" ? "a-long-enough-operator-token" : null);
        Assert.Equal("a-long-enough-operator-token", withToken.OperatorToken);
        Assert.False(withToken.LoopbackOnly);
        Assert.True(ServerSettings.FromConfig(config, _ => null, "http://127.0.0.1:6000").LoopbackOnly);
    }

    [Fact]
    public void A_short_token_is_refused()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(server: new JsonObject { ["operatorToken"] = "secret" });
        var error = Assert.Throws<ConfigException>(() => ServerSettings.FromConfig(config, _ => null));
        Assert.Equal("server.operatorToken", error.Field);
        Assert.Contains("6 characters; at least 16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "homeRegion": "62010" }""", "console.homeRegion", "'62010' is not a six-digit GB/T 2260 region code")]
    [InlineData("""{ "homeRegion": 620102 }""", "console.homeRegion", "is not a setting, or not a string")]
    [InlineData("""{ "home": "620102" }""", "console.home", "is not a setting")]
    [InlineData("""[ "620102" ]""", "console", "is not an object")]
    public void The_console_section_is_checked_key_by_key(string section, string field, string says)
    {
        var error = Assert.Throws<ConfigException>(() => ConsoleSettings.FromConfig(Config(section)));
        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_home_region_is_read_and_absent_means_none()
    {
        Assert.Equal("620102", ConsoleSettings.FromConfig(Config("""{ "homeRegion": " 620102 " }""")).HomeRegion);
        Assert.Null(ConsoleSettings.FromConfig(Config("""{ "homeRegion": null }""")).HomeRegion);
        Assert.Null(ConsoleSettings.FromConfig(Config(null)).HomeRegion);
    }

    private static Etl.Configuration.IpwhConfig Config(string? console) => Etl.Configuration.ConfigLoader.Parse(
        $$"""{ "warehouse": "w", "sources": []{{(console is null ? "" : ", \"console\": " + console)}} }""",
        Path.Combine(Path.GetTempPath(), "ipwh.json"), _ => null, checkFiles: false);

    [Fact]
    public void Token_comparison_accepts_only_the_exact_token()
    {
        Assert.True(OperatorTokenFilter.Matches("0123456789abcdef", "0123456789abcdef"));
        Assert.False(OperatorTokenFilter.Matches("0123456789abcdeF", "0123456789abcdef"));
        Assert.False(OperatorTokenFilter.Matches("0123456789abcde", "0123456789abcdef"));
        Assert.False(OperatorTokenFilter.Matches("", "0123456789abcdef"));
    }

    [Fact]
    public void Scheduler_defaults_to_a_sqlite_file_in_the_warehouse()
    {
        using var warehouse = new TinyWarehouse();
        var settings = SchedulerSettings.FromConfig(warehouse.Configure(nightly: "0 30 1 * * ?"));
        Assert.Equal(SchedulerStore.Sqlite, settings.Store);
        Assert.False(settings.Clustered);
        Assert.Equal($"Data Source={Path.Combine(warehouse.Paths.Folder, "scheduler", "ipwh.db")}", settings.ConnectionString);
        Assert.Equal(Path.Combine(warehouse.Paths.Folder, "scheduler", "hangfire.db"), settings.HangfireDatabase);
        Assert.Equal("Asia/Shanghai", settings.TimeZone.Id);
        Assert.Equal(4, settings.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Retry.FirstDelay);
    }

    [Theory]
    [InlineData("""{ "store": "oracle" }""", "scheduler.store", "'oracle' is not a job store")]
    [InlineData("""{ "store": "postgres" }""", "scheduler.connection", "is required when store is postgres")]
    [InlineData("""{ "leaseSecs": 5 }""", "scheduler.leaseSecs", "is not a setting")]
    [InlineData("""{ "retry": { "attempts": 0 } }""", "scheduler.retry.attempts", "must be a positive number")]
    public void Bad_scheduler_settings_name_the_field(string section, string field, string problem)
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(scheduler: JsonNode.Parse(section)!.AsObject());
        var error = Assert.Throws<ConfigException>(() => SchedulerSettings.FromConfig(config));
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 30 25 * * ?", "Hours")]
    [InlineData("every night", "")]
    [InlineData("0 30 1 * * ? 2026", "")] // Quartz's optional year field: Hangfire has none
    public void A_bad_cron_expression_names_schedule_nightly(string cron, string detail)
    {
        using var warehouse = new TinyWarehouse();
        var error = Assert.Throws<ConfigException>(() => SchedulerSettings.FromConfig(warehouse.Configure(nightly: cron)));
        Assert.Equal("schedule.nightly", error.Field);
        Assert.Contains($"'{cron}' is not a cron expression the scheduler can read", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"30 1 * * *\" for 01:30 every night", error.Message, StringComparison.Ordinal);
    }

    // The Quartz strings of earlier configurations keep their meaning; five fields work too.
    [Theory]
    [InlineData("0 30 1 * * ?", "2025-03-11T01:30:00+08:00")]
    [InlineData("30 1 * * *", "2025-03-11T01:30:00+08:00")]
    [InlineData("0 0/10 * * * ?", "2025-03-10T12:10:00+08:00")]
    [InlineData("0 0 2 ? * MON-FRI", "2025-03-11T02:00:00+08:00")]
    [InlineData("0 0 3 L * ?", "2025-03-31T03:00:00+08:00")]
    public void Cron_strings_of_earlier_configurations_keep_working(string cron, string next)
    {
        using var warehouse = new TinyWarehouse();
        var settings = SchedulerSettings.FromConfig(warehouse.Configure(nightly: cron));
        var from = new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));
        var at = settings.NightlyCron!.GetNextOccurrence(from, settings.TimeZone);
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), at);
    }
}
