using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Configuration;

/// Every configuration error fails before any load work and names the source and the field.
public sealed class ConfigValidationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ConfigValidationTests()
    {
        folder.Write("drops/p.csv", "申请号\n");
        folder.WriteBytes("stats.db", []);
    }

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, string, string, string> SourceErrors => new()
    {
        // source members, expected source, expected field, a word of the message
        { "\"kind\": \"patent\", \"connector\": \"csv\", \"path\": \"drops/p.csv\"", "s1", "kind", "patents" },
        { "\"kind\": \"patents\", \"connector\": \"excel\", \"path\": \"drops/p.csv\"", "s1", "connector", "xlsx" },
        { "\"connector\": \"csv\", \"path\": \"drops/p.csv\"", "s1", "kind", "missing" },
        { "\"kind\": \"patents\", \"path\": \"drops/p.csv\"", "s1", "connector", "missing" },
        { "\"kind\": \"patents\", \"connector\": \"csv\"", "s1", "path", "missing" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"\"", "s1", "path", "missing" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/*.xlsx\"", "s1", "path", "matches no file" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"nowhere/p.csv\"", "s1", "path", "matches no file" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops\"", "s1", "path", "folder" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"encoding\": \"latin1\"", "s1", "encoding", "gb18030" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"sheet\": \"x\"", "s1", "sheet", "xlsx" },
        { "\"kind\": \"patents\", \"connector\": \"xlsx\", \"path\": \"drops/p.csv\", \"encoding\": \"utf-8\"", "s1", "encoding", "xlsx" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"table\": \"t\"", "s1", "table", "database" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"watermark\": \"w\"", "s1", "watermark", "database" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"columns\": { \"applicant\": \"x\" }", "s1", "columns.applicant", "applicant_name" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"columns\": { \"application_no\": \"\" }", "s1", "columns.application_no", "empty" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"columns\": { \"application_no\": \"A\", \"applicant_name\": \"a\" }", "s1", "columns.applicant_name", "maps" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"columns\": [ \"x\" ]", "s1", "columns", "object" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\", \"conection\": \"x\"", "s1", "conection", "(did you mean \"connection\"?)" },
        { "\"kind\": \"patents\", \"connector\": \"csv\", \"path\": 5", "s1", "path", "string" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"table\": \"t\"", "s1", "connection", "missing" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"connection\": \"Host=h\"", "s1", "table", "both missing" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"connection\": \"Host=h\", \"table\": \"t\", \"query\": \"SELECT 1\"", "s1", "table", "both given" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"connection\": \"Host=h\", \"table\": \"t\", \"path\": \"drops/p.csv\"", "s1", "path", "file sources" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"connection\": \"Hots=h\", \"table\": \"t\"", "s1", "connection", "hots" },
        { "\"kind\": \"cases\", \"connector\": \"sqlserver\", \"connection\": \"Sever=h\", \"table\": \"t\"", "s1", "connection", "sever" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"connection\": \"${NOT_SET_ANYWHERE}\", \"table\": \"t\"", "s1", "connection", "NOT_SET_ANYWHERE" },
        { "\"kind\": \"cases\", \"connector\": \"postgres\", \"connection\": \"Host=h\", \"table\": \"t\", \"watermark\": \" \"", "s1", "watermark", "empty" },
        { "\"kind\": \"population\", \"connector\": \"sqlite\", \"connection\": \"Data Source=missing.db\", \"table\": \"t\"", "s1", "connection", "does not exist" },
        { "\"kind\": \"population\", \"connector\": \"sqlite\", \"connection\": \"Mode=ReadOnly\", \"table\": \"t\"", "s1", "connection", "Data Source" },
    };

    [Theory]
    [MemberData(nameof(SourceErrors))]
    public void A_source_error_names_the_source_and_the_field(string members, string source, string field, string word)
    {
        var error = Assert.Throws<ConfigException>(() => Load($"{{ \"name\": \"s1\", {members} }}"));

        Assert.Equal(source, error.SourceName);
        Assert.Equal(field, error.Field);
        Assert.Contains($"source '{source}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(word, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(error.IsTransient);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"name\": \"Cases\"", "sources[0]", "name")]
    [InlineData("\"name\": \"案件\"", "sources[0]", "name")]
    [InlineData("\"kind\": \"cases\"", "sources[0]", "name")]
    public void A_bad_or_missing_name_is_reported_by_position(string members, string source, string field)
    {
        var error = Assert.Throws<ConfigException>(() => Load($"{{ {members}, \"connector\": \"csv\", \"path\": \"drops/p.csv\" }}"));
        Assert.Equal(source, error.SourceName);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Duplicate_names_are_an_error()
    {
        var one = "{ \"name\": \"same\", \"kind\": \"patents\", \"connector\": \"csv\", \"path\": \"drops/p.csv\" }";
        var error = Assert.Throws<ConfigException>(() => Load(one + ", " + one));
        Assert.Equal("same", error.SourceName);
        Assert.Equal("name", error.Field);
    }

    [Theory]
    [InlineData("{ \"timeZone\": \"Mars/Olympus\" }", "timeZone", "Mars/Olympus")]
    [InlineData("{ \"warehouse\": 3 }", "warehouse", "string")]
    [InlineData("{ \"warehouse\": \"\" }", "warehouse", "empty")]
    [InlineData("{ \"sources\": {} }", "sources", "array")]
    [InlineData("{ \"schedule\": { \"nighty\": \"0 0 1 * * ?\" } }", "schedule.nighty", "nightly")]
    [InlineData("{ \"server\": { \"password\": \"${NOT_SET_ANYWHERE}\" } }", "server.password", "NOT_SET_ANYWHERE")]
    [InlineData("{ \"warehouse\": \"${}\" }", "warehouse", "valid")]
    [InlineData("[]", "(root)", "object")]
    [InlineData("{ \"shedule\": { \"nightly\": \"0 0 1 * * ?\" } }", "shedule", "is not a setting (did you mean \"schedule\"?). The top level knows warehouse, timeZone, sources, schedule")]
    [InlineData("{ \"timezone\": \"Asia/Shanghai\", \"indicator\": {} }", "indicator", "(did you mean \"indicators\"?)")]
    [InlineData("{ \"colour\": \"red\" }", "colour", "is not a setting. The top level knows")]
    [InlineData("{ \"loader\": { \"keepPublised\": 2 } }", "loader.keepPublised", "is not a loader setting (did you mean \"keepPublished\"?). The loader section knows memoryLimit, keepPublished.")]
    [InlineData("{ \"schedule\": { \"nigthly\": \"0 0 1 * * ?\" } }", "schedule.nigthly", "(did you mean \"nightly\"?)")]
    public void A_top_level_error_names_the_field(string json, string field, string word)
    {
        var error = Assert.Throws<ConfigException>(() => Configs.Load(folder, json));
        Assert.Null(error.SourceName);
        Assert.Equal(field, error.Field);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Path, "ipwh.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_environment_variable_names_the_variable_and_the_fix()
    {
        var error = Assert.Throws<ConfigException>(() => Load(
            "{ \"name\": \"finance\", \"kind\": \"subsidies\", \"connector\": \"postgres\", \"connection\": \"${FINANCE_DB}\", \"table\": \"t\" }"));
        Assert.Equal("finance", error.SourceName);
        Assert.Equal("connection", error.Field);
        Assert.Contains("FINANCE_DB", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set FINANCE_DB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_is_never_echoed_in_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Load(
            "{ \"name\": \"finance\", \"kind\": \"subsidies\", \"connector\": \"postgres\", \"connection\": \"Host=h;Pasword=TopSecret\", \"table\": \"t\" }"));
        Assert.DoesNotContain("TopSecret", error.Message, StringComparison.Ordinal);
    }

    private IpwhConfig Load(string sources) => Configs.Load(folder, $"{{ \"sources\": [ {sources} ] }}");
}
