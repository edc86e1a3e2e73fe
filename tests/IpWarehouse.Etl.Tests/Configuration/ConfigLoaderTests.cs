using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Etl.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_sources_md_example_loads_with_comments_trailing_commas_env_and_relative_paths()
    {
        folder.Write("drops/patents/2024-01.csv", "申请号\n");
        folder.Write("drops/patents/2024-02.csv", "申请号\n");
        folder.WriteBytes("drops/trademarks.xlsx", [1]);
        folder.WriteBytes("stats.db", []);
        var config = Configs.Load(folder, """
            {
              // folder holding the DuckDB files
              "warehouse": "warehouse",
              "timeZone": "Asia/Shanghai",
              "sources": [
                { "name": "cnipa-patents", "kind": "patents", "connector": "csv",
                  "path": "drops/patents/*.csv", "encoding": "auto" },              /* auto | utf-8 | gb18030 */
                { "name": "tm-export", "kind": "trademarks", "connector": "xlsx",
                  "path": "drops/trademarks.xlsx", "sheet": "商标" },
                { "name": "case-system", "kind": "cases", "connector": "sqlserver",
                  "connection": "Server=cases.local;Database=Cases;Encrypt=true", "table": "dbo.IpCases",
                  "watermark": "UpdatedAt",
                  "columns": { "case_no": "CaseNo", "filed_date": "FiledOn", }, },
                { "name": "finance", "kind": "subsidies", "connector": "postgres",
                  "connection": "${FINANCE_DB}", "query": "SELECT * FROM payments" },
                { "name": "stats", "kind": "population", "connector": "sqlite",
                  "connection": "Data Source=stats.db", "table": "population" },
              ],
              "schedule": { "nightly": "0 30 1 * * ?" },
            }
            """, new Dictionary<string, string> { ["FINANCE_DB"] = "Host=finance.local;Database=finance;Username=etl;Password=s3cret" });

        Assert.Equal(Path.Combine(folder.Path, "warehouse"), config.Warehouse);
        Assert.Equal("Asia/Shanghai", config.TimeZone.Id);
        Assert.Equal("0 30 1 * * ?", config.Schedule.Nightly);
        Assert.Equal(["cnipa-patents", "tm-export", "case-system", "finance", "stats"], config.Sources.Select(s => s.Name));

        var patents = config.Sources[0];
        Assert.Equal(SourceKind.Patents, patents.Kind);
        Assert.Equal(ConnectorKind.Csv, patents.Connector);
        Assert.Equal(Path.Combine(folder.Path, "drops/patents/*.csv"), patents.Path);
        Assert.Equal(2, patents.ExpandFiles().Count);

        Assert.Equal("商标", config.Sources[1].Sheet);
        var cases = config.Sources[2];
        Assert.Equal(ConnectorKind.SqlServer, cases.Connector);
        Assert.Equal("dbo.IpCases", cases.Table);
        Assert.Equal("UpdatedAt", cases.Watermark);
        Assert.Equal("CaseNo", cases.Columns["case_no"]);
        Assert.Equal("FiledOn", cases.Columns["filed_date"]);

        Assert.Equal("Host=finance.local;Database=finance;Username=etl;Password=s3cret", config.Sources[3].Connection);
        Assert.Equal("SELECT * FROM payments", config.Sources[3].Query);

        var sqlite = new SqliteConnectionStringBuilder(config.Sources[4].Connection);
        Assert.Equal(Path.Combine(folder.Path, "stats.db"), sqlite.DataSource);
    }

    [Fact]
    public void Defaults_apply_when_optional_fields_are_left_out()
    {
        var config = Configs.Load(folder, "{ }");
        Assert.Equal("Asia/Shanghai", config.TimeZoneId);
        Assert.Equal(Path.Combine(folder.Path, "warehouse"), config.Warehouse);
        Assert.Equal(Path.Combine(folder.Path, "warehouse", "tmp"), config.TempFolder);
        Assert.Empty(config.Sources);
        Assert.Null(config.Schedule.Nightly);
    }

    [Fact]
    public void Csv_encoding_defaults_to_auto_and_accepts_the_three_names()
    {
        folder.Write("a.csv", "x\n");
        Assert.Equal(CsvEncoding.Auto, Configs.Source(folder, "patents", "csv", "\"path\": \"a.csv\"").Encoding);
        Assert.Equal(CsvEncoding.Utf8, Configs.Source(folder, "patents", "csv", "\"path\": \"a.csv\", \"encoding\": \"utf-8\"").Encoding);
        Assert.Equal(CsvEncoding.Gb18030, Configs.Source(folder, "patents", "csv", "\"path\": \"a.csv\", \"encoding\": \"gb18030\"").Encoding);
    }

    [Fact]
    public void Top_level_sections_for_other_parts_are_kept_with_variables_expanded()
    {
        var config = Configs.Load(folder, """
            {
              "scheduler": { "store": "postgres", "connection": "${QUARTZ_DB}", "nodes": [ "a", "${NODE}" ] },
              "server": { "port": 5080 },
              "indicators": [ "patent_applications" ],
            }
            """, new Dictionary<string, string> { ["QUARTZ_DB"] = "Host=q", ["NODE"] = "b" });

        var scheduler = config.Section("scheduler")!.Value;
        Assert.Equal("Host=q", scheduler.GetProperty("connection").GetString());
        Assert.Equal("b", scheduler.GetProperty("nodes")[1].GetString());
        Assert.Equal(5080, config.Sections["server"].GetProperty("port").GetInt32());
        Assert.Equal(JsonValueKind.Array, config.Sections["indicators"].ValueKind);
        Assert.Null(config.Section("absent"));
    }

    [Fact]
    public void Variables_expand_inside_longer_strings_and_a_double_dollar_escapes()
    {
        folder.Write("drops/2024/p.csv", "x\n");
        var config = Configs.Load(folder, """
            { "warehouse": "${ROOT}/wh", "sources": [
                { "name": "p", "kind": "patents", "connector": "csv", "path": "drops/${YEAR}/*.csv" },
                { "name": "d", "kind": "cases", "connector": "postgres", "connection": "Host=h;Password=a$${b}", "table": "t" } ] }
            """, new Dictionary<string, string> { ["ROOT"] = "/srv/ipwh", ["YEAR"] = "2024" });
        Assert.Equal("/srv/ipwh/wh", config.Warehouse);
        Assert.Single(config.Sources[0].ExpandFiles());
        Assert.Equal("Host=h;Password=a${b}", config.Sources[1].Connection);
    }

    [Fact]
    public void Absolute_paths_are_kept()
    {
        using var other = new TempFolder();
        var csv = other.Write("p.csv", "x\n");
        var source = Configs.Source(folder, "patents", "csv", $"\"path\": \"{csv}\"");
        Assert.Equal(csv, source.Path);
    }

    [Fact]
    public void A_glob_may_match_nothing_when_files_are_not_checked()
    {
        var config = Configs.Load(folder, """
            { "sources": [ { "name": "p", "kind": "patents", "connector": "csv", "path": "later/*.csv" } ] }
            """, checkFiles: false);
        Assert.Empty(config.Sources[0].ExpandFiles());
    }

    [Fact]
    public void Locate_prefers_the_explicit_path_then_the_environment_then_the_current_folder()
    {
        var explicitFile = folder.Write("explicit.json", "{}");
        var fromEnv = folder.Write("env.json", "{}");
        var local = folder.Write("ipwh.json", "{}");
        var env = Configs.Environment(new Dictionary<string, string> { [ConfigLoader.EnvironmentVariable] = fromEnv });

        Assert.Equal(explicitFile, ConfigLoader.Locate(explicitFile, env, folder.Path));
        Assert.Equal(explicitFile, ConfigLoader.Locate("explicit.json", env, folder.Path));
        Assert.Equal(fromEnv, ConfigLoader.Locate(null, env, folder.Path));
        Assert.Equal(local, ConfigLoader.Locate(null, Configs.Environment(null), folder.Path));
    }

    [Fact]
    public void Locate_names_where_the_missing_file_was_expected()
    {
        var none = Configs.Environment(null);
        var fromEnv = Configs.Environment(new Dictionary<string, string> { [ConfigLoader.EnvironmentVariable] = "/nowhere/ipwh.json" });

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Locate("missing.json", none, folder.Path));
        Assert.Contains("--config", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ConfigException>(() => ConfigLoader.Locate(null, fromEnv, folder.Path));
        Assert.Contains("IPWH_CONFIG", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere/ipwh.json", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ConfigException>(() => ConfigLoader.Locate(null, none, folder.Path));
        Assert.Contains("ipwh.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("--config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var error = Assert.Throws<ConfigException>(() => Configs.Load(folder, "{\n  \"warehouse\": \"w\"\n  \"timeZone\": \"x\"\n}"));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }
}
